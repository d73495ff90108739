package ai.gaga.voice.piper;

import ai.gaga.models.ModelStore;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.scene.Voice;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.onnx.OnnxModelBuilder;
import ai.gaga.voice.onnx.OnnxProto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the engine adds around the network, measured on the generated voice (a real VITS graph's own run time comes on
 * top): inspecting and rewriting a model of Piper-medium size (63 MB) to expose w_ceil, and the per-line cost of
 * espeak-ng phonemisation, the run of a trivial graph and resampling to 48 kHz. Run with {@code java -cp … main}.
 */
public final class PiperOverheadBenchmark {
    private PiperOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // A model padded to Piper medium's size with one large initializer, so the rewrite copies realistic bytes.
        byte[] big = new OnnxModelBuilder().input("x", OnnxProto.FLOAT, 1, -1)
                .floats("weights", new long[] {63_000_000 / 4}, new float[63_000_000 / 4])
                .op("Ceil", "c", "x").op("Add", "y", "c", "x").output("y", OnnxProto.FLOAT, 1, -1).build();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            OnnxProto.Graph g = OnnxProto.graph(big);
            byte[] patched = OnnxProto.withOutputs(big, List.of(g.outputsOf("Ceil").get(0)));
            System.out.printf("inspect+rewrite %d MB: %.1f ms%n", patched.length >> 20, (System.nanoTime() - t0) / 1e6);
        }
        Path dir = Files.createTempDirectory("piper-bench");
        ModelStore.Builder store = ModelStore.builder().modelDir(null).cacheDir(dir).offline(true);
        TinyPiper.install(store, dir, "tiny", TinyPiper.model(new float[] {0.5f}, true),
                TinyPiper.config(1f, 1, Map.of()));
        try (OnnxSessions sessions = new OnnxSessions(ExecutionDevice.CPU, 1)) {
            PiperEngine engine = new PiperEngine(store.build(), sessions);
            SpeechRequest line = SpeechRequest.of("The quick brown fox jumps over the lazy dog, twice.",
                    Voice.of("en-US", "piper", "tiny"));
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                Utterance u = engine.synthesize(line);
                System.out.printf("line -> %.2f s audio, %d phones: %.1f ms%n", u.durationSeconds(), u.phones().size(),
                        (System.nanoTime() - t0) / 1e6);
            }
        }
    }
}
