package ai.gaga.rig;

import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoExpression;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A closed rest's specks are filled and nothing else: on Grace Hopper's closed mouth, black dots painted beside both
 * corners (as a closing warp pinches a wide mouth's dark corners) come out in the skin's tone, while a dark line
 * painted where the lips meet, a mole further out and every pixel away from the mouth stay exactly as they were.
 */
class MouthSpeckTest {

    @Test
    void dotsAtTheCornersAreFilledTheLipLineAndAMoleStay() {
        try (TestServices services = new TestServices()) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.graceHopper()));
            FaceAnalysis a = analyzer.analyze(photo);
            int w = photo.getWidth();
            int h = photo.getHeight();
            FaceRig rig = FaceRig.create(a, w, h);
            double iod = rig.interOcular();
            byte[] original = Images.bgr(photo).clone();
            byte[] img = original.clone();
            double ux = rig.restX(291) - rig.restX(61);
            double uy = rig.restY(291) - rig.restY(61);
            double len = Math.hypot(ux, uy);
            ux /= len;
            uy /= len;
            // two 2x2 dots just past each corner, one a little below it
            int[][] dots = {
                {(int) Math.round(rig.restX(61) - 0.05 * iod * ux), (int) Math.round(rig.restY(61) - 0.05 * iod * uy)},
                {(int) Math.round(rig.restX(291) + 0.03 * iod * ux), (int) Math.round(rig.restY(291) + 0.04 * iod)},
            };
            for (int[] d : dots) {
                paint(img, w, d[0], d[1], 2, 15);
            }
            // a mole 0.3 IOD below-left of the corner, out of the corners' reach
            int moleX = (int) Math.round(rig.restX(61) - 0.2 * iod);
            int moleY = (int) Math.round(rig.restY(61) + 0.22 * iod);
            paint(img, w, moleX, moleY, 3, 25);
            // a dark line where the lips meet, from corner to corner
            for (double t = 0.1; t <= 0.9; t += 0.5 / len) {
                int x = (int) Math.round(rig.restX(78) + t * (rig.restX(308) - rig.restX(78)));
                int y = (int) Math.round(rig.restY(78) + t * (rig.restY(308) - rig.restY(78)));
                paint(img, w, x, y, 1, 30);
            }
            byte[] painted = img.clone();
            // what the pass does to the photo itself (Grace Hopper's grainy print has specks of its own)
            byte[] own = Images.bgr(NeutralRest.despeckle(new NeutralRest.Result(photo, a, Set.of(),
                    PhotoExpression.of(a))).photo());
            assertTrue(java.util.Arrays.equals(original, Images.bgr(photo)), "the pass leaves its input as it was");
            NeutralRest.Result before = new NeutralRest.Result(Images.fromBgr(img, w, h), a, Set.of(),
                    PhotoExpression.of(a));
            NeutralRest.Result after = NeutralRest.despeckle(before);
            byte[] out = Images.bgr(after.photo());

            for (int[] d : dots) {
                double around = ringLuma(painted, w, d[0], d[1], (int) Math.round(0.06 * iod));
                for (int y = d[1]; y < d[1] + 2; y++) {
                    for (int x = d[0]; x < d[0] + 2; x++) {
                        double l = luma(out, w, x, y);
                        assertTrue(l > 0.75 * around, "dot pixel " + x + "," + y + " still dark: " + l + " against "
                                + around);
                    }
                }
            }
            int changed = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int o = (y * w + x) * 3;
                    boolean same = out[o] == painted[o] && out[o + 1] == painted[o + 1] && out[o + 2] == painted[o + 2];
                    boolean ownSpeck = own[o] != original[o] || own[o + 1] != original[o + 1]
                            || own[o + 2] != original[o + 2];
                    boolean wasPainted = painted[o] != original[o] || painted[o + 1] != original[o + 1];
                    boolean nearDot = false;
                    for (int[] d : dots) {
                        nearDot |= Math.abs(x - d[0] - 0.5) <= 3 && Math.abs(y - d[1] - 0.5) <= 3;
                    }
                    if (!same && nearDot) {
                        changed++;
                    }
                    // the line and the mole stay exactly; elsewhere only what the photo's own specks change
                    assertTrue(same || nearDot || (ownSpeck && !wasPainted),
                            "a pixel away from the dots changed: " + x + "," + y + " painted " + wasPainted + " own "
                                    + ownSpeck + " luma " + luma(original, w, x, y) + " -> " + luma(painted, w, x, y)
                                    + " -> " + luma(out, w, x, y) + "; corners " + rig.restX(61) + "," + rig.restY(61)
                                    + " / " + rig.restX(291) + "," + rig.restY(291));
                }
            }
            assertTrue(changed >= 8, "the dots were filled: " + changed + " pixels changed");
            assertEquals(luma(painted, w, moleX, moleY), luma(out, w, moleX, moleY), "the mole stays");
        }
    }

    private static void paint(byte[] img, int w, int x0, int y0, int size, int value) {
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                int o = (y * w + x) * 3;
                img[o] = (byte) value;
                img[o + 1] = (byte) value;
                img[o + 2] = (byte) (value + 5);
            }
        }
    }

    private static double luma(byte[] img, int w, int x, int y) {
        int o = (y * w + x) * 3;
        return 0.114 * (img[o] & 0xFF) + 0.587 * (img[o + 1] & 0xFF) + 0.299 * (img[o + 2] & 0xFF);
    }

    /** Mean luma on the square ring {@code r} around the 2x2 dot at {@code (x, y)}. */
    private static double ringLuma(byte[] img, int w, int x, int y, int r) {
        double s = 0;
        int n = 0;
        for (int dy = -r; dy <= r + 1; dy++) {
            for (int dx = -r; dx <= r + 1; dx++) {
                if (Math.max(Math.abs(dx - 0.5), Math.abs(dy - 0.5)) >= r) {
                    s += luma(img, w, x + dx, y + dy);
                    n++;
                }
            }
        }
        return s / n;
    }
}
