package ai.gaga.rig;

import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.Images;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plate-level guarantees: rest is the scaled photo, nothing outside the face/neck region changes, no garbage. */
class AnimatedPlateTest {
    private static RigFixtures fixtures;

    @BeforeAll
    static void setUp() {
        fixtures = new RigFixtures();
    }

    @AfterAll
    static void tearDown() {
        fixtures.close();
    }

    private static AnimatedPlate plate(String name, double scale, FacePerformance performance) {
        return AnimatedPlate.create(fixtures.photos.get(name), fixtures.analyses.get(name), scale, performance);
    }

    @ParameterizedTest
    @ValueSource(strings = {"grace", "astronaut"})
    void restIsTheScaledPhotoByteForByteEvenAfterOtherFrames(String name) {
        BufferedImage photo = fixtures.photos.get(name);
        AnimatedPlate plate = plate(name, 1.37, FacePerformance.REST);
        assertEquals(Math.round(photo.getWidth() * 1.37), plate.width());
        byte[] expected = Images.bgr(Images.resize(photo, plate.width(), plate.height()));
        plate.draw(0);
        assertArrayEquals(expected, plate.bgr(), "rest frame");
        plate.draw(new FaceControls().set(FaceControl.JAW_OPEN, 0.8).set(FaceControl.EYE_BLINK_LEFT, 1)
                .set(FaceControl.HEAD_YAW, 12));
        assertFalse(Arrays.equals(expected, plate.bgr()), "the controls changed nothing");
        plate.draw(new FaceControls());
        assertArrayEquals(expected, plate.bgr(), "rest after a moving frame");
        assertTrue(plate.dirtyRegion().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"grace", "astronaut"})
    void pixelsOutsideTheFaceNeckAndBodyRegionNeverChange(String name) {
        AnimatedPlate plate = plate(name, 1.0, FacePerformance.REST);
        boolean[] region = region(plate);
        int inside = 0;
        for (boolean b : region) {
            inside += b ? 1 : 0;
        }
        assertTrue(inside < region.length * 0.95, "region covers the whole plate: " + inside);
        assertFalse(region[0] || region[plate.width() - 1], "the top corners are in the face region");
        byte[] rest = plate.restBgr().clone();
        Random random = new Random(42);
        int changedInside = 0;
        for (int trial = 0; trial < 12; trial++) {
            FaceControls c = new FaceControls();
            for (FaceControl fc : FaceControl.values()) {
                if (random.nextDouble() < 0.5) {
                    double v = fc.signed() ? (random.nextDouble() * 2 - 1) : random.nextDouble();
                    c.set(fc, fc.name().startsWith("HEAD_") ? v * 20 : v);
                }
            }
            plate.draw(c);
            byte[] p = plate.bgr();
            for (int i = 0; i < region.length; i++) {
                boolean same = p[3 * i] == rest[3 * i] && p[3 * i + 1] == rest[3 * i + 1]
                        && p[3 * i + 2] == rest[3 * i + 2];
                if (!region[i]) {
                    if (!same) {
                        throw new AssertionError("pixel " + (i % plate.width()) + "," + (i / plate.width())
                                + " outside the face region changed under " + c);
                    }
                } else if (!same) {
                    changedInside++;
                }
            }
        }
        assertTrue(changedInside > 1000, "random controls hardly moved the face: " + changedInside);
    }

    /** The union of the rig's rest triangles, grown by a pixel, and of the body layer's weighted pixels. */
    private static boolean[] region(AnimatedPlate plate) {
        FaceRig rig = plate.rig();
        int w = plate.width();
        int h = plate.height();
        boolean[] in = new boolean[w * h];
        PolygonCoverage cov = new PolygonCoverage();
        int[] t = rig.triangles();
        float[] xs = new float[3];
        float[] ys = new float[3];
        for (int k = 0; k < t.length; k += 3) {
            for (int j = 0; j < 3; j++) {
                xs[j] = rig.restX(t[k + j]);
                ys[j] = rig.restY(t[k + j]);
            }
            cov.rasterize(xs, ys, 3, w, h);
            for (int y = 0; y < cov.h; y++) {
                for (int x = 0; x < cov.w; x++) {
                    if (cov.cov[y * cov.w + x] > 0) {
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int px = cov.x0 + x + dx;
                                int py = cov.y0 + y + dy;
                                if (px >= 0 && py >= 0 && px < w && py < h) {
                                    in[py * w + px] = true;
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                in[y * w + x] |= plate.bodyWeight(x, y) > 0;
            }
        }
        return in;
    }

    @Test
    void drawFollowsThePerformanceAndRepeatsExactly() {
        FacePerformance talk = (frame, out) -> out.reset().set(FaceControl.JAW_OPEN, (frame % 4) / 4.0)
                .set(FaceControl.EYE_BLINK_RIGHT, frame == 3 ? 1 : 0);
        AnimatedPlate plate = plate("grace", 1.0, talk);
        plate.draw(2);
        byte[] two = plate.bgr().clone();
        plate.draw(3);
        byte[] three = plate.bgr().clone();
        assertFalse(Arrays.equals(two, three));
        plate.draw(4); // jaw 0: rest
        assertArrayEquals(plate.restBgr(), plate.bgr());
        plate.draw(6); // same controls as frame 2
        assertArrayEquals(two, plate.bgr());
        // A fresh plate drawing frame 3 directly gives the same bytes: no state leaks between frames.
        AnimatedPlate fresh = plate("grace", 1.0, talk);
        fresh.draw(3);
        assertArrayEquals(three, fresh.bgr());
    }

    @Test
    void drawingAllocatesNothingPerFrame() {
        AnimatedPlate plate = plate("astronaut", 1.5, FacePerformance.REST);
        FaceControls a = everything(0.7, 8);
        FaceControls b = everything(0.3, -6);
        for (int i = 0; i < 20; i++) { // warm-up: buffers reach their size, code gets compiled
            plate.draw(i % 2 == 0 ? a : b);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 40; i++) {
            plate.draw(i % 2 == 0 ? a : b);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 40 * 256, "40 draws allocated " + allocated + " bytes");
    }

    @Test
    void personAlphaAndFaceAreInPlateCoordinates() {
        AnimatedPlate plate = plate("grace", 0.5, FacePerformance.REST);
        FaceAnalysis a = fixtures.analyses.get("grace");
        byte[] alpha = plate.personAlpha().orElseThrow();
        assertEquals(plate.width() * plate.height(), alpha.length);
        var box = plate.face().orElseThrow();
        assertEquals(a.box().centerX() * 0.5, box.centerX(), 1);
        int nose = (int) (a.mesh().get(1).y() * 0.5) * plate.width() + (int) (a.mesh().get(1).x() * 0.5);
        assertTrue((alpha[nose] & 0xFF) > 200, "face centre not in the person alpha");
        assertTrue((alpha[2 * plate.width() + 2] & 0xFF) < 128, "top-left corner counted as person");
    }

    @Test
    void badInputIsRefusedWithClearMessages() {
        BufferedImage photo = fixtures.photos.get("grace");
        FaceAnalysis a = fixtures.analyses.get("grace");
        var e = assertThrows(IllegalArgumentException.class,
                () -> AnimatedPlate.create(photo, a, 0, FacePerformance.REST));
        assertTrue(e.getMessage().contains("scale"), e.getMessage());
        BufferedImage other = new BufferedImage(100, 80, BufferedImage.TYPE_3BYTE_BGR);
        e = assertThrows(IllegalArgumentException.class, () -> AnimatedPlate.create(other, a, 1, FacePerformance.REST));
        assertTrue(e.getMessage().contains("100x80"), e.getMessage());
    }

    /** Every control at once (the draw-cost case). */
    static FaceControls everything(double w, double head) {
        FaceControls c = new FaceControls();
        for (FaceControl fc : FaceControl.values()) {
            c.set(fc, fc.name().startsWith("HEAD_") ? head : fc.signed() ? w - 0.5 : w);
        }
        return c;
    }
}
