package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramingTest {
    /** A 250 px face centred at (1000, 700) in a 2000x3000 portrait. */
    private static final FaceBox FACE = FaceBox.withEstimatedKeypoints(875, 575, 250, 250, 0.9, "test");

    @Test
    void closeUpSizesAndCentresTheFace() {
        Framing f = Framing.closeUp(2000, 3000, FACE, 1920, 1080);
        // 36% of 1080 / 250 px = 1.555, above the 0.36 needed to fill the height.
        assertEquals(Framing.FACE_HEIGHT_SHARE * 1080 / 250, f.scale(), 1e-9);
        assertEquals(960, f.frameX(FACE.centerX(), 1), 1e-6);
        assertEquals(Framing.EYE_LINE * 1080, f.frameY(FACE.eyeCenter().y(), 1), 1e-6);
        assertCovers(f, 2000, 3000, 1920, 1080);
    }

    @Test
    void translationIsClampedSoNoEdgeShows() {
        // Face near the photo's top-left corner: centring it would pull the photo's edges into the frame.
        FaceBox corner = FaceBox.withEstimatedKeypoints(10, 10, 200, 200, 0.9, "test");
        Framing f = Framing.closeUp(2000, 3000, corner, 1920, 1080);
        assertEquals(0, f.offsetX(), 1e-9);
        assertEquals(0, f.offsetY(), 1e-9);
        assertCovers(f, 2000, 3000, 1920, 1080);
    }

    @Test
    void photoFillsTheFrameHeightEvenWhenTheFaceGetsBigger() {
        // A 640 px square whose face is 300 px: 36% would leave the photo shorter than the frame.
        FaceBox face = FaceBox.withEstimatedKeypoints(170, 100, 300, 300, 0.9, "test");
        Framing f = Framing.closeUp(640, 640, face, 1920, 1080);
        assertEquals(1080 / 640.0, f.scale(), 1e-9);
        assertEquals(0, f.offsetY(), 1e-9);
        assertEquals(960, f.frameX(face.centerX(), 1), 1e-6);
    }

    @Test
    void upscaleIsLimited() {
        FaceBox face = FaceBox.withEstimatedKeypoints(20, 20, 40, 40, 0.9, "test");
        Framing f = Framing.closeUp(80, 80, face, 1920, 1080);
        assertEquals(Framing.MAX_UPSCALE, f.scale(), 1e-9);
    }

    @Test
    void wholePhotoIsCentred() {
        Framing f = Framing.whole(800, 600, 1920, 1080);
        assertEquals(1.8, f.scale(), 1e-9);
        assertEquals(960, f.frameX(400, 1), 1e-6);
        assertEquals(540, f.frameY(300, 1), 1e-6);
        assertEquals(960, f.centerX(), 1e-9);
    }

    private static void assertCovers(Framing f, int w, int h, int fw, int fh) {
        for (double z : new double[] {1.0, 1 + ShotCompositor.MAX_PUSH}) {
            assertTrue(f.frameX(0, z) <= 1e-6 && f.frameX(w, z) >= fw - 1e-6, "x edge visible at zoom " + z);
            assertTrue(f.frameY(0, z) <= 1e-6 && f.frameY(h, z) >= fh - 1e-6, "y edge visible at zoom " + z);
        }
    }
}
