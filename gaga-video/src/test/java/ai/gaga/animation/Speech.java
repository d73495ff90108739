package ai.gaga.animation;

import ai.gaga.audio.PcmAudio;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.viseme.OculusViseme;
import ai.gaga.voice.viseme.Viseme;
import ai.gaga.voice.viseme.VisemeTrack;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic utterances for animation tests: each segment is a viseme held for a time, voiced as a 140 Hz buzz at a
 * chosen amplitude (0 = silence), so the loudness envelope and the visemes are known exactly.
 */
final class Speech {
    private static final int RATE = PcmAudio.STANDARD_RATE;
    private final List<Viseme> visemes = new ArrayList<>();
    private final List<PhoneTiming> phones = new ArrayList<>();
    private final List<double[]> amplitudes = new ArrayList<>();
    private double t;

    static Speech builder() {
        return new Speech();
    }

    /** A viseme held {@code seconds}, voiced at {@code amplitude}. */
    Speech say(OculusViseme shape, double seconds, double amplitude) {
        visemes.add(new Viseme(shape, t, t + seconds));
        phones.add(new PhoneTiming(shape == OculusViseme.SIL ? "_" : shape.code(), t, t + seconds));
        amplitudes.add(new double[] {t, t + seconds, amplitude});
        t += seconds;
        return this;
    }

    Speech silence(double seconds) {
        return say(OculusViseme.SIL, seconds, 0);
    }

    /** Consonant (quiet) then vowel (loud): one syllable. */
    Speech syllable(OculusViseme consonant, OculusViseme vowel, double loudness) {
        return say(consonant, 0.08, 0.15 * loudness).say(vowel, 0.16, loudness);
    }

    Utterance build() {
        int n = (int) Math.round(t * RATE);
        float[] samples = new float[n];
        for (double[] a : amplitudes) {
            int from = (int) Math.round(a[0] * RATE);
            int to = Math.min(n, (int) Math.round(a[1] * RATE));
            for (int i = from; i < to; i++) {
                double phase = 2 * Math.PI * 140 * i / RATE;
                double buzz = 0.6 * Math.sin(phase) + 0.3 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase);
                samples[i] = (float) (a[2] * buzz);
            }
        }
        return new Utterance(new PcmAudio(samples, RATE, 1), phones, "test", new VisemeTrack(visemes));
    }

    double duration() {
        return t;
    }
}
