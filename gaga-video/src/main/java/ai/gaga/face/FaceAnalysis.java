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
 * @param pose       head pose
 * @param mask       person mask at photo resolution
 * @param warnings   problems to report to the user (empty when all is well)
 */
public record FaceAnalysis(int width, int height, FaceBox box, FaceMesh mesh, Landmarks478 landmarks,
                           Blendshapes expression, HeadPose pose, PersonMask mask, Set<FaceWarning> warnings) {
    public FaceAnalysis {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(landmarks, "landmarks");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(pose, "pose");
        Objects.requireNonNull(mask, "mask");
        warnings = Set.copyOf(warnings);
    }

    /** The warnings' user messages. */
    public List<String> warningMessages() {
        return warnings.stream().sorted().map(FaceWarning::message).toList();
    }
}
