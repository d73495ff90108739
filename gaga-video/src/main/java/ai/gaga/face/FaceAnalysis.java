package ai.gaga.face;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything learnt about a photo's face, computed once per photo by {@link FaceAnalyzer}.
 *
 * @param width      photo width
 * @param height     photo height
 * @param box        the detector's box of the chosen face
 * @param mesh       468-point mesh, eyelids refined by the iris model
 * @param landmarks  478 refined landmarks (mesh + irises)
 * @param expression resting expression
 * @param fit        the canonical face mesh fitted to the mesh: head pose, scale, position and identity shape
 * @param mask       person mask at photo resolution
 * @param warnings   problems to report to the user (empty when all is well)
 */
public record FaceAnalysis(int width, int height, FaceBox box, FaceMesh mesh, Landmarks478 landmarks,
                           Blendshapes expression, CanonicalFit fit, PersonMask mask, Set<FaceWarning> warnings) {
    public FaceAnalysis {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(landmarks, "landmarks");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(mask, "mask");
        warnings = Set.copyOf(warnings);
    }

    /** The head pose (of the {@link #fit}). */
    public HeadPose pose() {
        return fit.pose();
    }

    /** The warnings' user messages. */
    public List<String> warningMessages() {
        return warnings.stream().sorted().map(FaceWarning::message).toList();
    }
}
