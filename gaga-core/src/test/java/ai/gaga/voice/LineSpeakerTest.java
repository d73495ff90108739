package ai.gaga.voice;

import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Beat;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Line;
import ai.gaga.scene.LineStart;
import ai.gaga.scene.Voice;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pause handling with a test engine whose output length is known exactly (0.1 s of tone per character); the real
 * voices are exercised by gaga-examples' end-to-end tests.
 */
class LineSpeakerTest {
    private static final int RATE = PcmAudio.STANDARD_RATE;

    /** A test engine: 0.1 s of tone per character, one phone per piece, and it records what it was asked. */
    static final class ToneEngine implements SpeechEngine {
        final List<SpeechRequest> requests = new ArrayList<>();

        @Override
        public String id() {
            return "tone";
        }

        @Override
        public Utterance synthesize(SpeechRequest request) {
            requests.add(request);
            float[] x = new float[request.text().length() * RATE / 10];
            Arrays.fill(x, 0.5f);
            return new Utterance(new PcmAudio(x, RATE, 1), List.of(new PhoneTiming(request.text(), 0,
                    x.length / (double) RATE)), id());
        }
    }

    @Test
    void pausesInsideALineBecomeSilenceOfTheirLength() {
        Line line = new Line("maya", "Go now. Bye.", Emotion.SADNESS, 0.6, Delivery.WHISPER, LineStart.SEQUENTIAL,
                List.of(Beat.pause(8, Duration.ofMillis(700))), "");
        ToneEngine engine = new ToneEngine();
        Utterance u = LineSpeaker.speak(engine, line, Voice.DEFAULT);

        assertEquals(List.of("Go now.", "Bye."), engine.requests.stream().map(SpeechRequest::text).toList());
        assertTrue(engine.requests.stream().allMatch(r -> r.emotion() == Emotion.SADNESS
                && r.delivery() == Delivery.WHISPER && r.intensity() == 0.6), "every piece keeps the acting");
        assertEquals(0.7 + 0.7 + 0.4, u.durationSeconds(), 1e-6);
        float[] s = u.audio().samples();
        assertEquals(0.5f, s[(int) (0.69 * RATE)]);
        assertEquals(0f, s[(int) (0.71 * RATE)]);
        assertEquals(0f, s[(int) (1.39 * RATE)]);
        assertEquals(0.5f, s[(int) (1.41 * RATE)]);
        assertEquals(List.of("Go now.", "_", "Bye."), u.phones().stream().map(PhoneTiming::phone).toList());
        assertEquals(1.4, u.phones().get(2).start(), 1e-6);
    }

    @Test
    void ellipsisPausesAndPlainLines() {
        ToneEngine engine = new ToneEngine();
        Utterance plain = LineSpeaker.speak(engine, Line.of("maya", "Hello."), Voice.DEFAULT);
        assertEquals(0.6, plain.durationSeconds(), 1e-6);
        Utterance ellipsis = LineSpeaker.speak(engine, Line.of("maya", "Well... fine."), Voice.DEFAULT);
        double expected = "Well...".length() * 0.1 + Line.ELLIPSIS_PAUSE.toMillis() / 1000.0 + "fine.".length() * 0.1;
        assertEquals(expected, ellipsis.durationSeconds(), 1e-6);
    }
}
