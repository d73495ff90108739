package ai.gaga.encode.ffmpeg;

import ai.gaga.GagaSettings;
import ai.gaga.audio.PcmAudio;
import ai.gaga.models.ModelStore;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.render.FrameBuffer;
import ai.gaga.spi.ServiceContext;

/**
 * Synthetic test material: frames with a horizontal red ramp, a vertical green ramp, a blue level that changes every
 * frame and a yellow-green box sliding to the right, so every frame differs and regions have known colours; and sine
 * tones.
 */
final class SyntheticClip {
    private SyntheticClip() {
    }

    /** Blue level of the background of frame {@code i}. */
    static int background(int i) {
        return 20 + (40 + 4 * i) % 216;
    }

    static int boxWidth(int width) {
        return width / 8;
    }

    static int boxHeight(int height) {
        return height / 8;
    }

    /** Left edge of the box in frame {@code i}. */
    static int boxX(int i, int width) {
        return (i * (width / 60)) % (width - boxWidth(width));
    }

    static int boxY(int height) {
        return height / 3;
    }

    /** The box colour, B, G, R. */
    static final int[] BOX_BGR = {30, 200, 220};

    /** Draws frame {@code i} into {@code frame}. */
    static void draw(int i, FrameBuffer frame) {
        int w = frame.width();
        int h = frame.height();
        byte[] p = frame.bgr();
        byte blue = (byte) background(i);
        int bx = boxX(i, w);
        int by = boxY(h);
        int bw = boxWidth(w);
        int bh = boxHeight(h);
        for (int y = 0; y < h; y++) {
            byte green = (byte) (255 * y / (h - 1));
            int row = y * w * 3;
            boolean boxRow = y >= by && y < by + bh;
            for (int x = 0; x < w; x++) {
                int o = row + x * 3;
                if (boxRow && x >= bx && x < bx + bw) {
                    p[o] = (byte) BOX_BGR[0];
                    p[o + 1] = (byte) BOX_BGR[1];
                    p[o + 2] = (byte) BOX_BGR[2];
                } else {
                    p[o] = blue;
                    p[o + 1] = green;
                    p[o + 2] = (byte) (255 * x / (w - 1));
                }
            }
        }
        frame.index(i);
    }

    /** Mean B, G, R over a rectangle of packed BGR pixels. */
    static double[] meanBgr(byte[] bgr, int stride, int x0, int y0, int w, int h) {
        double[] sum = new double[3];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int o = y * stride + x * 3;
                for (int c = 0; c < 3; c++) {
                    sum[c] += bgr[o + c] & 0xff;
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            sum[c] /= (double) w * h;
        }
        return sum;
    }

    /** Sine tones, amplitude 0.5: one per channel ({@code hz.length} channels, 1 or 2). */
    static PcmAudio tone(double seconds, int sampleRate, double... hz) {
        int channels = hz.length;
        int frames = (int) Math.round(seconds * sampleRate);
        float[] s = new float[frames * channels];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                s[i * channels + c] = (float) (0.5 * Math.sin(2 * Math.PI * hz[c] * i / sampleRate));
            }
        }
        return new PcmAudio(s, sampleRate, channels);
    }

    /** Frequency of one channel of interleaved samples, from its rising zero crossings (first and last 0.1 s cut). */
    static double frequency(float[] interleaved, int channels, int channel, int sampleRate) {
        int frames = interleaved.length / channels;
        int from = sampleRate / 10;
        int to = frames - sampleRate / 10;
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            float a = interleaved[(i - 1) * channels + channel];
            float b = interleaved[i * channels + channel];
            if (a < 0 && b >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings == 0 ? 0 : crossings * (double) sampleRate / (last - first);
    }

    /** RMS of one channel between 0.1 s and the last 0.1 s. */
    static double rms(float[] interleaved, int channels, int channel, int sampleRate) {
        int frames = interleaved.length / channels;
        double sum = 0;
        int n = 0;
        for (int i = sampleRate / 10; i < frames - sampleRate / 10; i++) {
            double v = interleaved[i * channels + channel];
            sum += v * v;
            n++;
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    static GagaSettings settings(ExecutionDevice device, String encoder, String preset) {
        return new GagaSettings(device, 2).with(new ai.gaga.encode.EncodingSettings(
                ai.gaga.encode.VideoEncoder.parse(encoder), ai.gaga.encode.EncoderPreset.parse(preset)));
    }

    /** Defaults of the engine, but CPU only: tests on machines with a GPU stay comparable. */
    static GagaSettings cpu() {
        return settings(ExecutionDevice.CPU, "auto", "fast");
    }

    /** A context that only carries settings (the sink needs nothing else). */
    static ServiceContext context(GagaSettings settings) {
        return new ServiceContext() {
            @Override
            public ModelStore models() {
                throw new UnsupportedOperationException("the video sink needs no models");
            }

            @Override
            public OnnxSessions onnx() {
                throw new UnsupportedOperationException("the video sink needs no ONNX sessions");
            }

            @Override
            public GagaSettings settings() {
                return settings;
            }
        };
    }
}
