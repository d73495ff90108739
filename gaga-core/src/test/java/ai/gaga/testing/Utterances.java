package ai.gaga.testing;

import ai.gaga.audio.PcmAudio;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.Utterance;

import java.util.List;

/** Utterances for tests that place, frame or caption lines without hearing them. */
public final class Utterances {
    private Utterances() {
    }

    /** A line of {@code seconds} of silence at the standard rate, timed as one phone "a". */
    public static Utterance silent(double seconds) {
        return new Utterance(PcmAudio.silence(seconds, PcmAudio.STANDARD_RATE, 1),
                List.of(new PhoneTiming("a", 0, seconds)), "test");
    }
}
