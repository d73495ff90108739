package ai.gaga.face;

import ai.gaga.GagaException;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.spi.ServiceContext;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * MediaPipe FaceMesh (468 points): {@link FaceModels#FACE_MESH}. Owns the tensor layout: the detector's box,
 * enlarged {@link #CROP_SCALE}x and rotated so the eyes are level, is resampled (bilinear) into a 192x192 RGB [0,1]
 * NCHW crop, and the model's crop-pixel points are mapped back through the same rotation to photo pixels.
 *
 * <p>Thread-safe (each run uses its own buffers; the shared ORT session's {@code run} is thread-safe). The session
 * belongs to {@link OnnxSessions} and is not closed here.
 */
public final class FaceMeshModel {
    /** Side of the model's square input, pixels. */
    public static final int SIZE = 192;
    /** Crop side as a multiple of the detector box (MediaPipe's ROI scale). */
    public static final double CROP_SCALE = 1.5;

    private static final String INPUT = "input_1";
    private static final String POINTS = "conv2d_20";
    private static final String PRESENCE = "conv2d_30";

    private final OrtSession session;

    /** A model over an open session (not closed by this object). */
    public FaceMeshModel(OrtSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The model resolved and its session shared through the context. */
    public static FaceMeshModel create(ServiceContext context) {
        return new FaceMeshModel(context.onnx().session(context.models().resolve(FaceModels.FACE_MESH)));
    }

    /** The mesh of the face in {@code box} (from a detector run on the same image). */
    public FaceMesh run(BufferedImage image, FaceBox box) {
        RotatedCrop crop = RotatedCrop.around(box, CROP_SCALE, SIZE);
        FloatBuffer input = ByteBuffer.allocateDirect(3 * SIZE * SIZE * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        crop.sampleNchw(Images.packedBgr(image), input, false);
        float[] raw = new float[FaceMesh.SIZE * 3];
        float logit;
        try (OnnxTensor t = OnnxTensor.createTensor(OnnxSessions.environment(), input, new long[] {1, 3, SIZE, SIZE});
             OrtSession.Result r = session.run(Map.of(INPUT, t))) {
            ((OnnxTensor) r.get(POINTS).orElseThrow()).getFloatBuffer().get(raw);
            logit = ((OnnxTensor) r.get(PRESENCE).orElseThrow()).getFloatBuffer().get(0);
        } catch (OrtException e) {
            throw new GagaException("Face mesh failed: " + e.getMessage(), e);
        }
        List<FaceMesh.Landmark> pts = new ArrayList<>(FaceMesh.SIZE);
        double zScale = crop.side() / SIZE;
        for (int i = 0; i < FaceMesh.SIZE; i++) {
            FaceBox.Point p = crop.toImage(raw[3 * i], raw[3 * i + 1]);
            pts.add(new FaceMesh.Landmark(p.x(), p.y(), raw[3 * i + 2] * zScale));
        }
        return new FaceMesh(pts, 1.0 / (1.0 + Math.exp(-logit)));
    }
}
