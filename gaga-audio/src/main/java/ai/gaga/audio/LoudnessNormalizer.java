package ai.gaga.audio;

import ai.gaga.GagaException;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.Frame;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Brings a finished mix to a loudness target with FFmpeg's {@code loudnorm} filter (EBU R128: integrated loudness in
 * LUFS, true-peak ceiling in dBTP), then back to the mix's rate with swresample. The output has exactly the input's
 * length and channels. Silence stays silence.
 */
public final class LoudnessNormalizer {
    /** Streaming platforms' common target. */
    public static final double DEFAULT_LUFS = -16;
    /** Ceiling with margin for the AAC encoder's overshoot, so the file stays at or under -1 dBTP. */
    public static final double DEFAULT_TRUE_PEAK = -1.5;
    private static final int CHUNK = 4800;

    private final double lufs;
    private final double truePeak;

    public LoudnessNormalizer(double lufs, double truePeak) {
        if (lufs > -5 || lufs < -70 || truePeak > 0 || truePeak < -9) {
            throw new IllegalArgumentException("Loudness target out of range: " + lufs + " LUFS, " + truePeak
                    + " dBTP");
        }
        this.lufs = lufs;
        this.truePeak = truePeak;
    }

    public LoudnessNormalizer() {
        this(DEFAULT_LUFS, DEFAULT_TRUE_PEAK);
    }

    public PcmAudio normalize(PcmAudio in) {
        if (in.peak() == 0) {
            return in;
        }
        int ch = in.channels();
        String graph = String.format(Locale.ROOT, "loudnorm=I=%.1f:TP=%.1f:LRA=11,aresample=%d,"
                + "aformat=sample_fmts=flt:channel_layouts=%s", lufs, truePeak, in.sampleRate(), ch == 1 ? "mono"
                : "stereo");
        float[] out = new float[in.samples().length + in.sampleRate() * ch];
        int written = 0;
        FFmpegFrameFilter filter = new FFmpegFrameFilter(graph, ch);
        try {
            filter.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
            filter.setSampleRate(in.sampleRate());
            filter.start();
            float[] src = in.samples();
            // JavaCV reads a heap buffer from its array's start, ignoring position: each chunk gets its own array
            float[] chunk = new float[CHUNK * ch];
            for (int off = 0; off < src.length; off += CHUNK * ch) {
                int len = Math.min(CHUNK * ch, src.length - off);
                System.arraycopy(src, off, chunk, 0, len);
                filter.pushSamples(0, ch, in.sampleRate(), avutil.AV_SAMPLE_FMT_FLT, FloatBuffer.wrap(chunk, 0, len));
                written = drain(filter, out, written);
            }
            filter.push(null); // end of stream: loudnorm flushes its look-ahead
            written = drain(filter, out, written);
            filter.stop();
        } catch (FFmpegFrameFilter.Exception e) {
            throw new GagaException("Loudness normalisation failed: " + e.getMessage(), e);
        } finally {
            try {
                filter.release();
            } catch (FFmpegFrameFilter.Exception e) {
                // already failing or released
            }
        }
        // the filter may hand back a few samples more or less than it got: keep the input's exact length
        float[] exact = Arrays.copyOf(out, in.samples().length);
        if (written < exact.length) {
            Arrays.fill(exact, written, exact.length, 0f);
        }
        return new PcmAudio(exact, in.sampleRate(), ch);
    }

    private static int drain(FFmpegFrameFilter filter, float[] out, int written) throws FFmpegFrameFilter.Exception {
        Frame f;
        while ((f = filter.pullSamples()) != null) {
            FloatBuffer b = (FloatBuffer) f.samples[0];
            int n = Math.min(b.remaining(), out.length - written);
            b.get(out, written, n);
            written += n;
        }
        return written;
    }
}
