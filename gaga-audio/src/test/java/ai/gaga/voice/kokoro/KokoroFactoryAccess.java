package ai.gaga.voice.kokoro;

import ai.gaga.models.ModelStore;

import java.util.Set;

/** Lets tests in other packages ask the factory about a given store. */
public final class KokoroFactoryAccess {
    private KokoroFactoryAccess() {
    }

    public static Set<String> languages(ModelStore store) {
        return KokoroEngineFactory.languages(store);
    }
}
