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
}
