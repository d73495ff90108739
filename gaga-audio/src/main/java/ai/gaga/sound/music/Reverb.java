package ai.gaga.sound.music;

/**
 * A small Schroeder/Freeverb-style room: four damped comb filters and two all-passes per channel, the right channel's
 * delays slightly longer for width. Enough to glue synthesised instruments into one space.
 */
final class Reverb {
    private static final int[] COMBS = {1557, 1617, 1491, 1422};
    private static final int[] ALLPASSES = {556, 441};
    private static final int SPREAD = 23;

    private Reverb() {
    }

    /** Adds the room to both channels in place; {@code wet} is the reverb level. */
    static void apply(float[] left, float[] right, int rate, float wet) {
        float[] input = new float[left.length];
        for (int i = 0; i < input.length; i++) {
            input[i] = (left[i] + right[i]) * 0.5f;
        }
        float[] l = room(input, rate, 0);
        float[] r = room(input, rate, SPREAD);
        for (int i = 0; i < left.length; i++) {
            left[i] += l[i] * wet;
            right[i] += r[i] * wet;
        }
    }

    private static float[] room(float[] in, int rate, int spread) {
        double scale = rate / 44100.0;
        float[] out = new float[in.length];
        for (int d : COMBS) {
            int size = (int) ((d + spread) * scale);
            float[] buf = new float[size];
            int pos = 0;
            float store = 0;
            for (int i = 0; i < in.length; i++) {
                float y = buf[pos];
                store = y * 0.8f + store * 0.2f; // damping: high frequencies die faster
                buf[pos] = in[i] + store * 0.78f;
                out[i] += y * 0.25f;
                pos = pos + 1 == size ? 0 : pos + 1;
            }
        }
        for (int d : ALLPASSES) {
            int size = (int) ((d + spread) * scale);
            float[] buf = new float[size];
            int pos = 0;
            for (int i = 0; i < out.length; i++) {
                float b = buf[pos];
                float x = out[i];
                buf[pos] = x + b * 0.5f;
                out[i] = b - x;
                pos = pos + 1 == size ? 0 : pos + 1;
            }
        }
        return out;
    }
}
