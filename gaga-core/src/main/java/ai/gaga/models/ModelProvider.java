package ai.gaga.models;

import ai.gaga.spi.Plugin;

import java.util.Collection;

/**
 * A plug-in module's models (as DJL's model zoos): each module that needs models lists their specs (id, file, size,
 * SHA-256, upstream) in a provider registered in {@code META-INF/services/ai.gaga.models.ModelProvider}, and the
 * {@link ModelStore} resolves them by id. gaga-core lists none.
 */
public interface ModelProvider extends Plugin {
    /** The models this module may resolve, each with a unique id. */
    Collection<ModelSpec> models();
}
