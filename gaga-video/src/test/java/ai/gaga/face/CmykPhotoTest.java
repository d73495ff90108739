package ai.gaga.face;

import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * CMYK and YCCK JPEGs load with the colours of the same photo in sRGB. The CMYK files are made here from the Grace
 * Hopper fixture, the way Adobe applications write them (inverted ink, APP14 marker; YCCK through libjpeg's
 * transform), and checked against FFmpeg's own decoding of the same files while this test was written (mean grey
 * 84.2 CMYK, 84.0 YCCK, original 84.6). Seen failing before CmykJpeg: mean grey 137.1 for both (washed out).
 */
class CmykPhotoTest {
    @TempDir
    Path dir;

    @Test
    void cmykAndYcckJpegsHaveTheColoursOfTheSrgbPhoto() throws IOException {
        BufferedImage original = PhotoLoader.load(Fixtures.graceHopper());
        Path cmyk = Files.write(dir.resolve("cmyk.jpg"), adobeJpeg(original, false));
        Path ycck = Files.write(dir.resolve("ycck.jpg"), adobeJpeg(original, true));
        double[] want = means(original);
        for (Path p : new Path[] {cmyk, ycck}) {
            double[] got = means(PhotoLoader.load(p));
            for (int c = 0; c < 4; c++) {
                assertEquals(want[c], got[c], 2.0, p.getFileName() + " channel " + c + " (B, G, R, grey)");
            }
        }
    }

    @Test
    void aCmykJpegWithAJfifMarkerAsLibjpegWritesItLoadsToo() throws IOException {
        // Seen failing before: ImageMagick's "convert photo.jpg -colorspace CMYK cmyk.jpg" (JFIF and Adobe markers
        // together) was refused as "corrupt or truncated image: Inconsistent metadata read from stream".
        BufferedImage original = PhotoLoader.load(Fixtures.graceHopper());
        double[] want = means(original);
        for (boolean ycck : new boolean[] {false, true}) {
            byte[] adobe = adobeJpeg(original, ycck);
            byte[] jfif = {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
            byte[] both = new byte[adobe.length + jfif.length];
            System.arraycopy(adobe, 0, both, 0, 2);
            System.arraycopy(jfif, 0, both, 2, jfif.length);
            System.arraycopy(adobe, 2, both, 2 + jfif.length, adobe.length - 2);
            Path p = Files.write(dir.resolve(ycck ? "ycck-jfif.jpg" : "cmyk-jfif.jpg"), both);
            double[] got = means(PhotoLoader.load(p));
            for (int c = 0; c < 4; c++) {
                assertEquals(want[c], got[c], 2.0, p.getFileName() + " channel " + c + " (B, G, R, grey)");
            }
        }
    }

    /** Mean blue, green, red and grey of a BGR image. */
    private static double[] means(BufferedImage bgr) {
        byte[] d = Images.bgr(bgr);
        double[] s = new double[4];
        for (int i = 0; i < d.length; i += 3) {
            double b = d[i] & 255;
            double g = d[i + 1] & 255;
            double r = d[i + 2] & 255;
            s[0] += b;
            s[1] += g;
            s[2] += r;
            s[3] += 0.114 * b + 0.587 * g + 0.299 * r;
        }
        int n = d.length / 3;
        return new double[] {s[0] / n, s[1] / n, s[2] / n, s[3] / n};
    }

    /** The image as an Adobe CMYK (or YCCK) JPEG: plain CMYK separation, channels stored inverted. */
    static byte[] adobeJpeg(BufferedImage rgb, boolean ycck) throws IOException {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb.getRGB(x, y);
                double red = ((p >> 16) & 255) / 255.0;
                double green = ((p >> 8) & 255) / 255.0;
                double blue = (p & 255) / 255.0;
                double k = 1 - Math.max(red, Math.max(green, blue));
                double[] ink = k >= 1 ? new double[] {0, 0, 0, 1} : new double[] {(1 - red - k) / (1 - k),
                        (1 - green - k) / (1 - k), (1 - blue - k) / (1 - k), k};
                int[] v = new int[4];
                for (int i = 0; i < 4; i++) {
                    v[i] = 255 - (int) Math.round(ink[i] * 255); // Adobe: inverted
                }
                if (ycck) { // libjpeg's cmyk_ycck_convert: 255 - inverted C, M, Y as R, G, B to YCbCr; K as is
                    double rr = 255 - v[0];
                    double gg = 255 - v[1];
                    double bb = 255 - v[2];
                    v[0] = clamp(0.299 * rr + 0.587 * gg + 0.114 * bb);
                    v[1] = clamp(-0.168736 * rr - 0.331264 * gg + 0.5 * bb + 128);
                    v[2] = clamp(0.5 * rr - 0.418688 * gg - 0.081312 * bb + 128);
                }
                r.setPixel(x, y, v);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(r, null, null), param); // a raster is written as is: four channels
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        // APP14 "Adobe": version 100, flags 0, transform 0 (CMYK) or 2 (YCCK), right after SOI
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
            (byte) (ycck ? 2 : 0)};
        byte[] out = new byte[jpeg.length + app14.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(app14, 0, out, 2, app14.length);
        System.arraycopy(jpeg, 2, out, 2 + app14.length, jpeg.length - 2);
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
