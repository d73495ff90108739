package ai.gaga.rig;

import ai.gaga.face.FaceMesh;

/** Landmark index lists the painters share. */
final class FaceRigIndex {
    /** The inner-lip polygon (the mouth opening). */
    static final int[] INNER_LIP = FaceMesh.LIPS_INNER.clone();

    private FaceRigIndex() {
    }
}
