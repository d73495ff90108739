package ai.gaga.face;

import ai.gaga.GagaException;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.spi.ServiceContext;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Objects;

/**
 * MediaPipe's 52-blendshape regressor: {@link FaceModels#BLENDSHAPES}. Input: pixel x,y of MediaPipe's fixed
 * 146-point subset of the 478 refined landmarks; output: {@link Blendshapes}. Thread-safe; the session belongs to
 * {@link OnnxSessions}.
 */
public final class BlendshapeModel {
    /** MediaPipe's {@code kLandmarksSubsetIdxs}, in the model's input order. */
    static final int[] SUBSET = {0, 1, 4, 5, 6, 7, 8, 10, 13, 14, 17, 21, 33, 37, 39, 40, 46, 52, 53, 54, 55, 58, 61,
            63, 65, 66, 67, 70, 78, 80, 81, 82, 84, 87, 88, 91, 93, 95, 103, 105, 107, 109, 127, 132, 133, 136, 144, 145,
            146, 148, 149, 150, 152, 153, 154, 155, 157, 158, 159, 160, 161, 162, 163, 168, 172, 173, 176, 178, 181, 185,
            191, 195, 197, 234, 246, 249, 251, 263, 267, 269, 270, 276, 282, 283, 284, 285, 288, 291, 293, 295, 296, 297,
            300, 308, 310, 311, 312, 314, 317, 318, 321, 323, 324, 332, 334, 336, 338, 356, 361, 362, 365, 373, 374, 375,
            377, 378, 379, 380, 381, 382, 384, 385, 386, 387, 388, 389, 390, 397, 398, 400, 402, 405, 409, 415, 454, 466,
            468, 469, 470, 471, 472, 473, 474, 475, 476, 477};

    private static final String INPUT = "serving_default_input_points:0";
    private static final String OUTPUT = "StatefulPartitionedCall:0";

    private final OrtSession session;

    /** A model over an open session (not closed by this object). */
    public BlendshapeModel(OrtSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The model resolved and its session shared through the context. */
    public static BlendshapeModel create(ServiceContext context) {
        return new BlendshapeModel(context.onnx().session(context.models().resolve(FaceModels.BLENDSHAPES)));
    }

    /** Blendshape weights of the face described by the refined landmarks. */
    public Blendshapes run(Landmarks478 landmarks) {
        FloatBuffer in = ByteBuffer.allocateDirect(SUBSET.length * 2 * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        for (int i : SUBSET) {
            in.put((float) landmarks.get(i).x()).put((float) landmarks.get(i).y());
        }
        in.rewind();
        float[] out = new float[Blendshapes.COUNT];
        try (OnnxTensor t = OnnxTensor.createTensor(OnnxSessions.environment(), in,
                new long[] {1, SUBSET.length, 2});
             OrtSession.Result r = session.run(Map.of(INPUT, t))) {
            ((OnnxTensor) r.get(OUTPUT).orElseThrow()).getFloatBuffer().get(out);
        } catch (OrtException e) {
            throw new GagaException("Blendshape regression failed: " + e.getMessage(), e);
        }
        return new Blendshapes(out);
    }
}
