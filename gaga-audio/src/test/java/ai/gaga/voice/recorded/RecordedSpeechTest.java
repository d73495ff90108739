package ai.gaga.voice.recorded;

import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.WavWriter;
import ai.gaga.audio.processing.SpeechLevel;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordedSpeechTest {
    @TempDir
    Path dir;

    /** Syllables of a 130 Hz voice, loud and soft in turn, at {@code amplitude}: a recording made at that gain. */
    private static PcmAudio recording(double amplitude) {
        int rate = PcmAudio.STANDARD_RATE;
        float[] s = new float[(int) (1.6 * rate)];
        for (int i = 0; i < s.length; i++) {
            double t = i / (double) rate;
            double phase = 2 * Math.PI * 130 * t;
            double envelope = t < 0.2 || t > 1.4 ? 0 : (t % 0.3) < 0.2 ? 1 : 0.3;
            s[i] = (float) (amplitude * envelope * (0.7 * Math.sin(phase) + 0.3 * Math.sin(3 * phase)));
        }
        return new PcmAudio(s, rate, 1);
    }

    @Test
    void aQuietAndALoudRecordingSpeakAtTheVoicesLevelKeepingTheirDynamics() throws Exception {
        Path quiet = dir.resolve("quiet.wav");
        Path loud = dir.resolve("loud.wav");
        WavWriter.write(recording(0.02), quiet); // a phone held at arm's length, -35 dBFS
        WavWriter.write(recording(0.7), loud);
        Utterance a = new RecordedSpeech().read(quiet);
        Utterance b = new RecordedSpeech().read(loud);
        assertEquals(SpeechLevel.TARGET, SpeechLevel.of(a.audio()), 0.03 * SpeechLevel.TARGET);
        assertEquals(SpeechLevel.TARGET, SpeechLevel.of(b.audio()), 0.03 * SpeechLevel.TARGET);
        // one gain: soft syllables stay 0.3 of the loud ones
        float[] x = a.audio().samples();
        int rate = a.audio().sampleRate();
        double loudPart = rms(x, (int) (0.31 * rate), (int) (0.49 * rate));
        double softPart = rms(x, (int) (0.51 * rate), (int) (0.59 * rate));
        assertEquals(0.3, softPart / loudPart, 0.02);
        assertTrue(a.visemes().visemes().size() > 2, "mouth shapes read from the sound");
    }

    private static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * (double) x[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
