package ai.gaga.picture;

import ai.gaga.face.Images;
import ai.gaga.face.PersonMask;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The set a two-shot shares comes without the person it was photographed with: a red figure on a green setting leaves
 * a reddish blur in the plain backdrop, and none where its person mask is given; the setting's own colour is kept.
 */
class BackdropTest {

    @Test
    void theSetsOwnPersonLeavesNoGhost() {
        int w = 600;
        int h = 400;
        BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = Images.bgr(photo);
        float[] mask = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                boolean person = Math.abs(x - 250) < 70 && y > 80; // a figure standing on the bottom edge
                int grain = (x * 7 + y * 13) % 23;
                px[o] = (byte) (person ? 40 : 50 + grain);      // B
                px[o + 1] = (byte) (person ? 40 : 140 + grain); // G
                px[o + 2] = (byte) (person ? 210 : 60 + grain); // R
                mask[y * w + x] = person ? 1f : 0f;
            }
        }
        byte[] ghost = Backdrop.render(photo, 1280, 720);
        byte[] clean = Backdrop.render(photo, new PersonMask(w, h, mask), 1280, 720);
        double ghostRed = maxRedOverGreen(ghost, 1280, 720);
        double cleanRed = maxRedOverGreen(clean, 1280, 720);
        assertTrue(ghostRed > 1.5, "the plain backdrop shows the figure as a blur: red/green " + ghostRed);
        assertTrue(cleanRed < 0.8, "no ghost of the figure without its person: red/green " + cleanRed);
        // the setting stays green where there was no one
        int o = (100 * 1280 + 1180) * 3;
        assertTrue((clean[o + 1] & 0xff) > (clean[o + 2] & 0xff) + 30, "the setting keeps its colour");
    }

    private static double maxRedOverGreen(byte[] bgr, int w, int h) {
        double max = 0;
        for (int i = 0; i < w * h; i += 7) {
            double g = Math.max(1, bgr[3 * i + 1] & 0xff);
            max = Math.max(max, (bgr[3 * i + 2] & 0xff) / g);
        }
        return max;
    }
}
