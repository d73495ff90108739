package ai.gaga.face;

import ai.gaga.InvalidPhotoException;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PhotoLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadsFixturesAsBgr() {
        BufferedImage g = PhotoLoader.load(Fixtures.graceHopper());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, g.getType());
        assertEquals(512, g.getWidth());
        assertEquals(512, g.getHeight());
        BufferedImage a = PhotoLoader.load(Fixtures.astronaut());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, a.getType());
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nobody.jpg");
        InvalidPhotoException e = assertThrows(InvalidPhotoException.class, () -> PhotoLoader.load(p));
        assertEquals("file not found", e.reason());
        assertEquals(p, e.photo());
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    }

    @Test
    void directory() {
        InvalidPhotoException e = assertThrows(InvalidPhotoException.class, () -> PhotoLoader.load(dir));
        assertTrue(e.reason().contains("directory"), e.reason());
    }

    @Test
    void unreadableFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        Path p = write("locked.png", png(Fixtures.solidImage(100, 100, Color.RED), "png"));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        try {
            // Root (and some CI users) can read anything: then there is nothing to test.
            assumeFalse(Files.isReadable(p), "running with rights that ignore file permissions (root?)");
            InvalidPhotoException e = assertThrows(InvalidPhotoException.class, () -> PhotoLoader.load(p));
            assertTrue(e.reason().contains("permission denied"), e.reason());
        } finally {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void notAnImageNamesSupportedFormats() throws IOException {
        Path p = write("notes.jpg", "Dear diary, this is not a JPEG.".getBytes());
        InvalidPhotoException e = assertThrows(InvalidPhotoException.class, () -> PhotoLoader.load(p));
        String r = e.reason().toLowerCase(Locale.ROOT);
        assertTrue(r.contains("not an image"), r);
        assertTrue(r.contains("jpeg") && r.contains("png"), r);
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("empty.png", new byte[0]);
        InvalidPhotoException e = assertThrows(InvalidPhotoException.class, () -> PhotoLoader.load(p));
        assertTrue(e.reason().contains("empty"), e.reason());
    }

    @Test
    void truncatedPng() throws IOException {
        byte[] full = png(noise(300, 300), "png");
        Path p = write("cut.png", Arrays.copyOf(full, full.length / 2));
        InvalidPhotoException e = assertThrows(InvalidPhotoException.class, () -> PhotoLoader.load(p));
        assertTrue(e.reason().startsWith("corrupt or truncated image"), e.reason());
    }

    @Test
    void truncatedJpeg() throws IOException {
        byte[] full = Files.readAllBytes(Fixtures.graceHopper());
        Path p = write("cut.jpg", Arrays.copyOf(full, full.length / 2));
        InvalidPhotoException e = assertThrows(InvalidPhotoException.class, () -> PhotoLoader.load(p));
        assertTrue(e.reason().startsWith("corrupt or truncated image"), e.reason());
    }

    @Test
    void corruptPngData() throws IOException {
        byte[] data = png(noise(300, 300), "png");
        // Keep the signature and header chunk, scramble the compressed pixel data.
        for (int i = 100; i < data.length - 20; i += 7) {
            data[i] ^= (byte) 0x5a;
        }
        Path p = write("scrambled.png", data);
        InvalidPhotoException e = assertThrows(InvalidPhotoException.class, () -> PhotoLoader.load(p));
        assertTrue(e.reason().startsWith("corrupt or truncated image"), e.reason());
    }

    @Test
    void tooSmall() throws IOException {
        Path p = write("tiny.png", png(Fixtures.solidImage(40, 80, Color.BLUE), "png"));
        InvalidPhotoException e = assertThrows(InvalidPhotoException.class, () -> PhotoLoader.load(p));
        assertTrue(e.reason().contains("too small") && e.reason().contains("40x80"), e.reason());
    }

    @Test
    void aTransparentBackgroundBecomesAPlainStudioBackdrop() throws IOException {
        // Seen before: composited over white, a cut-out person stood in a glaring cream box in every shot.
        BufferedImage argb = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.setColor(new Color(200, 120, 80));
        g.fillOval(60, 40, 80, 120); // a warm "person"; the rest stays fully transparent
        g.setColor(new Color(200, 120, 80, 128));
        g.fillRect(0, 190, 200, 10); // a half-transparent strip
        g.dispose();
        BufferedImage img = PhotoLoader.load(write("cutout.png", png(argb, "png")));
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, img.getType());
        assertEquals(0xc87850, img.getRGB(100, 100) & 0xffffff, "the opaque person is kept as it is");
        int[] top = rgb(img.getRGB(100, 10));
        int[] corner = rgb(img.getRGB(2, 2));
        double lTop = luma(top);
        assertTrue(lTop > 90 && lTop < 135, "a mid grey backdrop, not white or black: " + lTop);
        assertTrue(spread(top) <= 20, "a grey with only a hint of the person's colour: " + java.util.Arrays.toString(top));
        assertTrue(top[0] >= top[2], "the hint is the person's warm colour: " + java.util.Arrays.toString(top));
        assertTrue(luma(corner) < lTop - 15, "darker towards the corners: " + luma(corner) + " vs " + lTop);
        double strip = luma(rgb(img.getRGB(100, 195)));
        double person = luma(rgb(0xc87850));
        double below = luma(rgb(img.getRGB(100, 180)));
        assertTrue(Math.abs(strip - (person + below) / 2) < 12, "half-transparent pixels are half and half: " + strip);
    }

    @Test
    void aFewTransparentPixelsStayWhite() throws IOException {
        BufferedImage argb = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        argb.setRGB(99, 99, 0); // one see-through pixel (under the cut-out share) is not a cut-out's background
        BufferedImage img = PhotoLoader.load(write("alpha.png", png(argb, "png")));
        assertEquals(0xff0000, img.getRGB(10, 50) & 0xffffff);
        assertEquals(0xffffff, img.getRGB(99, 99) & 0xffffff);
    }

    private static int[] rgb(int p) {
        return new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
    }

    private static double luma(int[] c) {
        return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
    }

    private static int spread(int[] c) {
        return Math.max(c[0], Math.max(c[1], c[2])) - Math.min(c[0], Math.min(c[1], c[2]));
    }

    @Test
    void grayscaleBecomesBgr() throws IOException {
        BufferedImage gray = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(50, 0, 50, 100);
        g.dispose();
        BufferedImage img = PhotoLoader.load(write("gray.png", png(gray, "png")));
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, img.getType());
        assertEquals(0x000000, img.getRGB(10, 50) & 0xffffff);
        assertEquals(0xffffff, img.getRGB(90, 50) & 0xffffff);
    }

    @Test
    void hugePhotoIsScaledDown() throws IOException {
        // 9000 px wide: decoded with 2x subsampling, then resized to exactly MAX_SIDE.
        BufferedImage wide = Fixtures.solidImage(9000, 700, Color.GREEN);
        BufferedImage img = PhotoLoader.load(write("wide.png", png(wide, "png")));
        assertEquals(PhotoLoader.MAX_SIDE, img.getWidth());
        assertEquals(Math.round(700 * PhotoLoader.MAX_SIDE / 9000.0), img.getHeight(), 1);
        assertEquals(0x00ff00, img.getRGB(2000, 100) & 0xffffff);
    }

    @Test
    void exifOrientationIsApplied() throws IOException {
        // 200x100, red left half, blue right half, tagged "rotate 90 clockwise to display" (6): upright it is
        // 100x200 with red on top.
        BufferedImage src = Fixtures.solidImage(200, 100, Color.BLUE);
        Graphics2D g = src.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        byte[] jpeg = withExifOrientation(png(src, "jpeg"), 6);
        BufferedImage img = PhotoLoader.load(write("rotated.jpg", jpeg));
        assertEquals(100, img.getWidth());
        assertEquals(200, img.getHeight());
        Color top = new Color(img.getRGB(50, 40));
        Color bottom = new Color(img.getRGB(50, 160));
        assertTrue(top.getRed() > 200 && top.getBlue() < 60, "top should be red: " + top);
        assertTrue(bottom.getBlue() > 200 && bottom.getRed() < 60, "bottom should be blue: " + bottom);
    }

    @Test
    void orientationTransformsMatchExifMeaning() {
        // A 3x2 image with distinct pixels; check where the top-left source pixel lands for each orientation.
        BufferedImage src = new BufferedImage(3, 2, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                src.setRGB(x, y, (y * 3 + x + 1) * 20);
            }
        }
        int tl = 20;
        assertEquals(tl, PhotoLoader.orient(src, 2).getRGB(2, 0) & 0xff);
        assertEquals(tl, PhotoLoader.orient(src, 3).getRGB(2, 1) & 0xff);
        assertEquals(tl, PhotoLoader.orient(src, 4).getRGB(0, 1) & 0xff);
        assertEquals(tl, PhotoLoader.orient(src, 5).getRGB(0, 0) & 0xff);
        assertEquals(tl, PhotoLoader.orient(src, 6).getRGB(1, 0) & 0xff);
        assertEquals(tl, PhotoLoader.orient(src, 7).getRGB(1, 2) & 0xff);
        assertEquals(tl, PhotoLoader.orient(src, 8).getRGB(0, 2) & 0xff);
    }

    private Path write(String name, byte[] data) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, data);
        return p;
    }

    private static byte[] png(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    private static BufferedImage noise(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        new java.util.Random(3).nextBytes(Images.bgr(img));
        return img;
    }

    /** Inserts an EXIF APP1 segment with one Orientation tag after the JFIF APP0 segment. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'E', 'x', 'i', 'f', 0, 0,
            'M', 'M', 0, 42, 0, 0, 0, 8,
            0, 1,
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0,
        };
        int insertAt = 2;
        if ((jpeg[2] & 0xff) == 0xff && (jpeg[3] & 0xff) == 0xe0) {
            insertAt = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        }
        int len = tiff.length + 2;
        byte[] out = new byte[jpeg.length + tiff.length + 4];
        System.arraycopy(jpeg, 0, out, 0, insertAt);
        out[insertAt] = (byte) 0xff;
        out[insertAt + 1] = (byte) 0xe1;
        out[insertAt + 2] = (byte) (len >> 8);
        out[insertAt + 3] = (byte) len;
        System.arraycopy(tiff, 0, out, insertAt + 4, tiff.length);
        System.arraycopy(jpeg, insertAt, out, insertAt + 4 + tiff.length, jpeg.length - insertAt);
        return out;
    }
}
