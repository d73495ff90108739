package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;

import ai.gaga.GagaException;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.Frame;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Runs float PCM through an FFmpeg audio filter graph that keeps rate and channels (loudness measurement, limiting,
 * tempo), in chunks, flushing the filters' look-ahead at the end.
 */
final class AudioFilterGraph {
    private static final int CHUNK = 4800;

    private AudioFilterGraph() {
    }

    /**
     * The graph's output, exactly as long as the input (padded with silence or cut where the filters hand back a few
     * samples more or less), or null when {@code keep} is false (filters run for their side effects).
     *
     * @param what what the graph does, for the error message
     */
    static PcmAudio run(PcmAudio in, String graph, boolean keep, String what) {
        return run(in, graph, keep ? in.frames() : -1, what);
    }

    /**
     * The graph's output cut or padded with silence to {@code outFrames} frames (for graphs that change the length,
     * such as {@code atempo}), or null when {@code outFrames} is negative (filters run for their side effects).
     */
    static PcmAudio run(PcmAudio in, String graph, int outFrames, String what) {
        int ch = in.channels();
        boolean keep = outFrames >= 0;
        float[] out = keep ? new float[Math.multiplyExact(outFrames, ch) + in.sampleRate() * ch] : null;
        int written = 0;
        FfmpegLogLevel.quiet();
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
            filter.push(null); // end of stream: filters flush their look-ahead
            written = drain(filter, out, written);
            filter.stop();
        } catch (FFmpegFrameFilter.Exception e) {
            throw new GagaException(what + " failed: " + e.getMessage(), e);
        } finally {
            try {
                filter.release();
            } catch (FFmpegFrameFilter.Exception e) {
                // already failing or released
            }
        }
        if (!keep) {
            return null;
        }
        float[] exact = Arrays.copyOf(out, outFrames * ch);
        if (written < exact.length) {
            Arrays.fill(exact, written, exact.length, 0f);
        }
        return new PcmAudio(exact, in.sampleRate(), ch);
    }

    private static int drain(FFmpegFrameFilter filter, float[] out, int written) throws FFmpegFrameFilter.Exception {
        Frame f;
        while ((f = filter.pullSamples()) != null) {
            if (out != null) {
                FloatBuffer b = (FloatBuffer) f.samples[0];
                int n = Math.min(b.remaining(), out.length - written);
                b.get(out, written, n);
                written += n;
            }
        }
        return written;
    }
}
