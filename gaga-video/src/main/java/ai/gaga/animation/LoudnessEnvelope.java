package ai.gaga.animation;

import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.SpeechLoudness;

/**
 * The loudness of an utterance over time: RMS in a short window around each instant, relative to the utterance's own
 * loud level (its 90th percentile), so that stressed syllables read above 1 and quiet ones well below whatever the
 * voice's absolute level.
 */
final class LoudnessEnvelope {
    private static final double WINDOW = 0.02;
    private final float[] relative;
    private final double rate;

    private LoudnessEnvelope(float[] relative, double rate) {
        this.relative = relative;
        this.rate = rate;
    }

    /** The envelope sampled {@code rate} times a second from the audio's start. */
    static LoudnessEnvelope of(PcmAudio audio, double rate) {
        int sr = audio.sampleRate();
        int ch = audio.channels();
        float[] s = audio.samples();
        int frames = audio.frames();
        int n = (int) Math.ceil(frames / (double) sr * rate) + 1;
        int half = (int) Math.round(WINDOW * sr / 2);
        double[] rms = new double[n];
        for (int k = 0; k < n; k++) {
            int centre = (int) Math.round(k / rate * sr);
            int from = Math.max(0, centre - half);
            int to = Math.min(frames, centre + half);
            double sum = 0;
            for (int i = from; i < to; i++) {
                for (int c = 0; c < ch; c++) {
                    double x = s[i * ch + c];
                    sum += x * x;
                }
            }
            rms[k] = to > from ? Math.sqrt(sum / ((to - from) * ch)) : 0;
        }
        double ref = reference(rms);
        float[] rel = new float[n];
        for (int k = 0; k < n; k++) {
            rel[k] = ref > 0 ? (float) Math.min(1.5, rms[k] / ref) : 0f;
        }
        return new LoudnessEnvelope(rel, rate);
    }

    /** The speech's loud level ({@link SpeechLoudness#reference}); 0 for silence. */
    private static double reference(double[] rms) {
        return SpeechLoudness.reference(rms, 1e-6);
    }

    /** Relative loudness at {@code t} seconds from the utterance start (0 outside it). */
    double at(double t) {
        int k = (int) Math.round(t * rate);
        return k < 0 || k >= relative.length ? 0 : relative[k];
    }
}
