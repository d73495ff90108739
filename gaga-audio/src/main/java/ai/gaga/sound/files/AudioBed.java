package ai.gaga.sound.files;

import ai.gaga.audio.processing.AudioFiles;
import ai.gaga.audio.processing.Fades;
import ai.gaga.audio.PcmAudio;

import java.nio.file.Path;

/**
 * Fits a user's recording to a span of the scene: a file longer than the span is trimmed and faded out; a shorter one
 * is looped, each repeat overlapping the previous with an equal-power crossfade so the seam is not heard. The result
 * is stereo at {@link PcmAudio#STANDARD_RATE}, faded in briefly (no click) and peak-normalised to {@link #PEAK} like the
 * generated beds, so the mixer's levels apply to both alike.
 */
public final class AudioBed {
    /** Peak of a fitted bed, as the score and ambience generators deliver theirs. */
    public static final float PEAK = 0.5f;
    /** Longest crossfade between loop repeats. */
    static final double CROSSFADE = 2.0;
    private static final int RATE = PcmAudio.STANDARD_RATE;

    private AudioBed() {
    }

    /** The file looped or trimmed to {@code seconds}, ending with a {@code fadeOut}-second fade. */
    public static PcmAudio fromFile(Path file, double seconds, double fadeOut) {
        return fit(AudioFiles.read(file, RATE, 2), seconds, fadeOut);
    }

    /** A sound file as a one-shot: stereo, peak-normalised, with 5 ms edges against clicks. */
    public static PcmAudio oneShot(Path file) {
        PcmAudio a = AudioFiles.read(file, RATE, 2);
        float[] s = a.samples().clone();
        Fades.fadeAndNormalise(s, RATE, 0.005, 0.005, PEAK);
        return new PcmAudio(s, RATE, 2);
    }

    /** Interleaved stereo {@code clip} fitted to {@code seconds}. */
    public static PcmAudio fit(PcmAudio clip, double seconds, double fadeOut) {
        if (clip.channels() != 2 || clip.sampleRate() != RATE) {
            throw new IllegalArgumentException("Expected stereo at " + RATE + " Hz, got " + clip);
        }
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("Bed length must be positive, got " + seconds);
        }
        int frames = (int) Math.round(seconds * RATE);
        float[] src = clip.samples();
        int len = src.length / 2;
        float[] out = new float[frames * 2];
        if (len >= frames) {
            System.arraycopy(src, 0, out, 0, frames * 2);
        } else {
            int xf = (int) Math.min(CROSSFADE * RATE, len / 4);
            int step = len - xf;
            for (int start = 0; start < frames; start += step) {
                boolean first = start == 0;
                for (int i = 0; i < len && start + i < frames; i++) {
                    double g = 1;
                    if (!first && i < xf) {
                        g = Math.sin(0.5 * Math.PI * (i + 0.5) / xf); // rising half of an equal-power pair
                    } else if (i >= step && start + step < frames) {
                        g = Math.cos(0.5 * Math.PI * (i - step + 0.5) / xf); // falling half, under the next repeat
                    }
                    int o = 2 * (start + i);
                    out[o] += (float) (src[2 * i] * g);
                    out[o + 1] += (float) (src[2 * i + 1] * g);
                }
            }
        }
        Fades.fadeAndNormalise(out, RATE, 0.05, fadeOut, PEAK);
        return new PcmAudio(out, RATE, 2);
    }
}
