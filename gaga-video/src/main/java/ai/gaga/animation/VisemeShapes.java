package ai.gaga.animation;

import ai.gaga.rig.FaceControl;
import ai.gaga.voice.viseme.OculusViseme;

import java.util.EnumMap;
import java.util.Map;

import static ai.gaga.rig.FaceControl.JAW_OPEN;
import static ai.gaga.rig.FaceControl.MOUTH_CLOSE;
import static ai.gaga.rig.FaceControl.MOUTH_FUNNEL;
import static ai.gaga.rig.FaceControl.MOUTH_LOWER_DOWN;
import static ai.gaga.rig.FaceControl.MOUTH_PRESS;
import static ai.gaga.rig.FaceControl.MOUTH_PUCKER;
import static ai.gaga.rig.FaceControl.MOUTH_ROLL_LOWER;
import static ai.gaga.rig.FaceControl.MOUTH_ROLL_UPPER;
import static ai.gaga.rig.FaceControl.MOUTH_STRETCH;
import static ai.gaga.rig.FaceControl.MOUTH_UPPER_UP;
import static ai.gaga.rig.FaceControl.TONGUE_UP;

/**
 * The mouth shape of each viseme (targets of the mouth controls at full articulation) and its dominance: how strongly
 * it holds its shape against its neighbours when they blend (lips must really meet for p/b/m and the lower lip must
 * reach the teeth for f/v, while vowels give way to the consonants around them).
 */
final class VisemeShapes {
    /** The controls lip sync drives, in the order of the target arrays. */
    static final FaceControl[] MOUTH = {JAW_OPEN, MOUTH_CLOSE, MOUTH_FUNNEL, MOUTH_PUCKER, MOUTH_STRETCH, MOUTH_PRESS,
            MOUTH_ROLL_LOWER, MOUTH_ROLL_UPPER, MOUTH_UPPER_UP, MOUTH_LOWER_DOWN, TONGUE_UP};
    /** Index of JAW_OPEN and MOUTH_LOWER_DOWN in {@link #MOUTH}: the parts loudness scales. */
    static final int JAW = 0;
    static final int LOWER_DOWN = 9;

    private static final Map<OculusViseme, float[]> TARGETS = new EnumMap<>(OculusViseme.class);
    private static final Map<OculusViseme, Double> DOMINANCE = new EnumMap<>(OculusViseme.class);

    static {
        shape(OculusViseme.SIL, 1.0);
        shape(OculusViseme.PP, 9.0, JAW_OPEN, 0.0, MOUTH_CLOSE, 0.9, MOUTH_PRESS, 0.6, MOUTH_ROLL_LOWER, 0.1);
        shape(OculusViseme.FF, 5.0, JAW_OPEN, 0.08, MOUTH_ROLL_LOWER, 0.65, MOUTH_UPPER_UP, 0.35, MOUTH_CLOSE, 0.2);
        shape(OculusViseme.TH, 2.5, JAW_OPEN, 0.18, TONGUE_UP, 0.7, MOUTH_LOWER_DOWN, 0.15);
        shape(OculusViseme.DD, 1.5, JAW_OPEN, 0.2, TONGUE_UP, 0.6, MOUTH_STRETCH, 0.1);
        shape(OculusViseme.KK, 1.0, JAW_OPEN, 0.28, MOUTH_STRETCH, 0.15, MOUTH_LOWER_DOWN, 0.1);
        shape(OculusViseme.CH, 3.0, JAW_OPEN, 0.15, MOUTH_FUNNEL, 0.55, MOUTH_PUCKER, 0.25, MOUTH_UPPER_UP, 0.2);
        shape(OculusViseme.SS, 2.5, JAW_OPEN, 0.08, MOUTH_STRETCH, 0.35, MOUTH_UPPER_UP, 0.1,
                MOUTH_LOWER_DOWN, 0.15);
        shape(OculusViseme.NN, 1.2, JAW_OPEN, 0.18, TONGUE_UP, 0.55);
        shape(OculusViseme.RR, 1.5, JAW_OPEN, 0.2, MOUTH_FUNNEL, 0.3, MOUTH_PUCKER, 0.15);
        shape(OculusViseme.AA, 1.0, JAW_OPEN, 0.7, MOUTH_LOWER_DOWN, 0.3, MOUTH_STRETCH, 0.05);
        shape(OculusViseme.E, 1.0, JAW_OPEN, 0.42, MOUTH_STRETCH, 0.35, MOUTH_LOWER_DOWN, 0.2);
        shape(OculusViseme.I, 1.0, JAW_OPEN, 0.25, MOUTH_STRETCH, 0.55, MOUTH_UPPER_UP, 0.1);
        shape(OculusViseme.O, 1.2, JAW_OPEN, 0.5, MOUTH_FUNNEL, 0.6, MOUTH_PUCKER, 0.2);
        shape(OculusViseme.U, 1.5, JAW_OPEN, 0.22, MOUTH_PUCKER, 0.75, MOUTH_FUNNEL, 0.35,
                MOUTH_ROLL_UPPER, 0.05);
    }

    private VisemeShapes() {
    }

    private static void shape(OculusViseme v, double dominance, Object... pairs) {
        float[] t = new float[MOUTH.length];
        for (int i = 0; i < pairs.length; i += 2) {
            t[index((FaceControl) pairs[i])] = ((Number) pairs[i + 1]).floatValue();
        }
        TARGETS.put(v, t);
        DOMINANCE.put(v, dominance);
    }

    static int index(FaceControl c) {
        for (int i = 0; i < MOUTH.length; i++) {
            if (MOUTH[i] == c) {
                return i;
            }
        }
        throw new IllegalArgumentException(c + " is not a mouth control");
    }

    /** The target of every mouth control (index as {@link #MOUTH}); do not modify. */
    static float[] target(OculusViseme v) {
        return TARGETS.get(v);
    }

    /**
     * Dominance of a viseme span. Short silences inside speech (a stop's closure, a breath between words) barely pull
     * the mouth to rest; silences longer than {@link LipSync#REST_SILENCE} do.
     */
    static double dominance(OculusViseme v, double duration) {
        if (v == OculusViseme.SIL) {
            return duration < LipSync.REST_SILENCE ? 0.25 : 1.5;
        }
        return DOMINANCE.get(v);
    }
}
