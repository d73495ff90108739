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

    @Test
    void laughsAndSighsAreVoicedSoundsWithTheirMouthShapes() {
        Line line = new Line("maya", "You did what? That is wonderful.", Emotion.JOY, 0.8, Delivery.NORMAL,
                LineStart.SEQUENTIAL, List.of(Beat.of(14, Beat.Kind.LAUGH)), "");
        ToneEngine engine = new ToneEngine();
        Utterance u = LineSpeaker.speak(engine, line, Voice.DEFAULT);
        assertEquals(List.of("You did what?", "That is wonderful."), engine.requests.stream()
                .map(SpeechRequest::text).toList());
        PhoneTiming laugh = u.phones().stream().filter(p -> p.phone().equals("(laugh)")).findFirst().orElseThrow();
        assertEquals(1.3, laugh.start(), 1e-6, "after the first piece");
        assertTrue(laugh.duration() > 0.6 && laugh.duration() < 1.3, "a laugh lasts " + laugh.duration());
        // a laugh is bursts: loud "ha"s separated by near-silence, with the voice's pitch
        double[] env = envelope(u.audio().samples(), laugh.start(), laugh.end(), 0.02);
        double max = Arrays.stream(env).max().orElseThrow();
        long quiet = Arrays.stream(env).filter(v -> v < 0.15 * max).count();
        assertTrue(max > 0.05, "audible laugh, peak envelope " + max);
        assertTrue(quiet >= 3, "gaps between the syllables: " + Arrays.toString(env));
        // the mouth opens for each "ha"
        long open = u.visemes().visemes().stream().filter(v -> v.shape() == ai.gaga.voice.viseme.OculusViseme.AA
                && v.start() >= laugh.start() - 1e-6 && v.end() <= laugh.end() + 1e-6).count();
        assertTrue(open >= 3, "one open mouth per syllable, got " + open);
        assertEquals(u.durationSeconds(), u.visemes().duration(), 1e-6, "visemes cover the audio");

        Line sigh = new Line("maya", "Fine.", Emotion.SADNESS, 0.5, Delivery.WHISPER, LineStart.SEQUENTIAL,
                List.of(Beat.of(0, Beat.Kind.SIGH)), "");
        Utterance s = LineSpeaker.speak(new ToneEngine(), sigh, Voice.DEFAULT);
        assertEquals("(sigh)", s.phones().get(0).phone());
        assertTrue(s.phones().get(0).duration() > 0.8, "a sigh is long");
        assertTrue(zeroCrossingRate(s.audio().samples(), 0.2, 0.8) > 1500,
                "a whispered sigh is breath (noise), not a hum");
    }

    @Test
    void longTextIsSplitAtClauseBoundaries() {
        String sentence = "This sentence is here to make the text long enough, and it keeps going for a while. ";
        Line line = Line.of("maya", sentence.repeat(8).strip());
        ToneEngine engine = new ToneEngine();
        Utterance u = LineSpeaker.speak(engine, line, Voice.DEFAULT);
        assertTrue(engine.requests.size() >= 3, "split into " + engine.requests.size());
        for (SpeechRequest r : engine.requests) {
            assertTrue(r.text().length() <= LineSpeaker.MAX_PIECE, r.text().length() + " chars");
            assertTrue(r.text().endsWith("."), "cut at a sentence end: " + r.text());
        }
        assertEquals(sentence.repeat(8).replace(" ", ""), String.join("", engine.requests.stream()
                .map(SpeechRequest::text).toList()).replace(" ", ""), "nothing lost");
        assertEquals(u.durationSeconds(), u.visemes().duration(), 1e-6);
        assertEquals(List.of("a", "b"), LineSpeaker.split("a\u3002b", 1).stream().map(String::strip).toList());
        assertEquals(List.of("\u4f60\u597d\u3002", "\u518d\u89c1\u3002"), LineSpeaker.split("\u4f60\u597d\u3002\u518d\u89c1\u3002", 4),
                "Chinese full stops are clause ends");
    }

    private static double[] envelope(float[] x, double from, double to, double window) {
        int w = (int) (window * RATE);
        int a = (int) (from * RATE);
        int n = (int) ((to - from) / window);
        double[] env = new double[n];
        for (int k = 0; k < n; k++) {
            double sum = 0;
            for (int i = a + k * w; i < a + (k + 1) * w; i++) {
                sum += x[i] * (double) x[i];
            }
            env[k] = Math.sqrt(sum / w);
        }
        return env;
    }

    private static double zeroCrossingRate(float[] x, double from, double to) {
        int crossings = 0;
        for (int i = (int) (from * RATE) + 1; i < (int) (to * RATE); i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                crossings++;
            }
        }
        return crossings / (to - from);
    }
}
