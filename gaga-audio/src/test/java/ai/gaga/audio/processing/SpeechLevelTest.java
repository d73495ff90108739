package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeechLevelTest {
    private static final int RATE = 16_000;

    /** Syllables: a 140 Hz buzz, 0.16 s loud then 0.08 s quiet, {@code seconds} long, peaking at {@code amplitude}. */
    private static float[] syllables(double seconds, double amplitude) {
        float[] s = new float[(int) (seconds * RATE)];
        for (int i = 0; i < s.length; i++) {
            double t = i / (double) RATE;
            double phase = 2 * Math.PI * 140 * t;
            double envelope = (t % 0.24) < 0.16 ? 1 : 0.15;
            s[i] = (float) (amplitude * envelope * (0.6 * Math.sin(phase) + 0.3 * Math.sin(2 * phase)));
        }
        return s;
    }

    /** RMS of samples [from, to). */
    private static double rms(float[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += s[i] * (double) s[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    @Test
    void aBurstAtTheStartIsTakenOutAndTheSpeechBroughtToTheTarget() {
        // As MaryTTS gave "I am so sorry.": 25 ms of noise at full scale, the speech 20 dB under it.
        float[] s = syllables(1.5, 0.05);
        Random r = new Random(1);
        for (int i = 0; i < RATE / 40; i++) {
            s[i] = (float) (r.nextDouble() * 2 - 1);
        }
        PcmAudio out = SpeechLevel.level(new PcmAudio(s, RATE, 1), SpeechLevel.TARGET);
        float[] o = out.samples();
        double level = SpeechLevel.of(out);
        assertEquals(SpeechLevel.TARGET, level, 0.1 * SpeechLevel.TARGET, "speech level");
        double onset = rms(o, 0, RATE / 40);
        assertTrue(onset < 0.35 * level, "burst " + onset + " against speech at " + level);
        for (int k = 0; k + RATE / 100 <= o.length; k += RATE / 100) {
            double frame = rms(o, k, k + RATE / 100);
            assertTrue(frame <= SpeechLevel.MAX_OVER_LEVEL * level * 1.05, "10 ms at " + k + ": " + frame);
        }
    }

    @Test
    void cleanSpeechIsOnlyScaledAndLinesEndAtOneLevel() {
        float[] quiet = syllables(1.2, 0.03);
        float[] loud = syllables(1.2, 0.6);
        PcmAudio a = SpeechLevel.level(new PcmAudio(quiet, RATE, 1), SpeechLevel.TARGET);
        PcmAudio b = SpeechLevel.level(new PcmAudio(loud, RATE, 1), SpeechLevel.TARGET);
        assertEquals(SpeechLevel.of(a), SpeechLevel.of(b), 0.02 * SpeechLevel.TARGET);
        // no burst, no onset noise: one gain for every sample
        double g = a.samples()[1000] / quiet[1000];
        for (int i = 0; i < quiet.length; i += 37) {
            assertEquals(quiet[i] * g, a.samples()[i], 1e-4, "sample " + i);
        }
    }

    @Test
    void aVowelAtTheOnsetIsKeptAndStereoIsLevelledAlike() {
        float[] mono = syllables(1.0, 0.2);
        float[] stereo = new float[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = 0.5f * mono[i];
        }
        PcmAudio out = SpeechLevel.level(new PcmAudio(stereo, RATE, 2), SpeechLevel.TARGET);
        float[] o = out.samples();
        double g = o[2 * 500] / stereo[2 * 500];
        assertEquals(g, o[2 * 500 + 1] / stereo[2 * 500 + 1], 1e-4, "channels take one gain");
        // the first 50 ms is a loud vowel (few zero crossings): not softened
        assertEquals(g * rms(mono, 0, RATE / 20), rms(everyOther(o), 0, RATE / 20), 0.01);
    }

    @Test
    void aPhraseFarUnderTheRestOfItsLineIsRaisedAndOthersKeepTheirBalance() {
        // As Mary said "I am so sorry. I did not mean it.": the first sentence 20 dB under the second.
        float[] quiet = syllables(1.0, 0.02);
        float[] loud = syllables(1.0, 0.25);
        float[] line = new float[quiet.length + RATE / 3 + loud.length];
        System.arraycopy(quiet, 0, line, 0, quiet.length);
        System.arraycopy(loud, 0, line, quiet.length + RATE / 3, loud.length);
        float[] o = SpeechLevel.level(new PcmAudio(line, RATE, 1), SpeechLevel.TARGET).samples();
        double first = SpeechLevel.of(new PcmAudio(java.util.Arrays.copyOfRange(o, 0, quiet.length), RATE, 1));
        double second = SpeechLevel.of(new PcmAudio(java.util.Arrays.copyOfRange(o, o.length - loud.length,
                o.length), RATE, 1));
        assertEquals(SpeechLevel.QUIET_PHRASE, first / second, 0.05, "first phrase " + first + ", second " + second);
        // the pause between them is not raised with the quiet phrase
        assertEquals(0, rms(o, quiet.length + RATE / 20, quiet.length + RATE / 3 - RATE / 20), 1e-6);

        // phrases 4 dB apart keep their balance
        float[] near = syllables(1.0, 0.16);
        System.arraycopy(near, 0, line, 0, near.length);
        float[] kept = SpeechLevel.level(new PcmAudio(line, RATE, 1), SpeechLevel.TARGET).samples();
        double a = rms(kept, 0, near.length);
        double b = rms(kept, kept.length - loud.length, kept.length);
        assertEquals(0.16 / 0.25, a / b, 0.01);
    }

    @Test
    void silencePassesUnchanged() {
        PcmAudio silence = new PcmAudio(new float[RATE], RATE, 1);
        assertSame(silence, SpeechLevel.level(silence, SpeechLevel.TARGET));
        assertEquals(0, SpeechLevel.of(silence));
    }

    private static float[] everyOther(float[] s) {
        float[] m = new float[s.length / 2];
        for (int i = 0; i < m.length; i++) {
            m[i] = s[2 * i];
        }
        return m;
    }
}
