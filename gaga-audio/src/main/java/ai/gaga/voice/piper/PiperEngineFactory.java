package ai.gaga.voice.piper;

import ai.gaga.models.ModelStore;
import ai.gaga.spi.ServiceContext;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechEngineFactory;
import ai.gaga.voice.espeak.EspeakPhonemizer;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers {@link PiperEngine} with {@link java.util.ServiceLoader}. It speaks the languages whose default Piper voice
 * is installed (model directory or cache; voices are never downloaded without a pinned hash) and needs espeak-ng for
 * phonemes; otherwise it is silently unavailable. Priority 20: above MaryTTS (10) and espeak (5), below Kokoro.
 */
public final class PiperEngineFactory implements SpeechEngineFactory {
    private static volatile Set<String> installed;

    @Override
    public String id() {
        return PiperEngine.ID;
    }

    /** Languages with an installed default voice, looked up once per JVM in the standard model store. */
    @Override
    public Set<String> languages() {
        Set<String> langs = installed;
        if (langs == null) {
            langs = installedLanguages(ModelStore.builder().offline(true).build());
            installed = langs;
        }
        return langs;
    }

    static Set<String> installedLanguages(ModelStore store) {
        Set<String> out = new TreeSet<>();
        for (var e : PiperEngine.DEFAULT_VOICES.entrySet()) {
            if (store.has(ai.gaga.voice.onnx.VoiceModels.PIPER_PREFIX + e.getValue())
                    && store.has(ai.gaga.voice.onnx.VoiceModels.PIPER_PREFIX + e.getValue() + ".json")) {
                out.add(e.getKey().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public boolean isAvailable() {
        return EspeakPhonemizer.available() && !languages().isEmpty();
    }

    /** Cheap: voices load on first use. */
    @Override
    public SpeechEngine create(ServiceContext context) {
        return new PiperEngine(context.models(), context.onnx());
    }
}
