package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;

/**
 * Band-limited sample-rate conversion with a Kaiser-windowed sinc kernel, evaluated as a polyphase filter.
 *
 * <p>The ratio is reduced to {@code up/down} (e.g. 22050 to 48000 is 320/147); each output sample sits at one of
 * {@code up} fractional input positions, whose kernels are precomputed. Very fine ratios (more than
 * {@value #MAX_PHASES} phases) interpolate linearly between neighbouring precomputed phases instead. When shrinking
 * the rate, the kernel's cutoff moves down to the new Nyquist frequency so that nothing folds back (anti-aliasing).
 *
 * <p>Output length is the input length scaled by {@code outRate/inRate}, rounded to the nearest sample. Samples beyond
 * the input's ends count as silence. Instances are immutable and thread-safe.
 */
public final class Resampler {
    /** Half-width of the kernel in zero crossings: 32 gives a transition band of about 8% of the Nyquist rate. */
    private static final int ZERO_CROSSINGS = 32;
    /** Kaiser window shape: side lobes near -86 dB, far below 16-bit quantisation noise. */
    private static final double KAISER_BETA = 8.6;
    /** Cutoff relative to the lower Nyquist frequency, so the transition band ends before aliasing starts. */
    private static final double ROLLOFF = 0.91;
    /**
     * Longest audio converted, in seconds of output: an hour, far beyond any clip. Longer input means a runaway
     * upstream (a 200 KB line once reached here and ran out of memory after 155 s); it is refused before the output
     * buffer is allocated.
     */
    public static final int MAX_SECONDS = 3600;
    /** Upper bound of precomputed phases; finer ratios interpolate between phases. */
    private static final int MAX_PHASES = 1024;

    private final int inRate;
    private final int outRate;
    private final long up;
    private final long down;
    private final int phases;
    private final int taps;
    private final float[][] kernels;

    /**
     * @param inRate  input samples per second
     * @param outRate output samples per second
     */
    public Resampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("Sample rates must be positive, got " + inRate + " -> " + outRate);
        }
        this.inRate = inRate;
        this.outRate = outRate;
        long g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        this.phases = (int) Math.min(up, MAX_PHASES);
        double cutoff = ROLLOFF * Math.min(1.0, outRate / (double) inRate);
        double halfWidth = ZERO_CROSSINGS / cutoff;
        this.taps = 2 * (int) Math.ceil(halfWidth);
        this.kernels = new float[phases + 1][];
        for (int p = 0; p <= phases; p++) {
            kernels[p] = kernel(p / (double) phases, cutoff, halfWidth, taps);
        }
    }

    /** Converts audio of any channel count to {@code outRate}; returns the same instance when the rate matches. */
    public static PcmAudio resample(PcmAudio audio, int outRate) {
        if (audio.sampleRate() == outRate) {
            return audio;
        }
        return new Resampler(audio.sampleRate(), outRate).process(audio);
    }

    public int inputRate() {
        return inRate;
    }

    public int outputRate() {
        return outRate;
    }

    /**
     * Number of output frames for this many input frames.
     *
     * @throws IllegalArgumentException when that is more than {@link #MAX_SECONDS} of audio
     */
    public int outputLength(int inputFrames) {
        long n = (inputFrames * (long) outRate + inRate / 2) / inRate;
        if (n > (long) MAX_SECONDS * outRate) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "Refusing to resample %.0f s of "
                    + "audio: at most %d s are converted at once", n / (double) outRate, MAX_SECONDS));
        }
        return (int) n;
    }

    /** Resamples each channel of {@code audio}, which must be at {@link #inputRate()}. */
    public PcmAudio process(PcmAudio audio) {
        if (audio.sampleRate() != inRate) {
            throw new IllegalArgumentException("Resampler expects " + inRate + " Hz, got " + audio);
        }
        int channels = audio.channels();
        if (channels == 1) {
            return new PcmAudio(process(audio.samples()), outRate, 1);
        }
        int frames = audio.frames();
        float[] out = new float[outputLength(frames) * channels];
        float[] channel = new float[frames];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                channel[i] = audio.samples()[i * channels + c];
            }
            float[] converted = process(channel);
            for (int i = 0; i < converted.length; i++) {
                out[i * channels + c] = converted[i];
            }
        }
        return new PcmAudio(out, outRate, channels);
    }

    /** Resamples one channel of samples at {@link #inputRate()}. */
    public float[] process(float[] in) {
        int n = outputLength(in.length);
        float[] out = new float[n];
        int half = taps / 2;
        for (int k = 0; k < n; k++) {
            // Output sample k lies at input position k*down/up = base + rem/up.
            long position = k * down;
            int base = (int) (position / up);
            long rem = position % up;
            int first = base - half + 1;
            double sum;
            if (phases == up) {
                sum = dot(in, first, kernels[(int) rem]);
            } else {
                double exact = rem * (double) phases / up;
                int p = (int) exact;
                double w = exact - p;
                sum = (1 - w) * dot(in, first, kernels[p]) + w * dot(in, first, kernels[p + 1]);
            }
            out[k] = (float) sum;
        }
        return out;
    }

    private static double dot(float[] in, int first, float[] kernel) {
        int from = Math.max(0, -first);
        int to = Math.min(kernel.length, in.length - first);
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += in[first + t] * kernel[t];
        }
        return sum;
    }

    /** Kernel taps for an output sample {@code frac} of an input sample after the tap {@code taps/2 - 1}. */
    private static float[] kernel(double frac, double cutoff, double halfWidth, int taps) {
        double[] h = new double[taps];
        double sum = 0;
        for (int t = 0; t < taps; t++) {
            double x = t - (taps / 2 - 1) - frac;
            if (Math.abs(x) < halfWidth) {
                double r = x / halfWidth;
                h[t] = cutoff * sinc(cutoff * x) * besselI0(KAISER_BETA * Math.sqrt(1 - r * r));
                sum += h[t];
            }
        }
        // Unit gain at DC for every phase: otherwise a constant signal would ripple at the phase period.
        float[] out = new float[taps];
        for (int t = 0; t < taps; t++) {
            out[t] = (float) (h[t] / sum);
        }
        return out;
    }

    private static double sinc(double x) {
        if (Math.abs(x) < 1e-12) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Modified Bessel function of the first kind, order 0 (power series; converges fast for the betas used). */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
