package ai.gaga.face;

import java.util.EnumSet;
import java.util.Set;

/**
 * What of a photo's expression the neutral rest relaxes, read from the mesh (the inner-lip gap) and the 52
 * blendshapes: lips apart, a grin, raised or knitted brows, closed eyes. Weights are the amounts above a neutral face
 * (0 = nothing to relax).
 *
 * @param lipGap      inner-lip gap at the mouth's centre, inter-ocular distances
 * @param closeMouth  whether the lips are apart enough to close
 * @param smile       grin to relax, 0..1 (mean of mouthSmileLeft/Right above a neutral face's)
 * @param browUp      inner brow raise to relax, 0..1
 * @param browDown    lowered, knitted brows to relax, 0..1
 * @param rightClosed whether the subject's right eye is closed
 * @param leftClosed  whether the subject's left eye is closed
 * @param mouthKept   whether the open mouth may be covered (a hand, a microphone, the tongue), so closing it may
 *                    smear what covers it
 */
public record PhotoExpression(double lipGap, boolean closeMouth, double smile, double browUp, double browDown,
                              boolean rightClosed, boolean leftClosed, boolean mouthKept) {
    /** Lips further apart than this (inter-ocular distances) are closed for the rest. */
    public static final double OPEN_GAP = 0.06;
    private static final double SMILE_NEUTRAL = 0.25;
    private static final double BROW_NEUTRAL = 0.3;
    private static final double MIN_EXCESS = 0.1;

    /** Reads a face's expression. */
    public static PhotoExpression of(FaceMesh mesh, Blendshapes b, boolean mouthOccluded) {
        double iod = Math.max(1e-6, mesh.interOcularDistance());
        double gap = 0;
        int[][] pairs = {{13, 14}, {82, 87}, {312, 317}};
        for (int[] p : pairs) {
            FaceMesh.Landmark u = mesh.get(p[0]);
            FaceMesh.Landmark l = mesh.get(p[1]);
            gap += Math.hypot(l.x() - u.x(), l.y() - u.y()) / iod / pairs.length;
        }
        boolean open = gap > OPEN_GAP;
        double smile = Math.max(0, (b.get(Blendshapes.Name.mouthSmileLeft) + b.get(Blendshapes.Name.mouthSmileRight))
                / 2 - SMILE_NEUTRAL);
        double browUp = Math.max(0, b.get(Blendshapes.Name.browInnerUp) - BROW_NEUTRAL);
        double browDown = Math.max(0, (b.get(Blendshapes.Name.browDownLeft) + b.get(Blendshapes.Name.browDownRight))
                / 2 - BROW_NEUTRAL);
        ClosedEyes eyes = ClosedEyes.of(mesh, b);
        boolean left = eyes.leftClosed();
        boolean right = eyes.rightClosed();
        // Small excesses are within what neutral faces read: left alone (no warp at all for a neutral photo).
        smile = smile > MIN_EXCESS ? smile : 0;
        browUp = browUp > MIN_EXCESS ? browUp : 0;
        browDown = browDown > MIN_EXCESS ? browDown : 0;
        // Teeth in a wide open mouth also read as "covered", so an open mouth is closed either way, with a warning.
        return new PhotoExpression(gap, open, smile, browUp, browDown, right, left,
                open && mouthOccluded);
    }

    /** Of an analysed face. */
    public static PhotoExpression of(FaceAnalysis face) {
        return of(face.mesh(), face.expression(), face.warnings().contains(FaceWarning.MOUTH_OCCLUDED));
    }

    /**
     * Whether the neutral rest warps the face (lips, grin, brows). Closed eyes ({@link #rightClosed},
     * {@link #leftClosed}, read by {@link ClosedEyes}) are opened separately, after the warp.
     */
    public boolean changesAnything() {
        return closeMouth || smile > 0 || browUp > 0 || browDown > 0;
    }

    /** The warnings about deriving the neutral rest from this expression. */
    public Set<FaceWarning> warnings() {
        Set<FaceWarning> w = EnumSet.noneOf(FaceWarning.class);
        if (closeMouth) {
            w.add(FaceWarning.MOUTH_CLOSED_AT_REST);
        }
        if (mouthKept) {
            w.add(FaceWarning.MOUTH_KEPT_OPEN);
        }
        if (smile > 0) {
            w.add(FaceWarning.SMILE_RELAXED_AT_REST);
        }
        if (browUp > 0 || browDown > 0) {
            w.add(FaceWarning.BROWS_RELAXED_AT_REST);
        }
        return w;
    }
}
