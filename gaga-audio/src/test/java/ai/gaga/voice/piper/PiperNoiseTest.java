package ai.gaga.voice.piper;

import ai.gaga.models.ModelStore;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.scene.Voice;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A Piper graph that samples noise for its durations and audio, as VITS does, speaks the same line the same way. */
class PiperNoiseTest {
    private static final String TEXT = "Hello world, this is a test.";

    private static final String W_CEIL = "/dp/Ceil_output_0";

    @TempDir
    Path dir;

    private static Utterance speak(PiperEngine engine, String text) {
        return engine.synthesize(SpeechRequest.of(text, Voice.of("en-US", "piper", "noisy")));
    }

    @Test
    void theSameRequestGivesTheSameAudioAndTimingsInOneSessionAndAcrossSessions() throws IOException {
        ModelStore.Builder store = ModelStore.builder().modelDir(null).cacheDir(dir.resolve("cache")).offline(true);
        TinyPiper.install(store, dir, "noisy", TinyPiper.model(new float[] {0.5f}, true, true),
                TinyPiper.config(1f, 1, Map.of()));
        ModelStore models = store.build();
        try (OnnxSessions sessions = new OnnxSessions(ExecutionDevice.CPU, 1);
             OnnxSessions other = new OnnxSessions(ExecutionDevice.CPU, 1);
             PiperEngine engine = new PiperEngine(models, sessions);
             PiperEngine second = new PiperEngine(models, other)) {
            Utterance first = speak(engine, TEXT);
            Utterance again = speak(engine, TEXT);
            Utterance elsewhere = speak(second, TEXT);
            for (Utterance u : new Utterance[] {again, elsewhere}) {
                assertArrayEquals(first.audio().samples(), u.audio().samples());
                assertEquals(first.phones(), u.phones());
            }
            Utterance different = speak(engine, "Goodbye moon, that was a test.");
            assertFalse(Arrays.equals(first.audio().samples(), different.audio().samples()));
            assertFalse(first.phones().equals(different.phones()));
        }
    }

    @Test
    void withoutTheRewriteTheSameGraphGivesDifferentAudioAndDurationsOnEveryRun() throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] ids = new long[40];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 14 + i % 30; // letters: audible tones
        }
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
             OrtSession s = env.createSession(ai.gaga.voice.onnx.OnnxProto.withOutputs(
                     TinyPiper.model(new float[] {0.5f}, true, true), java.util.List.of(W_CEIL)), o);
             OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length});
             OnnxTensor lengths = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {ids.length}),
                     new long[] {1});
             OnnxTensor scales = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {0.667f, 1f, 0.8f}),
                     new long[] {3})) {
            Map<String, OnnxTensor> feeds = Map.of("input", input, "input_lengths", lengths, "scales", scales);
            float[] a;
            float[] b;
            float[] wa;
            float[] wb;
            try (OrtSession.Result r = s.run(feeds)) {
                a = ((float[][][]) r.get("output").orElseThrow().getValue())[0][0];
                wa = ((float[][]) r.get(W_CEIL).orElseThrow().getValue())[0];
            }
            try (OrtSession.Result r = s.run(feeds)) {
                b = ((float[][][]) r.get("output").orElseThrow().getValue())[0][0];
                wb = ((float[][]) r.get(W_CEIL).orElseThrow().getValue())[0];
            }
            assertFalse(Arrays.equals(a, b), "the unpatched graph samples anew on each run");
            // 40 ids each get 2 * 0.8 * |N(0,1)| extra frames before the Ceil: the durations differ.
            assertFalse(Arrays.equals(wa, wb), "durations too: " + Arrays.toString(wa) + " vs " + Arrays.toString(wb));
        }
    }
}
