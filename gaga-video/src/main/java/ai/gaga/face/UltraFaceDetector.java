package ai.gaga.face;

import ai.gaga.GagaException;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.spi.ServiceContext;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ultra-Light-Fast face detector (RFB, 320x240): {@link FaceModels#ULTRAFACE}. Finds smaller faces than BlazeFace
 * (half- and full-body photos) but gives no landmarks, so its {@link FaceBox}es carry estimated keypoints.
 *
 * <p>The photo is stretched to 320x240 (the model was trained that way), fed as RGB {@code (v - 127) / 128} NCHW; the
 * outputs are already softmaxed scores {@code [bg, face]} and decoded corner boxes in [0,1], which only need a
 * threshold and hard NMS. Thread-safe (detections are serialised because the input buffer is reused); the session is
 * owned by {@link OnnxSessions}.
 */
public final class UltraFaceDetector {
    private static final Logger LOG = LoggerFactory.getLogger(UltraFaceDetector.class);

    /** Model input width. */
    public static final int WIDTH = 320;
    /** Model input height. */
    public static final int HEIGHT = 240;
    /** Minimum face probability. */
    public static final double DEFAULT_SCORE_THRESHOLD = 0.7;
    /** IoU above which the weaker of two boxes is dropped. */
    public static final double NMS_IOU = 0.3;

    private static final String INPUT = "input";
    private static final String SCORES = "scores";
    private static final String BOXES = "boxes";

    private final OrtSession session;
    private final double scoreThreshold;
    private final String inputName;
    private final FloatBuffer input = ByteBuffer.allocateDirect(3 * WIDTH * HEIGHT * Float.BYTES)
            .order(ByteOrder.nativeOrder()).asFloatBuffer();

    /**
     * A detector over an open session of the UltraFace model.
     *
     * @param session        the session (not closed by this detector)
     * @param scoreThreshold minimum face probability, 0..1
     */
    public UltraFaceDetector(OrtSession session, double scoreThreshold) {
        this.session = Objects.requireNonNull(session, "session");
        this.scoreThreshold = scoreThreshold;
        this.inputName = session.getInputNames().contains(INPUT) ? INPUT : session.getInputNames().iterator().next();
    }

    /** A detector with the default threshold, its model resolved and its session shared through the context. */
    public static UltraFaceDetector create(ServiceContext context) {
        return new UltraFaceDetector(context.onnx().session(context.models().resolve(FaceModels.ULTRAFACE)),
                DEFAULT_SCORE_THRESHOLD);
    }

    /** Faces in the image, in its pixel coordinates, best score first. */
    public synchronized List<FaceBox> detect(BufferedImage image) {
        BufferedImage bgr = Images.toBgr(image);
        int w = bgr.getWidth();
        int h = bgr.getHeight();
        byte[] px = Images.bgr(Images.resize(bgr, WIDTH, HEIGHT));
        int plane = WIDTH * HEIGHT;
        input.clear();
        for (int i = 0; i < plane; i++) {
            int o = i * 3;
            input.put(i, ((px[o + 2] & 0xff) - 127f) / 128f);
            input.put(plane + i, ((px[o + 1] & 0xff) - 127f) / 128f);
            input.put(2 * plane + i, ((px[o] & 0xff) - 127f) / 128f);
        }
        input.rewind();

        float[] scores;
        float[] boxes;
        try (OnnxTensor tensor = OnnxTensor.createTensor(OnnxSessions.environment(), input,
                new long[] {1, 3, HEIGHT, WIDTH});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            scores = floats(result, SCORES);
            boxes = floats(result, BOXES);
        } catch (OrtException e) {
            throw new GagaException("UltraFace face detection failed: " + e.getMessage(), e);
        }
        int n = scores.length / 2;
        if (boxes.length != n * 4) {
            throw new GagaException("UltraFace outputs disagree: " + n + " scores, " + boxes.length / 4 + " boxes");
        }
        List<FaceBox> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double score = scores[2 * i + 1];
            if (score < scoreThreshold) {
                continue;
            }
            // Clamp to the image: boxes of faces cut by the border reach past [0,1].
            double x1 = clamp(boxes[4 * i]) * w;
            double y1 = clamp(boxes[4 * i + 1]) * h;
            double x2 = clamp(boxes[4 * i + 2]) * w;
            double y2 = clamp(boxes[4 * i + 3]) * h;
            if (x2 - x1 < 1 || y2 - y1 < 1) {
                continue;
            }
            candidates.add(FaceBox.withEstimatedKeypoints(x1, y1, x2 - x1, y2 - y1, score, "ultraface"));
        }
        List<FaceBox> out = WeightedNms.hard(candidates, NMS_IOU);
        if (LOG.isDebugEnabled()) {
            LOG.debug("UltraFace on {}x{}: {} candidate(s), {} face(s) {}", w, h, candidates.size(), out.size(), out);
        }
        return out;
    }

    private static double clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }

    private static float[] floats(OrtSession.Result result, String name) throws OrtException {
        OnnxValue v = result.get(name).orElseThrow(() -> new OrtException("UltraFace output " + name + " missing"));
        FloatBuffer fb = ((OnnxTensor) v).getFloatBuffer();
        float[] a = new float[fb.remaining()];
        fb.get(a);
        return a;
    }
}
