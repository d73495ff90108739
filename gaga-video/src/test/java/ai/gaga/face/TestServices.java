package ai.gaga.face;

import ai.gaga.GagaSettings;
import ai.gaga.models.ModelStore;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.spi.ServiceContext;
import ai.gaga.testing.Fixtures;

/**
 * A {@link ServiceContext} for tests: the offline fixture model store, CPU sessions with 2 threads, default settings.
 * Close it to release the sessions.
 */
public final class TestServices implements ServiceContext, AutoCloseable {
    private final ModelStore models = Fixtures.modelStore();
    private final OnnxSessions onnx = new OnnxSessions(ExecutionDevice.CPU, 2);

    @Override
    public ModelStore models() {
        return models;
    }

    @Override
    public OnnxSessions onnx() {
        return onnx;
    }

    @Override
    public GagaSettings settings() {
        return GagaSettings.defaults();
    }

    @Override
    public void close() {
        onnx.close();
    }
}
