package ai.gaga.evaluate;

import ai.gaga.GagaSettings;
import ai.gaga.audio.PcmAudio;
import ai.gaga.render.FrameBuffer;
import ai.gaga.encode.ffmpeg.FfmpegVideoSink;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.FaceMesh;
import ai.gaga.face.FaceMeshModel;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoLoader;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Resolution;
import ai.gaga.spi.ServiceContext;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;

/**
 * Test clips with known truth: a still photo whose mouth opens and closes by a known envelope, over a "voice" of
 * harmonic tone bursts following the same envelope, written as a real H.264/AAC MP4.
 *
 * <p>The mouth is opened by an inverse warp of the photo: everything below the inner-lip line (lower lip, chin) is
 * moved down by the gap, most in the middle of the mouth and zero at the corners (an elliptical opening), the
 * shift fading out below the chin; the gap itself is painted as a dark mouth cavity. The photo's landmarks come from
 * the real detector and mesh, once per clip.
 */
final class TalkingClip {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final int FPS = 25;
    /** The envelope's pattern repeats every 3 s. */
    static final int BLOCK = 75;
    /** Largest lip gap, inter-ocular units. */
    static final double MAX_GAP = 0.35;
    /** Tone bursts: fundamental and two harmonics, Hz. */
    private static final double VOICE_HZ = 180;
    private static final byte[] BACKGROUND = {(byte) 90, (byte) 100, (byte) 110};

    /** Where the photo's mouth is on the canvas, pixels. */
    record Mouth(double centerX, double lipY, double halfWidth, double chinY, double interOcular) {
    }

    private final byte[] canvas;
    private final Mouth mouth;
    private final int width;
    private final int height;

    private TalkingClip(byte[] canvas, Mouth mouth, int width, int height) {
        this.canvas = canvas;
        this.mouth = mouth;
        this.width = width;
        this.height = height;
    }

    /** The fixture photo scaled onto a 640x480 canvas, and its mouth located with the real models. */
    static TalkingClip of(Path photo, ServiceContext context) {
        return of(photo, context, WIDTH, HEIGHT);
    }

    /** The (square) photo scaled to the canvas height and centred on a landscape canvas. */
    static TalkingClip of(Path photo, ServiceContext context, int width, int height) {
        BufferedImage src = Images.resize(Images.toBgr(PhotoLoader.load(photo)), height, height);
        BufferedImage base = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = base.createGraphics();
        g.setColor(new Color(BACKGROUND[2] & 0xff, BACKGROUND[1] & 0xff, BACKGROUND[0] & 0xff));
        g.fillRect(0, 0, width, height);
        g.drawImage(src, (width - height) / 2, 0, null);
        g.dispose();
        FaceBox box = new FaceDetector(context).largest(base).orElseThrow();
        FaceMesh m = FaceMeshModel.create(context).run(base, box);
        FaceMesh.Landmark up = m.get(FaceMesh.UPPER_LIP_INNER);
        FaceMesh.Landmark low = m.get(FaceMesh.LOWER_LIP_INNER);
        FaceMesh.Landmark r = m.get(FaceMesh.MOUTH_RIGHT_CORNER);
        FaceMesh.Landmark l = m.get(FaceMesh.MOUTH_LEFT_CORNER);
        Mouth mouth = new Mouth((r.x() + l.x()) / 2, (up.y() + low.y()) / 2, 0.85 * Math.abs(l.x() - r.x()) / 2,
                m.get(152).y(), m.interOcularDistance());
        return new TalkingClip(Images.bgr(base).clone(), mouth, width, height);
    }

    Mouth mouth() {
        return mouth;
    }

    /**
     * A speech-like envelope, one value per frame in 0..1: silence, a run of syllables, a long silence (600 ms), more
     * syllables, silence (400 ms), repeated every 3 s with new syllables. Syllables have irregular lengths (3-7
     * frames) and peaks, so the envelope has one clear alignment with itself and no periodic echoes within +-10
     * frames.
     */
    static double[] speechEnvelope(int frames, long seed) {
        double[] e = new double[frames];
        Random rnd = new Random(seed);
        int[][] speech = {{10, 35}, {50, 65}};
        for (int block = 0; block < frames; block += BLOCK) {
            for (int[] sp : speech) {
                int end = Math.min(block + sp[1], frames);
                int i = block + sp[0];
                while (i < end) {
                    int len = 3 + rnd.nextInt(5);
                    double peak = 0.5 + 0.5 * rnd.nextDouble();
                    for (int k = 0; k < len && i + k < end; k++) {
                        e[i + k] = Math.max(0.05, peak * Math.sin(Math.PI * (k + 0.5) / len));
                    }
                    i += len;
                }
            }
        }
        return e;
    }

    /** Whether frame {@code i} of {@link #speechEnvelope} lies in one of its long silences. */
    static boolean silent(int i) {
        int k = i % BLOCK;
        return k < 10 || (k >= 35 && k < 50) || k >= 65;
    }

    /** How to draw and sound one clip. */
    static final class Spec {
        double[] envelope = speechEnvelope(75, 7);
        /** Frames the sound comes later than the mouth (negative: earlier). */
        int audioDelayFrames;
        /** Whether the mouth follows the envelope; false = a still photo talking. */
        boolean mouthMoves = true;
        /** Mouth opening held during silent frames (0 = closed). */
        double openInSilence;
        /** Random whole-frame shake amplitude, pixels. */
        int shakePixels;
        /** Horizontal shift of the picture during the last second, pixels. */
        int lastSecondShift;
        /** Mouth opening held during the last second (0 = as the envelope says). */
        double lastSecondOpening;
        long seed = 11;
    }

    /** The mouth opening drawn in frame {@code i}, 0..1. */
    static double opening(Spec s, int i) {
        if (s.lastSecondOpening > 0 && i >= s.envelope.length - FPS) {
            return s.lastSecondOpening;
        }
        if (s.envelope[i] == 0) {
            return s.openInSilence;
        }
        return s.mouthMoves ? s.envelope[i] : 0;
    }

    /** Writes the clip to {@code file}. */
    Path write(Spec s, Path file) {
        int frames = s.envelope.length;
        VideoFormat format = new VideoFormat(new Resolution(width, height), FPS, frames);
        PcmAudio audio = voice(s.envelope, s.audioDelayFrames);
        Random rnd = new Random(s.seed);
        byte[] warped = new byte[canvas.length];
        FrameBuffer frame = new FrameBuffer(width, height);
        try (FfmpegVideoSink sink = FfmpegVideoSink.open(GagaSettings.defaults(), file, format, audio)) {
            for (int i = 0; i < frames; i++) {
                warp(opening(s, i), warped);
                int ox = s.shakePixels == 0 ? 0 : rnd.nextInt(2 * s.shakePixels + 1) - s.shakePixels;
                int oy = s.shakePixels == 0 ? 0 : rnd.nextInt(2 * s.shakePixels + 1) - s.shakePixels;
                if (i >= frames - FPS) {
                    ox += s.lastSecondShift;
                }
                blit(warped, frame.bgr(), ox, oy);
                frame.index(i);
                sink.write(frame);
            }
            sink.finish();
        }
        return file;
    }

    /** Draws the canvas with the mouth opened by {@code open} (0..1) into {@code out}. */
    void warp(double open, byte[] out) {
        System.arraycopy(canvas, 0, out, 0, canvas.length);
        if (open <= 0) {
            return;
        }
        double maxGap = open * MAX_GAP * mouth.interOcular();
        double fall = 0.6 * mouth.interOcular();
        int x0 = (int) Math.floor(mouth.centerX() - mouth.halfWidth());
        int x1 = (int) Math.ceil(mouth.centerX() + mouth.halfWidth());
        int y0 = (int) Math.floor(mouth.lipY());
        int y1 = Math.min(height - 1, (int) Math.ceil(mouth.chinY() + fall));
        for (int x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) {
            double u = (x - mouth.centerX()) / mouth.halfWidth();
            if (Math.abs(u) >= 1) {
                continue;
            }
            double gap = maxGap * Math.sqrt(1 - u * u);
            for (int y = Math.max(0, y0); y <= y1; y++) {
                int o = (y * width + x) * 3;
                if (y < mouth.lipY() + gap) {
                    if (y >= mouth.lipY()) {
                        // Mouth cavity: dark, a little lighter towards the lips.
                        double depth = (y - mouth.lipY()) / Math.max(1, gap);
                        double shade = 0.6 + 0.4 * Math.abs(2 * depth - 1);
                        out[o] = (byte) (25 * shade);
                        out[o + 1] = (byte) (22 * shade);
                        out[o + 2] = (byte) (60 * shade);
                    }
                    continue;
                }
                double src;
                if (y < mouth.chinY() + gap) {
                    src = y - gap;
                } else {
                    // Fade the shift out between the chin and chin + fall, continuously.
                    src = mouth.chinY() + (y - mouth.chinY() - gap) * fall / (fall - gap);
                    if (src >= mouth.chinY() + fall) {
                        continue;
                    }
                }
                int sy = (int) Math.floor(src);
                double a = src - sy;
                int o0 = (Math.max(0, sy) * width + x) * 3;
                int o1 = (Math.min(height - 1, sy + 1) * width + x) * 3;
                for (int c = 0; c < 3; c++) {
                    out[o + c] = (byte) Math.round((canvas[o0 + c] & 0xff) * (1 - a) + (canvas[o1 + c] & 0xff) * a);
                }
            }
        }
    }

    private void blit(byte[] src, byte[] dst, int ox, int oy) {
        for (int y = 0; y < height; y++) {
            int sy = y - oy;
            for (int x = 0; x < width; x++) {
                int sx = x - ox;
                int o = (y * width + x) * 3;
                if (sx < 0 || sy < 0 || sx >= width || sy >= height) {
                    dst[o] = BACKGROUND[0];
                    dst[o + 1] = BACKGROUND[1];
                    dst[o + 2] = BACKGROUND[2];
                } else {
                    int s = (sy * width + sx) * 3;
                    dst[o] = src[s];
                    dst[o + 1] = src[s + 1];
                    dst[o + 2] = src[s + 2];
                }
            }
        }
    }

    /**
     * Mono 48 kHz harmonic tone whose amplitude steps with the envelope (frame {@code i} sounds during
     * {@code [(i + delay)/fps, (i + delay + 1)/fps)}), smoothed over about 2 ms so steps do not click.
     */
    static PcmAudio voice(double[] envelope, int delayFrames) {
        int rate = PcmAudio.STANDARD_RATE;
        int n = envelope.length * rate / FPS;
        float[] out = new float[n];
        double smooth = 1 - Math.exp(-1.0 / (0.002 * rate));
        double amp = 0;
        for (int k = 0; k < n; k++) {
            double t = (double) k / rate;
            int frame = (int) Math.floor(t * FPS) - delayFrames;
            double target = frame >= 0 && frame < envelope.length ? envelope[frame] : 0;
            amp += (target - amp) * smooth;
            double w = 2 * Math.PI * VOICE_HZ * t;
            out[k] = (float) (0.5 * amp * (Math.sin(w) + 0.5 * Math.sin(2 * w) + 0.25 * Math.sin(3 * w)) / 1.75);
        }
        return new PcmAudio(out, rate, 1);
    }
}
