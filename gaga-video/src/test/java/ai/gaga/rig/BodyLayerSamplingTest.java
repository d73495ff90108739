package ai.gaga.rig;

import ai.gaga.face.FaceBox;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The body layer's draw, which shifts runs of one weight as a block, gives exactly what sampling every pixel on its own
 * gives: for breaths and sways of every size and sign, near the plate's edges (where the samples clamp), through a
 * view, on a person mask with a flat inside (long runs) and a ragged silhouette (short ones).
 */
class BodyLayerSamplingTest {

    @Test
    void drawingRunsOfOneWeightMatchesSamplingEachPixel() {
        int w = 240;
        int h = 200;
        Random rnd = new Random(7);
        byte[] rest = new byte[w * h * 3];
        rnd.nextBytes(rest);
        byte[] person = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // a body reaching the plate's bottom and right edges, its outline ragged
                boolean inside = Math.abs(x - 150) < 80 + rnd.nextInt(6) && y > 30;
                person[y * w + x] = (byte) (inside ? 255 : rnd.nextInt(3) == 0 ? 90 : 0);
            }
        }
        FaceBox face = FaceBox.withEstimatedKeypoints(120, 10, 50, 60, 1, "test");
        BodyLayer layer = BodyLayer.of(face, 70, 24, person, w, h, List.of());
        assertNotNull(layer, "a body below the face");
        int[][] views = {{0, 0, w, h}, {30, 40, 200, 180}};
        double[][] shifts = {{0, -1.3}, {0.4, -3.7}, {-2.2, 5.1}, {7.9, -0.2}, {-12.6, -9.4}, {0.02, 0.01}};
        int moved = 0;
        for (int[] view : views) {
            for (double[] s : shifts) {
                byte[] fast = rest.clone();
                byte[] each = rest.clone();
                layer.draw(rest, fast, s[0], s[1], view);
                moved += reference(layer, rest, each, s[0], s[1], view, w, h);
                assertArrayEquals(each, fast, "shift " + s[0] + ", " + s[1] + " in view " + java.util.Arrays.toString(view));
            }
        }
        assertTrue(moved > 50_000, "the shifts moved pixels: " + moved);
    }

    /** Every pixel on its own, as the layer's own per-pixel path samples it; returns how many it wrote. */
    private static int reference(BodyLayer layer, byte[] rest, byte[] out, double dx, double dy, int[] view, int w,
                                 int h) {
        if (Math.abs(dx) < BodyLayer.STILL && Math.abs(dy) < BodyLayer.STILL) {
            return 0;
        }
        int one = 1 << 12;
        int fx = (int) Math.round(dx * 256);
        int fy = (int) Math.round(dy * 256);
        int still = (int) Math.ceil(BodyLayer.STILL * one / Math.max(Math.abs(dx), Math.abs(dy)));
        int n = 0;
        for (int y = view[1]; y < view[3]; y++) {
            for (int x = view[0]; x < view[2]; x++) {
                int k = Math.round(layer.weightAt(x + 0.5, y + 0.5) * one);
                if (k >= still) {
                    BodyLayer.samplePixel(rest, out, x, y, y << 8, k, fx, fy, w - 1, h - 1, w * 3);
                    n++;
                }
            }
        }
        return n;
    }
}
