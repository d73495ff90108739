package ai.gaga.audio.processing;

/** Raised-cosine fades and peak normalisation for generated stereo material (score, ambience). */
public final class Fades {
    private Fades() {
    }

    /** Fades interleaved stereo in and out (each fade at most a third of the length) and scales the peak. */
    public static void fadeAndNormalise(float[] stereo, int rate, double fadeIn, double fadeOut, float targetPeak) {
        int frames = stereo.length / 2;
        int in = (int) Math.min(frames / 3, fadeIn * rate);
        int out = (int) Math.min(frames / 3, fadeOut * rate);
        float peak = 1e-9f;
        for (int i = 0; i < frames; i++) {
            double g = 1;
            if (i < in) {
                g = 0.5 - 0.5 * Math.cos(Math.PI * i / in);
            }
            int fromEnd = frames - 1 - i;
            if (fromEnd < out) {
                g *= 0.5 - 0.5 * Math.cos(Math.PI * fromEnd / out);
            }
            stereo[2 * i] *= (float) g;
            stereo[2 * i + 1] *= (float) g;
            peak = Math.max(peak, Math.max(Math.abs(stereo[2 * i]), Math.abs(stereo[2 * i + 1])));
        }
        float scale = targetPeak / peak;
        for (int i = 0; i < stereo.length; i++) {
            stereo[i] *= scale;
        }
    }
}
