package ai.gaga.voice.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxProtoTest {
    /** x → Ceil(x * 2) = hidden → hidden + 1 = y: "hidden" is internal until exposed. */
    private static byte[] model() {
        return new OnnxModelBuilder()
                .input("x", OnnxProto.FLOAT, 1, -1)
                .floats("two", new long[] {}, 2f)
                .floats("one", new long[] {}, 1f)
                .op("Mul", "scaled", "x", "two")
                .op("Ceil", "hidden", "scaled")
                .op("Add", "y", "hidden", "one")
                .output("y", OnnxProto.FLOAT, 1, -1)
                .build();
    }

    @Test
    void readsInputsOutputsNodesAndInitializerShapes() {
        OnnxProto.Graph g = OnnxProto.graph(model());
        assertEquals(List.of("x"), g.inputNames(), "initializers are not inputs");
        assertArrayEquals(new long[] {1, -1}, g.input("x").orElseThrow().dims());
        assertEquals(OnnxProto.FLOAT, g.input("x").orElseThrow().elemType());
        assertEquals(List.of("y"), g.outputs());
        assertEquals(List.of("Mul", "Ceil", "Add"), g.nodes().stream().map(OnnxProto.Node::opType).toList());
        assertEquals(List.of("hidden"), g.outputsOf("Ceil"));
        assertEquals(Map.of("two", 0, "one", 0), Map.of("two", g.initializers().get("two").dims().length,
                "one", g.initializers().get("one").dims().length));
    }

    @Test
    void anInternalTensorAddedAsOutputIsReturnedByOnnxRuntime() throws Exception {
        byte[] patched = OnnxProto.withOutputs(model(), List.of("hidden"));
        assertEquals(List.of("y", "hidden"), OnnxProto.graph(patched).outputs());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(patched, new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {0.2f, 1.3f, 2f}),
                     new long[] {1, 3});
             OrtSession.Result r = s.run(Map.of("x", x))) {
            float[][] hidden = (float[][]) r.get("hidden").orElseThrow().getValue();
            float[][] y = (float[][]) r.get("y").orElseThrow().getValue();
            assertArrayEquals(new float[] {1f, 3f, 4f}, hidden[0]);
            assertArrayEquals(new float[] {2f, 4f, 5f}, y[0]);
        }
    }

    @Test
    void garbageIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxProto.graph(new byte[] {0x3a, 0x7f, 0x01}));
        assertTrue(e.getMessage().contains("corrupt ONNX protobuf"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OnnxProto.graph(new byte[] {0x08, 0x08}));
    }
}
