package ai.gaga.voice.kokoro;

import ai.gaga.models.ModelStore;
import ai.gaga.spi.ServiceContext;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechEngineFactory;
import ai.gaga.voice.espeak.EspeakPhonemizer;

import java.util.Set;
import java.util.TreeSet;

/**
 * Registers {@link KokoroEngine} with {@link java.util.ServiceLoader}. Available when the Kokoro model is installed
 * (model directory or cache: it has no pinned hash, so it is never downloaded) and espeak-ng is there; it then speaks
 * the languages whose default voice is installed or, when downloads are allowed, can be fetched (the voice tables are
 * pinned). Otherwise silently unavailable. Priority 30: above Piper (20), MaryTTS (10) and espeak (5).
 */
public final class KokoroEngineFactory implements SpeechEngineFactory {
    private static volatile Set<String> installed;

    @Override
    public String id() {
        return KokoroEngine.ID;
    }

    /** Looked up once per JVM in the standard model store. */
    @Override
    public Set<String> languages() {
        Set<String> langs = installed;
        if (langs == null) {
            langs = languages(ModelStore.standard());
            installed = langs;
        }
        return langs;
    }

    static Set<String> languages(ModelStore store) {
        ModelStore local = ModelStore.builder().modelDir(store.modelDir().orElse(null)).cacheDir(store.cacheDir())
                .offline(true).build();
        if (!local.has(ai.gaga.voice.onnx.VoiceModels.KOKORO_MODEL)) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (var e : KokoroEngine.DEFAULT_VOICES.entrySet()) {
            if (!store.offline() || local.has(ai.gaga.voice.onnx.VoiceModels.KOKORO_VOICE_PREFIX + e.getValue())) {
                out.add(e.getKey());
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public int priority() {
        return 30;
    }

    @Override
    public boolean isAvailable() {
        return EspeakPhonemizer.available() && !languages().isEmpty();
    }

    /** Cheap: the model loads on the first line. */
    @Override
    public SpeechEngine create(ServiceContext context) {
        return new KokoroEngine(context.models(), context.onnx());
    }
}
