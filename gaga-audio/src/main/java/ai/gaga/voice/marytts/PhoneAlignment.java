package ai.gaga.voice.marytts;

import ai.gaga.voice.PhoneTiming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes Mary's phone timings cover its audio exactly, as {@link ai.gaga.voice.Utterance} promises.
 *
 * <p>Mary's vocoder renders each HMM state in whole 5 ms frames. At the voice's natural speed the planned durations
 * are already whole frames and match the audio to within a frame or two; once the rate is changed they are
 * fractional, the vocoder rounds state by state, and the total drifts (measured: up to about 2.5%, 60 ms on a 2.4 s
 * line). The rounding is spread over all phones, so the speech phones are stretched by one common factor to close the
 * gap (pauses are rendered as planned, to the frame, and keep their length). Anything still off after that is trimmed
 * or padded at the end.
 */
final class PhoneAlignment {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneAlignment.class);
    /** Beyond this mismatch the timings are not trusted to be Mary's rounding, and are only trimmed or padded. */
    private static final double MAX_STRETCH = 0.1;
    /** Seconds; far below one sample. */
    private static final double EPSILON = 1e-6;

    private PhoneAlignment() {
    }

    /** Phones that start at 0 and end exactly at {@code duration}. */
    static List<PhoneTiming> fit(List<PhoneTiming> phones, double duration) {
        List<PhoneTiming> stretched = stretchSpeech(phones, duration);
        return trimOrPad(stretched, duration);
    }

    private static List<PhoneTiming> stretchSpeech(List<PhoneTiming> phones, double duration) {
        double speech = 0;
        double pauses = 0;
        for (PhoneTiming p : phones) {
            if (p.isSilence()) {
                pauses += p.duration();
            } else {
                speech += p.duration();
            }
        }
        if (speech <= 0 || speech + pauses == duration) {
            return phones;
        }
        double factor = (duration - pauses) / speech;
        if (!(Math.abs(factor - 1) <= MAX_STRETCH)) {
            LOG.warn("MaryTTS phone timings ({} s) and audio ({} s) differ by more than its rounding; trimming "
                    + "instead of stretching", speech + pauses, duration);
            return phones;
        }
        List<PhoneTiming> out = new ArrayList<>(phones.size());
        double t = 0;
        for (PhoneTiming p : phones) {
            double d = p.isSilence() ? p.duration() : p.duration() * factor;
            out.add(new PhoneTiming(p.phone(), t, t + d));
            t += d;
        }
        return out;
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
