package ai.gaga.picture;

import ai.gaga.GagaSettings;
import ai.gaga.audio.PcmAudio;
import ai.gaga.encode.ffmpeg.FfmpegVideoSink;
import ai.gaga.face.Images;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.VideoFormat;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.viseme.OculusViseme;
import ai.gaga.voice.viseme.Viseme;
import ai.gaga.voice.viseme.VisemeTrack;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ObjIntConsumer;

/** Speech with known visemes, rendering a picture to a real MP4 and decoding it again, for the scene tests. */
final class SceneClips {
    private SceneClips() {
    }

    /** About {@code seconds} of varied syllables (consonant, then an open vowel), voiced as a buzz. */
    static Utterance talk(double seconds, long seed) {
        Random r = new Random(seed);
        OculusViseme[] consonants = {OculusViseme.PP, OculusViseme.DD, OculusViseme.KK, OculusViseme.SS,
                OculusViseme.NN, OculusViseme.FF};
        OculusViseme[] vowels = {OculusViseme.AA, OculusViseme.E, OculusViseme.O, OculusViseme.AA};
        List<Viseme> visemes = new ArrayList<>();
        List<PhoneTiming> phones = new ArrayList<>();
        List<double[]> loud = new ArrayList<>();
        double t = 0;
        visemes.add(new Viseme(OculusViseme.SIL, 0, 0.1));
        phones.add(new PhoneTiming("_", 0, 0.1));
        t = 0.1;
        while (t < seconds - 0.3) {
            OculusViseme c = consonants[r.nextInt(consonants.length)];
            OculusViseme v = vowels[r.nextInt(vowels.length)];
            double a = 0.4 + 0.5 * r.nextDouble();
            visemes.add(new Viseme(c, t, t + 0.08));
            phones.add(new PhoneTiming(c.code(), t, t + 0.08));
            loud.add(new double[] {t, t + 0.08, 0.15 * a});
            t += 0.08;
            visemes.add(new Viseme(v, t, t + 0.17));
            phones.add(new PhoneTiming(v.code(), t, t + 0.17));
            loud.add(new double[] {t, t + 0.17, a});
            t += 0.17;
        }
        visemes.add(new Viseme(OculusViseme.SIL, t, t + 0.2));
        phones.add(new PhoneTiming("_", t, t + 0.2));
        t += 0.2;
        int rate = PcmAudio.STANDARD_RATE;
        float[] samples = new float[(int) Math.round(t * rate)];
        for (double[] l : loud) {
            for (int i = (int) Math.round(l[0] * rate); i < Math.min(samples.length, l[1] * rate); i++) {
                double ph = 2 * Math.PI * 140 * i / rate;
                samples[i] = (float) (l[2] * (0.6 * Math.sin(ph) + 0.3 * Math.sin(2 * ph) + 0.1 * Math.sin(3 * ph)));
            }
        }
        return new Utterance(new PcmAudio(samples, rate, 1), phones, "test", new VisemeTrack(visemes));
    }

    /** Renders every frame into a real H.264 MP4 (silent sound track). */
    static Path encode(FrameRenderer renderer, VideoFormat format, Path file) {
        FrameBuffer fb = new FrameBuffer(format.width(), format.height());
        PcmAudio audio = PcmAudio.silence(format.durationSeconds(), PcmAudio.STANDARD_RATE, 1);
        try (FfmpegVideoSink sink = FfmpegVideoSink.open(GagaSettings.defaults(), file, format, audio)) {
            for (int i = 0; i < format.frameCount(); i++) {
                renderer.render(i, fb);
                sink.write(fb);
            }
            sink.finish();
        }
        return file;
    }

    /** Decodes an MP4's frames, handing each (a fresh BGR image) with its index to {@code consumer}. */
    static void decode(Path mp4, ObjIntConsumer<BufferedImage> consumer) {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile());
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            g.start();
            int i = 0;
            Frame f;
            while ((f = g.grabImage()) != null) {
                consumer.accept(Images.copy(conv.convert(f)), i++);
            }
            g.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where test pictures go: {@code target/scenes}. */
    static Path out(String name) {
        try {
            Path dir = Path.of("target", "scenes");
            Files.createDirectories(dir);
            return dir.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a contact sheet: the given frames side by side in rows of {@code columns}, each scaled to 480 wide. */
    static Path contactSheet(List<BufferedImage> frames, List<String> labels, int columns, Path png) {
        int cw = 480;
        int ch = (int) Math.round(cw * frames.get(0).getHeight() / (double) frames.get(0).getWidth());
        int rows = (frames.size() + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(columns * cw, rows * (ch + 20), BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        for (int k = 0; k < frames.size(); k++) {
            int x = (k % columns) * cw;
            int y = (k / columns) * (ch + 20);
            g.drawImage(frames.get(k), x, y + 20, cw, ch, null);
            g.setColor(java.awt.Color.WHITE);
            g.drawString(labels.get(k), x + 4, y + 15);
        }
        g.dispose();
        try {
            ImageIO.write(sheet, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png;
    }

    /** Writes a picture as PNG. */
    static Path write(BufferedImage image, Path png) {
        try {
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png;
    }
}
