package ai.gaga.audio;

import java.util.Objects;

/**
 * Uncompressed audio: interleaved float samples in [-1, 1]. The array is owned by this value once constructed;
 * callers must not modify it afterwards.
 *
 * @param samples    interleaved samples ({@code frames * channels} values)
 * @param sampleRate samples per second per channel
 * @param channels   1 (mono) or 2 (stereo)
 */
public record PcmAudio(float[] samples, int sampleRate, int channels) {
    /** The one internal rate of the pipeline; the encoder writes AAC at this rate. */
    public static final int STANDARD_RATE = 48_000;

    public PcmAudio {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive, got " + sampleRate);
        }
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("channels must be 1 or 2, got " + channels);
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException("samples length " + samples.length + " is not a multiple of "
                    + channels + " channels");
        }
    }

    /** Silence of the given length. */
    public static PcmAudio silence(double seconds, int sampleRate, int channels) {
        return new PcmAudio(new float[Math.toIntExact(Math.round(seconds * sampleRate)) * channels], sampleRate,
                channels);
    }

    /** Number of sample frames (samples per channel). */
    public int frames() {
        return samples.length / channels;
    }

    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    /** Root-mean-square level over all samples (0 for silence). */
    public double rms() {
        if (samples.length == 0) {
            return 0;
        }
        double sum = 0;
        for (float s : samples) {
            sum += s * (double) s;
        }
        return Math.sqrt(sum / samples.length);
    }

    /** Largest absolute sample value. */
    public float peak() {
        float p = 0;
        for (float s : samples) {
            p = Math.max(p, Math.abs(s));
        }
        return p;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "PcmAudio[%.3f s, %d Hz, %d ch]", durationSeconds(), sampleRate,
                channels);
    }
}
