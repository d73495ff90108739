package ai.gaga.face;

import ai.gaga.InvalidPhotoException;
import ai.gaga.scene.SceneChecks;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded fuzzing of photo loading: truncated and mutated JPEG and PNG files (flipped bytes, cut or repeated stretches,
 * headers claiming absurd sizes) either load as an image or fail with {@link InvalidPhotoException}: never another
 * exception, never an {@link OutOfMemoryError} or a hang. The cheap header check ({@link SceneChecks#checkPhoto}) must
 * agree: it may pass a file that loading then refuses, but it must never throw anything else. Seen failing before
 * PhotoLoader.checkClaimedSize: the run timed out in libjpeg, decoding a 5 KB JPEG whose header claimed ~60000x60000.
 */
class PhotoLoaderFuzzTest {
    private static final long SEED = 14L;
    private static final int INPUTS = 1_200;

    @TempDir
    Path dir;

    private static byte[] encode(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 120, 80), w, h, new Color(40, 90, 160)));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void mutatedJpegsAndPngsLoadOrFailAsInvalidPhotos() throws Exception {
        List<byte[]> seeds = List.of(encode("jpg", 96, 80), encode("png", 96, 80), encode("jpg", 200, 150),
                encode("png", 70, 120), Files.readAllBytes(Fixtures.graceHopper()));
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            SplittableRandom random = new SplittableRandom(SEED);
            int refused = 0;
            for (int i = 0; i < INPUTS; i++) {
                byte[] seed = seeds.get(i % 4 == 3 && i % 40 == 3 ? 4 : i % 4);
                byte[] bytes = mutate(seed, random);
                Path file = dir.resolve("photo-" + i + (i % 2 == 0 ? ".jpg" : ".png"));
                Files.write(file, bytes);
                try {
                    SceneChecks.checkPhoto(file);
                } catch (InvalidPhotoException expected) {
                    // fine: refused from its header
                } catch (RuntimeException | Error e) {
                    fail("header check of input #" + i + " (seed " + SEED + ") threw " + e, e);
                }
                try {
                    BufferedImage image = PhotoLoader.load(file);
                    assertTrue(image.getWidth() >= PhotoLoader.MIN_SIDE && image.getType()
                            == BufferedImage.TYPE_3BYTE_BGR, "input #" + i);
                } catch (InvalidPhotoException expected) {
                    refused++;
                    assertTrue(expected.getMessage().contains(file.toString()), expected.getMessage());
                } catch (RuntimeException | Error e) {
                    fail("input #" + i + " (seed " + SEED + ") threw " + e, e);
                }
                Files.delete(file);
            }
            assertTrue(refused > INPUTS / 4, "most mutations should break the file: " + refused);
        });
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] b = seed.clone();
        switch (random.nextInt(6)) {
            case 0 -> { // truncated anywhere, the header included
                return Arrays.copyOf(b, random.nextInt(b.length));
            }
            case 1 -> { // a few flipped bytes
                for (int k = 1 + random.nextInt(8); k > 0; k--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return b;
            }
            case 2 -> { // flipped bytes in the header, where sizes and markers live
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    b[random.nextInt(Math.min(b.length, 64))] = (byte) random.nextInt(256);
                }
                return b;
            }
            case 3 -> { // a stretch cut out
                int from = random.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + random.nextInt(200));
                byte[] out = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, to, out, from, b.length - to);
                return out;
            }
            case 4 -> { // a stretch repeated
                int from = random.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + random.nextInt(300));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, from + len);
                System.arraycopy(b, from, out, from + len, b.length - from);
                return out;
            }
            default -> { // a header that claims a huge image
                return claimHugeSize(b, random);
            }
        }
    }

    /** Sets the width/height fields of a PNG IHDR or a JPEG SOF marker to large values. */
    private static byte[] claimHugeSize(byte[] b, SplittableRandom random) {
        int w = 10_000 + random.nextInt(55_000);
        int h = 10_000 + random.nextInt(55_000);
        if (b.length > 24 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            putInt(b, 16, w);
            putInt(b, 20, h);
            return b;
        }
        for (int i = 2; i + 9 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && ((b[i + 1] & 0xFF) == 0xC0 || (b[i + 1] & 0xFF) == 0xC2)) {
                b[i + 5] = (byte) (Math.min(h, 65_535) >> 8);
                b[i + 6] = (byte) h;
                b[i + 7] = (byte) (Math.min(w, 65_535) >> 8);
                b[i + 8] = (byte) w;
                return b;
            }
        }
        return b;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
