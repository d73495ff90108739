package ai.gaga.face;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which eye is opened how, and when the warning says it may look wrong (no models: the reading's numbers given). */
class ClosedEyesTest {
    @Test
    void aWinkIsMirroredBothClosedArePainted() {
        ClosedEyes wink = new ClosedEyes(false, true, 0.15, 0.04, 0.95, 0.45);
        assertEquals(ClosedEyes.Method.NONE, wink.right());
        assertEquals(ClosedEyes.Method.MIRRORED, wink.left());
        assertEquals(java.util.Set.of(FaceWarning.LEFT_EYE_OPENED_AT_REST), wink.warnings());
        ClosedEyes both = new ClosedEyes(true, true, 0.05, 0.04, 0.95, 0.45);
        assertEquals(ClosedEyes.Method.SYNTHESISED, both.right());
        assertEquals(java.util.Set.of(FaceWarning.EYES_OPENED_AT_REST), both.warnings());
        assertTrue(new ClosedEyes(false, false, 0.15, 0.15, 1, 0.45).warnings().isEmpty());
    }

    @Test
    void aTurnedFaceOrATinyEyeIsFlagged() {
        ClosedEyes turned = new ClosedEyes(true, false, 0.04, 0.15, 0.6, 0.35);
        assertTrue(turned.poor());
        assertTrue(turned.warnings().contains(FaceWarning.EYE_OPENED_POORLY));
        assertTrue(turned.warnings().contains(FaceWarning.RIGHT_EYE_OPENED_AT_REST));
        assertTrue(new ClosedEyes(true, true, 0.04, 0.04, 0.6, 0.25).poor());
        // Both closed: the width ratio does not matter (nothing is mirrored).
        assertTrue(!new ClosedEyes(true, true, 0.04, 0.04, 0.6, 0.4).poor());
    }

    @Test
    void weakBlinkCountsOnlyWithShutLids() {
        float[] w = new float[Blendshapes.COUNT];
        w[Blendshapes.Name.eyeBlinkRight.ordinal()] = 0.45f;
        w[Blendshapes.Name.eyeBlinkLeft.ordinal()] = 0.45f;
        // A mesh is needed for the geometry: a flat synthetic one, eyes 100 px apart, lids 3 px (right) and 15 px
        // (left) apart.
        java.util.List<FaceMesh.Landmark> pts = new java.util.ArrayList<>();
        for (int i = 0; i < FaceMesh.SIZE; i++) {
            pts.add(new FaceMesh.Landmark(0, 0, 0));
        }
        for (int i : FaceMesh.RIGHT_EYE) {
            pts.set(i, new FaceMesh.Landmark(100, 100, 0));
        }
        for (int i : FaceMesh.LEFT_EYE) {
            pts.set(i, new FaceMesh.Landmark(200, 100, 0));
        }
        pts.set(33, new FaceMesh.Landmark(78, 100, 0));
        pts.set(133, new FaceMesh.Landmark(122, 100, 0));
        pts.set(263, new FaceMesh.Landmark(222, 100, 0));
        pts.set(362, new FaceMesh.Landmark(178, 100, 0));
        for (int[] p : new int[][] {{159, 145}, {158, 153}, {160, 144}}) {
            pts.set(p[0], new FaceMesh.Landmark(100, 98.5, 0));
            pts.set(p[1], new FaceMesh.Landmark(100, 101.5, 0));
        }
        for (int[] p : new int[][] {{386, 374}, {385, 380}, {387, 373}}) {
            pts.set(p[0], new FaceMesh.Landmark(200, 92.5, 0));
            pts.set(p[1], new FaceMesh.Landmark(200, 107.5, 0));
        }
        ClosedEyes e = ClosedEyes.of(new FaceMesh(pts, 1), new Blendshapes(w));
        assertTrue(e.rightClosed(), e.toString());
        assertTrue(!e.leftClosed(), e.toString());
    }
}
