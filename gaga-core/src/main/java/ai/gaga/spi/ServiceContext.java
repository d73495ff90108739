package ai.gaga.spi;

import ai.gaga.GagaSettings;
import ai.gaga.models.ModelStore;
import ai.gaga.onnx.OnnxSessions;

/**
 * What a {@link ai.gaga.Gaga} engine hands to the services it creates: where models are, the shared ONNX Runtime
 * sessions, and the engine's settings. Owned by the engine; services must not close it.
 */
public interface ServiceContext {
    ModelStore models();

    OnnxSessions onnx();

    GagaSettings settings();

    /** A context over given parts, for using plug-ins outside an engine (tests, tools, benchmarks). */
    static ServiceContext of(ModelStore models, OnnxSessions onnx, GagaSettings settings) {
        java.util.Objects.requireNonNull(models, "models");
        java.util.Objects.requireNonNull(onnx, "onnx");
        java.util.Objects.requireNonNull(settings, "settings");
        record Parts(ModelStore models, OnnxSessions onnx, GagaSettings settings) implements ServiceContext {
        }
        return new Parts(models, onnx, settings);
    }
}
