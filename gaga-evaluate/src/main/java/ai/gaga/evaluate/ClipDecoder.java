package ai.gaga.evaluate;

import ai.gaga.GagaException;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

/**
 * Streams an MP4's video frames as one reused BGR image, and (optionally) its audio as a mono energy track at 1 ms
 * resolution from which per-frame RMS is taken afterwards. Nothing but the current frame is held in memory.
 */
final class ClipDecoder {
    /** Receives each decoded video frame; the image is reused for the next frame. */
    interface FrameConsumer {
        /**
         * @param index frame number from 0
         * @param time  {@code index / fps}, seconds
         * @param bgr   the frame, TYPE_3BYTE_BGR, valid until this returns
         * @return false to stop decoding
         */
        boolean accept(int index, double time, BufferedImage bgr);
    }

    /** What was decoded. */
    record Result(int width, int height, double fps, int frames, boolean hasAudio, double[] frameRms) {
    }

    private static final int BINS_PER_SECOND = 1000;

    private ClipDecoder() {
    }

    /**
     * Decodes {@code file}, handing every video frame to {@code consumer}; with {@code audio}, also returns the RMS
     * of the mono-mixed audio during each frame {@code [t0 + i/fps, t0 + (i+1)/fps)}, t0 being the first video
     * frame's time stamp.
     */
    static Result decode(Path file, boolean audio, FrameConsumer consumer) {
        if (!Files.isRegularFile(file)) {
            throw new GagaException("Cannot evaluate " + file + ": no such file");
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setPixelFormat(AV_PIX_FMT_BGR24);
            g.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            // FFmpeg logs at "info" by default: opening a file would print its stream table on the user's stderr.
            if (avutil.av_log_get_level() > avutil.AV_LOG_WARNING) {
                avutil.av_log_set_level(avutil.AV_LOG_WARNING);
            }
            try {
                g.start();
            } catch (FrameGrabber.Exception e) {
                throw new GagaException("Cannot open " + file + " as a video: " + e.getMessage(), e);
            }
            if (!g.hasVideo() || g.getImageWidth() <= 0) {
                throw new GagaException("Cannot evaluate " + file + ": it has no video stream");
            }
            int w = g.getImageWidth();
            int h = g.getImageHeight();
            double fps = g.getFrameRate();
            if (!(fps > 0) || Double.isInfinite(fps)) {
                throw new GagaException("Cannot evaluate " + file + ": unknown frame rate");
            }
            boolean withAudio = audio && g.hasAudio() && g.getSampleRate() > 0;
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            Energy energy = withAudio ? new Energy() : null;
            long firstVideoMicros = Long.MIN_VALUE;
            int index = 0;
            boolean go = true;
            for (Frame f; go && (f = withAudio ? g.grab() : g.grabImage()) != null; ) {
                if (f.image != null && f.image[0] != null) {
                    if (firstVideoMicros == Long.MIN_VALUE) {
                        firstVideoMicros = f.timestamp;
                    }
                    copy(f, w, h, px);
                    go = consumer.accept(index, index / fps, image);
                    index++;
                } else if (energy != null && f.samples != null && f.samples.length > 0) {
                    energy.add(f, g.getSampleRate());
                }
            }
            g.stop();
            double[] rms = new double[index];
            boolean hasSound = false;
            if (energy != null) {
                double t0 = firstVideoMicros == Long.MIN_VALUE ? 0 : firstVideoMicros / 1e6;
                for (int i = 0; i < index; i++) {
                    rms[i] = energy.rms(t0 + i / fps, t0 + (i + 1) / fps);
                    hasSound |= rms[i] > 0;
                }
            }
            return new Result(w, h, fps, index, hasSound, rms);
        } catch (FrameGrabber.Exception e) {
            throw new GagaException("Cannot decode " + file + ": " + e.getMessage(), e);
        }
    }

    private static void copy(Frame f, int w, int h, byte[] px) {
        ByteBuffer buf = (ByteBuffer) f.image[0];
        int row = w * 3;
        if (f.imageStride == row) {
            buf.position(0);
            buf.get(px, 0, row * h);
        } else {
            for (int y = 0; y < h; y++) {
                buf.position(y * f.imageStride);
                buf.get(px, y * row, row);
            }
        }
        buf.position(0);
    }

    /** Sum of squared mono samples and sample count per millisecond, absolute stream time. */
    private static final class Energy {
        private double[] sum = new double[BINS_PER_SECOND * 8];
        private int[] count = new int[BINS_PER_SECOND * 8];

        void add(Frame f, int rate) {
            Buffer[] s = f.samples;
            int channels = Math.max(1, f.audioChannels);
            double start = f.timestamp / 1e6;
            boolean planar = s.length > 1;
            FloatBuffer first = (FloatBuffer) s[0];
            int n = planar ? first.limit() : first.limit() / channels;
            for (int k = 0; k < n; k++) {
                double v = 0;
                if (planar) {
                    for (Buffer c : s) {
                        v += ((FloatBuffer) c).get(k);
                    }
                    v /= s.length;
                } else {
                    for (int c = 0; c < channels; c++) {
                        v += first.get(k * channels + c);
                    }
                    v /= channels;
                }
                double t = start + (double) k / rate;
                if (t < 0) {
                    continue; // encoder priming before the stream's zero
                }
                int bin = (int) (t * BINS_PER_SECOND);
                grow(bin);
                sum[bin] += v * v;
                count[bin]++;
            }
        }

        private void grow(int bin) {
            if (bin >= sum.length) {
                int size = Math.max(bin + 1, sum.length * 2);
                sum = java.util.Arrays.copyOf(sum, size);
                count = java.util.Arrays.copyOf(count, size);
            }
        }

        double rms(double from, double to) {
            int a = Math.max(0, (int) Math.round(from * BINS_PER_SECOND));
            int b = Math.min(sum.length, (int) Math.round(to * BINS_PER_SECOND));
            double s = 0;
            long n = 0;
            for (int i = a; i < b; i++) {
                s += sum[i];
                n += count[i];
            }
            return n == 0 ? 0 : Math.sqrt(s / n);
        }
    }
}
