package ai.gaga.voice.onnx;

import ai.gaga.models.ModelProvider;
import ai.gaga.models.ModelSpec;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The speech models gaga-audio can use: Piper voices and Kokoro-82M with its voice tables. Those without a verified
 * SHA-256 ({@link ModelSpec#pinned()} false) are only ever used from the model directory or cache, never downloaded.
 * Registered with {@link java.util.ServiceLoader} as a {@link ModelProvider}.
 */
public final class VoiceModels implements ModelProvider {
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

    private static final Map<String, ModelSpec> VOICES = new LinkedHashMap<>();

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

    @Override
    public String id() {
        return "voices";
    }

    @Override
    public Collection<ModelSpec> models() {
        return List.copyOf(VOICES.values());
    }
}
