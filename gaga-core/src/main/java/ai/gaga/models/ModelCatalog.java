package ai.gaga.models;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The models the installed modules know by id: what every {@link ModelProvider} on the class path lists (gaga-video's
 * face models, gaga-audio's voices), read once.
 */
@ai.gaga.Internal
public final class ModelCatalog {
    private static volatile Map<String, ModelSpec> specs;

    private ModelCatalog() {
    }

    private static Map<String, ModelSpec> specs() {
        Map<String, ModelSpec> s = specs;
        if (s == null) {
            Map<String, ModelSpec> found = new LinkedHashMap<>();
            List<ModelProvider> providers = new ArrayList<>();
            ServiceLoader.load(ModelProvider.class, ModelCatalog.class.getClassLoader()).forEach(providers::add);
            providers.sort(java.util.Comparator.comparing(ModelProvider::id));
            for (ModelProvider p : providers) {
                for (ModelSpec spec : p.models()) {
                    ModelSpec before = found.putIfAbsent(spec.id(), spec);
                    if (before != null && !before.equals(spec)) {
                        throw new IllegalStateException("Model " + spec.id() + " is listed twice, differently (by "
                                + p.id() + ")");
                    }
                }
            }
            s = java.util.Collections.unmodifiableMap(found);
            specs = s;
        }
        return s;
    }

    /** The spec of a model id, if an installed module lists it. */
    public static Optional<ModelSpec> find(String id) {
        return Optional.ofNullable(specs().get(id));
    }

    /** Every model the installed modules list, by provider id then in each provider's order. */
    public static Collection<ModelSpec> all() {
        return List.copyOf(specs().values());
    }
}
