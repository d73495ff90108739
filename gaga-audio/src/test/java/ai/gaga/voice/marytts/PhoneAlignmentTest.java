package ai.gaga.voice.marytts;

import ai.gaga.voice.PhoneTiming;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneAlignmentTest {
    private static final List<PhoneTiming> HELLO = List.of(new PhoneTiming("h", 0, 0.1),
            new PhoneTiming("@", 0.1, 0.2), new PhoneTiming("_", 0.2, 0.6), new PhoneTiming("l", 0.6, 0.8),
            new PhoneTiming("@U", 0.8, 1.0), new PhoneTiming("_", 1.0, 1.2));

    @Test
    void stretchesOnlySpeechToCloseRoundingDrift() {
        // 0.6 s of speech, 0.6 s of pauses; the audio is 30 ms longer: speech grows by 5%.
        List<PhoneTiming> fitted = PhoneAlignment.fit(HELLO, 1.23);
        assertEquals(0.105, fitted.get(0).end(), 1e-9);
        assertEquals(0.4, fitted.get(2).duration(), 1e-9, "pauses keep their length");
        assertEquals(0.21, fitted.get(3).duration(), 1e-9);
        assertEquals(1.23, fitted.get(5).end(), 1e-12);
        for (int i = 1; i < fitted.size(); i++) {
            assertEquals(fitted.get(i - 1).end(), fitted.get(i).start(), 1e-12);
        }
    }

    @Test
    void leavesTimingsThatAlreadyFitAlone() {
        assertEquals(HELLO, PhoneAlignment.fit(HELLO, 1.2));
    }

    @Test
    void trimsOrPadsWhenTheMismatchIsNotRounding() {
        List<PhoneTiming> cut = PhoneAlignment.fit(HELLO, 0.7);
        assertEquals(List.of("h", "@", "_", "l"), cut.stream().map(PhoneTiming::phone).toList());
        assertEquals(0.7, cut.get(3).end(), 1e-12);

        List<PhoneTiming> speechOnly = List.of(new PhoneTiming("a", 0, 0.5));
        List<PhoneTiming> padded = PhoneAlignment.trimOrPad(speechOnly, 0.8);
        assertEquals(new PhoneTiming("_", 0.5, 0.8), padded.get(1));
    }
}
