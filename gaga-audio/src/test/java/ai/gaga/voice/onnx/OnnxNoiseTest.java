package ai.gaga.voice.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How ONNX Runtime samples, and the two rewrites: seeds only, and noise as a function of position. */
class OnnxNoiseTest {
    private static final int N = 50_000;
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    /** y = RandomNormalLike(x), z = RandomNormalLike(x) (seeded when {@code seed} is not null), u = uniform [2, 5). */
    private static byte[] model(Float seed) {
        return new OnnxModelBuilder()
                .input("x", OnnxProto.FLOAT, 1, -1)
                .node("RandomNormalLike", new String[] {"x"}, new String[] {"y"},
                        OnnxModelBuilder.floatAttr("mean", 1f), OnnxModelBuilder.floatAttr("scale", 2f))
                .node("RandomNormalLike", new String[] {"x"}, new String[] {"z"},
                        seed == null ? new ProtoWriter[0]
                                : new ProtoWriter[] {OnnxModelBuilder.floatAttr("seed", seed)})
                .node("RandomUniform", new String[0], new String[] {"u"},
                        OnnxModelBuilder.intsAttr("shape", 4, 1000), OnnxModelBuilder.floatAttr("low", 2f),
                        OnnxModelBuilder.floatAttr("high", 5f))
                .output("y", OnnxProto.FLOAT, 1, -1)
                .output("z", OnnxProto.FLOAT, 1, -1)
                .output("u", OnnxProto.FLOAT, 4, 1000)
                .build(15);
    }

    /** Two runs of one session, then one run of a second session: output name → [run][values]. */
    private static float[][] runs(byte[] model, String output) throws OrtException {
        float[][] out = new float[3][];
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
             OrtSession a = ENV.createSession(model, o);
             OrtSession b = ENV.createSession(model, o)) {
            out[0] = run(a, output);
            out[1] = run(a, output);
            out[2] = run(b, output);
        }
        return out;
    }

    private static float[] run(OrtSession s, String output) throws OrtException {
        try (OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(new float[N]), new long[] {1, N});
             OrtSession.Result r = s.run(Map.of("x", x), Set.of(output))) {
            FloatBuffer b = ((OnnxTensor) r.get(output).orElseThrow()).getFloatBuffer();
            float[] v = new float[b.remaining()];
            b.get(v);
            return v;
        }
    }

    @Test
    void unseededNodesDifferEverywhereAndSeedsOnlyFixTheFirstRunOfASession() throws OrtException {
        float[][] raw = runs(model(null), "y");
        // (Measured: unseeded, two sessions of one process happened to draw the same first run; not relied on.)
        assertFalse(Arrays.equals(raw[0], raw[1]), "unseeded: two runs draw different noise");
        float[][] seeded = runs(OnnxProto.withSeeds(model(null)), "y");
        assertArrayEquals(seeded[0], seeded[2], "seeded: a new session's first run repeats");
        // Measured with ONNX Runtime 1.29: each kernel's generator advances from run to run, seed or not.
        assertFalse(Arrays.equals(seeded[0], seeded[1]), "seeded: the second run of a session continues the stream");
    }

    @Test
    void deterministicNoiseIsTheSameOnEveryRunAndSession() throws OrtException {
        byte[] patched = OnnxProto.withDeterministicNoise(model(null));
        for (String out : new String[] {"y", "z", "u"}) {
            float[][] r = runs(patched, out);
            assertArrayEquals(r[0], r[1], out + ": run 2 of a session");
            assertArrayEquals(r[0], r[2], out + ": another session");
        }
        assertFalse(Arrays.equals(runs(patched, "y")[0], runs(patched, "z")[0]), "two nodes, two streams");
    }

    @Test
    void deterministicNoiseHasTheRequestedDistribution() throws OrtException {
        byte[] patched = OnnxProto.withDeterministicNoise(model(null));
        float[] y = runs(patched, "y")[0];
        assertEquals(N, y.length);
        double mean = Arrays.stream(toDoubles(y)).average().orElseThrow();
        double var = Arrays.stream(toDoubles(y)).map(v -> (v - mean) * (v - mean)).sum() / N;
        assertEquals(1.0, mean, 0.03, "mean attribute");
        assertEquals(2.0, Math.sqrt(var), 0.03, "scale attribute");
        double lag = 0;
        for (int i = 1; i < N; i++) {
            lag += (y[i] - mean) * (y[i - 1] - mean);
        }
        assertEquals(0, lag / (N - 1) / var, 0.02, "neighbours are uncorrelated");
        long beyond = Arrays.stream(toDoubles(y)).filter(v -> Math.abs(v - 1) > 2 * 1.96).count();
        assertEquals(0.05, beyond / (double) N, 0.005, "normal tails");
        float[] u = runs(patched, "u")[0];
        assertEquals(4000, u.length);
        double umean = 0;
        for (float v : u) {
            assertTrue(v >= 2f && v < 5f, "uniform in [2, 5): " + v);
            umean += v / u.length;
        }
        assertEquals(3.5, umean, 0.05);
    }

    @Test
    void anExplicitSeedIsKeptAndPicksTheStream() throws OrtException {
        // z without a seed is the second sampler, so it gets derivedSeed(1); giving it that seed changes nothing.
        float[] derived = runs(OnnxProto.withDeterministicNoise(model(null)), "z")[0];
        float[] same = runs(OnnxProto.withDeterministicNoise(model(OnnxProto.derivedSeed(1))), "z")[0];
        float[] other = runs(OnnxProto.withDeterministicNoise(model(7f)), "z")[0];
        assertArrayEquals(derived, same);
        assertFalse(Arrays.equals(derived, other), "seed 7 draws another stream");
        // withSeeds keeps it too: the seeded first run equals ORT's own run of the graph seeded 7.
        assertArrayEquals(runs(model(7f), "z")[0], runs(OnnxProto.withSeeds(model(7f)), "z")[0]);
    }

    @Test
    void onnxRuntimeRunsEveryNodeEvenForOneRequestedOutput() throws OrtException {
        // "bad" reshapes N values to 7 columns, which fails whenever that node runs. Measured with ONNX Runtime 1.29:
        // asking only for "good" still runs it, so a Piper run for w_ceil alone would still pay for the decoder.
        byte[] model = new OnnxModelBuilder()
                .input("x", OnnxProto.FLOAT, 1, -1)
                .longs("seven", new long[] {2}, -1, 7)
                .op("Abs", "good", "x")
                .op("Reshape", "bad", "x", "seven")
                .output("good", OnnxProto.FLOAT, 1, -1)
                .output("bad", OnnxProto.FLOAT, -1, 7)
                .build(15);
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
             OrtSession s = ENV.createSession(model, o)) {
            OrtException e = assertThrows(OrtException.class, () -> run(s, "good"));
            assertTrue(e.getMessage().contains("Reshape"), e.getMessage());
        }
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
