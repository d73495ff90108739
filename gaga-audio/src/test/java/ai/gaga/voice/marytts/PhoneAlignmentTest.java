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
    void leavesTimingsThatAlreadyFitAlone() {
        assertEquals(HELLO, PhoneAlignment.trimOrPad(HELLO, 1.2));
    }

    @Test
    void closesFloatingPointDustOnTheLastPhone() {
        List<PhoneTiming> speechOnly = List.of(new PhoneTiming("a", 0, 0.5 - 1e-9));
        assertEquals(List.of(new PhoneTiming("a", 0, 0.5)), PhoneAlignment.trimOrPad(speechOnly, 0.5));
    }

    @Test
    void trimsOrPadsToTheAudio() {
        List<PhoneTiming> cut = PhoneAlignment.trimOrPad(HELLO, 0.7);
        assertEquals(List.of("h", "@", "_", "l"), cut.stream().map(PhoneTiming::phone).toList());
        assertEquals(0.7, cut.get(3).end(), 1e-12);

        List<PhoneTiming> longer = PhoneAlignment.trimOrPad(HELLO, 1.3);
        assertEquals(new PhoneTiming("_", 1.0, 1.3), longer.get(5), "a final pause absorbs the gap");

        List<PhoneTiming> speechOnly = List.of(new PhoneTiming("a", 0, 0.5));
        List<PhoneTiming> padded = PhoneAlignment.trimOrPad(speechOnly, 0.8);
        assertEquals(new PhoneTiming("_", 0.5, 0.8), padded.get(1));
    }
}
