package ai.gaga.voice.marytts;

import ai.gaga.voice.PhoneTiming;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes phone timings end exactly where the audio does, as {@link ai.gaga.voice.Utterance} promises: Mary's planned
 * phones, played at a tempo, end within a sample of the length rounded from them.
 */
final class PhoneAlignment {
    /** Seconds; far below one sample. */
    private static final double EPSILON = 1e-6;

    private PhoneAlignment() {
    }

    /**
     * Phones ending after {@code duration} are cut there (those starting after it dropped); a gap before the end is
     * filled by stretching a final pause, or by a new pause phone {@code _}.
     */
    static List<PhoneTiming> trimOrPad(List<PhoneTiming> phones, double duration) {
        List<PhoneTiming> out = new ArrayList<>(phones.size() + 1);
        for (PhoneTiming p : phones) {
            if (p.start() >= duration) {
                break;
            }
            out.add(p.end() > duration ? new PhoneTiming(p.phone(), p.start(), duration) : p);
        }
        double end = out.isEmpty() ? 0 : out.get(out.size() - 1).end();
        if (end < duration) {
            PhoneTiming last = out.isEmpty() ? null : out.get(out.size() - 1);
            // A final pause absorbs the gap, and so does any phone when the gap is only floating-point dust.
            if (last != null && (last.isSilence() || duration - end < EPSILON)) {
                out.set(out.size() - 1, new PhoneTiming(last.phone(), last.start(), duration));
            } else {
                out.add(new PhoneTiming("_", end, duration));
            }
        }
        return List.copyOf(out);
    }
}
