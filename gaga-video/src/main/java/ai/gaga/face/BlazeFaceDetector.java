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
 * MediaPipe BlazeFace (front camera, short range, 128x128) face detector: {@link FaceModels#BLAZEFACE}.
 *
 * <p>The photo is letterboxed into 128x128 (aspect kept, black padding, as MediaPipe does), fed as RGB in [-1,1]
 * NHWC, and the 896 SSD anchors (16x16 grid x 2 at stride 8, then 8x8 grid x 6 at stride 16) are decoded into boxes
 * and six keypoints, filtered by {@link #DEFAULT_SCORE_THRESHOLD} and merged with MediaPipe's weighted NMS (overlapping
 * detections are averaged by score, which steadies the box compared with keeping only the best one). The model is
 * trained on faces that fill more than about a fifth of the image; smaller faces are {@link UltraFaceDetector}'s job.
 *
 * <p>Thread-safe: detections are serialised on this object because the input buffer is reused (a run takes a few
 * milliseconds). The ONNX session belongs to {@link OnnxSessions} and is not closed here.
 */
public final class BlazeFaceDetector {
    private static final Logger LOG = LoggerFactory.getLogger(BlazeFaceDetector.class);

    /** Side of the model's square input, pixels. */
    public static final int SIZE = 128;
    /** Minimum sigmoid score of a detection. */
    public static final double DEFAULT_SCORE_THRESHOLD = 0.6;
    /** IoU above which detections are merged. */
    public static final double NMS_IOU = 0.3;

    private static final String INPUT = "input:0";
    private static final String SCORES_16 = "Identity:0";
    private static final String SCORES_8 = "Identity_1:0";
    private static final String REGRESSORS_16 = "Identity_2:0";
    private static final String REGRESSORS_8 = "Identity_3:0";
    private static final int ANCHORS_16 = 16 * 16 * 2;
    private static final int ANCHORS_8 = 8 * 8 * 6;
    private static final int ANCHORS = ANCHORS_16 + ANCHORS_8;
    private static final int REG = 16;
    /** Logits beyond this are clamped, as in MediaPipe, so exp() stays finite. */
    private static final float SCORE_CLIP = 100f;

    /** Anchor centres, normalised: {@code [cx0, cy0, cx1, cy1, ...]}, in the model's output order. */
    private static final float[] ANCHOR_CENTERS = anchors();

    private final OrtSession session;
    private final double scoreThreshold;
    private final String inputName;
    private final FloatBuffer input = ByteBuffer.allocateDirect(SIZE * SIZE * 3 * Float.BYTES)
            .order(ByteOrder.nativeOrder()).asFloatBuffer();
    private final BufferedImage letterbox = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);

    /**
     * A detector over an open session of the BlazeFace model.
     *
     * @param session        the session (not closed by this detector)
     * @param scoreThreshold minimum score, 0..1
     */
    public BlazeFaceDetector(OrtSession session, double scoreThreshold) {
        this.session = Objects.requireNonNull(session, "session");
        this.scoreThreshold = scoreThreshold;
        // The pinned model names its input "input:0"; accept a re-export with a different name too.
        this.inputName = session.getInputNames().contains(INPUT) ? INPUT : session.getInputNames().iterator().next();
    }

    /** A detector with the default threshold, its model resolved and its session shared through the context. */
    public static BlazeFaceDetector create(ServiceContext context) {
        return new BlazeFaceDetector(context.onnx().session(context.models().resolve(FaceModels.BLAZEFACE)),
                DEFAULT_SCORE_THRESHOLD);
    }

    /**
     * Faces in the image, in its pixel coordinates, best score first.
     *
     * @param image any image (converted to BGR if needed)
     */
    public synchronized List<FaceBox> detect(BufferedImage image) {
        BufferedImage bgr = Images.toBgr(image);
        int w = bgr.getWidth();
        int h = bgr.getHeight();
        double scale = SIZE / (double) Math.max(w, h);
        int sw = Math.max(1, Math.min(SIZE, (int) Math.round(w * scale)));
        int sh = Math.max(1, Math.min(SIZE, (int) Math.round(h * scale)));
        int padX = (SIZE - sw) / 2;
        int padY = (SIZE - sh) / 2;
        fillInput(Images.resize(bgr, sw, sh), padX, padY);

        float[] scores = new float[ANCHORS];
        float[] regs = new float[ANCHORS * REG];
        try (OnnxTensor tensor = OnnxTensor.createTensor(OnnxSessions.environment(), input,
                new long[] {1, SIZE, SIZE, 3});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            copy(result, SCORES_16, scores, 0, ANCHORS_16);
            copy(result, SCORES_8, scores, ANCHORS_16, ANCHORS_8);
            copy(result, REGRESSORS_16, regs, 0, ANCHORS_16 * REG);
            copy(result, REGRESSORS_8, regs, ANCHORS_16 * REG, ANCHORS_8 * REG);
        } catch (OrtException e) {
            throw new GagaException("BlazeFace face detection failed: " + e.getMessage(), e);
        }

        List<FaceBox> candidates = decode(scores, regs, scoreThreshold);
        List<FaceBox> merged = WeightedNms.weighted(candidates, NMS_IOU);
        // From normalised letterbox coordinates to photo pixels: undo the padding, then the scale.
        double sx = SIZE / (sw / (double) w);
        double sy = SIZE / (sh / (double) h);
        List<FaceBox> out = new ArrayList<>(merged.size());
        for (FaceBox f : merged) {
            out.add(f.map(sx, sy, -padX * w / (double) sw, -padY * h / (double) sh));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("BlazeFace on {}x{}: {} candidate(s), {} face(s) {}", w, h, candidates.size(), out.size(), out);
        }
        return out;
    }

    private void fillInput(BufferedImage scaled, int padX, int padY) {
        byte[] lb = Images.bgr(letterbox);
        java.util.Arrays.fill(lb, (byte) 0);
        byte[] src = Images.bgr(scaled);
        int sw = scaled.getWidth();
        for (int y = 0; y < scaled.getHeight(); y++) {
            System.arraycopy(src, y * sw * 3, lb, ((y + padY) * SIZE + padX) * 3, sw * 3);
        }
        input.clear();
        for (int i = 0; i < SIZE * SIZE; i++) {
            int o = i * 3;
            // BGR bytes to RGB floats in [-1, 1].
            input.put((lb[o + 2] & 0xff) / 127.5f - 1f);
            input.put((lb[o + 1] & 0xff) / 127.5f - 1f);
            input.put((lb[o] & 0xff) / 127.5f - 1f);
        }
        input.rewind();
    }

    private static void copy(OrtSession.Result result, String name, float[] dst, int offset, int count)
            throws OrtException {
        OnnxValue v = result.get(name).orElseThrow(() -> new OrtException("BlazeFace output " + name + " missing"));
        FloatBuffer fb = ((OnnxTensor) v).getFloatBuffer();
        if (fb.remaining() != count) {
            throw new OrtException("BlazeFace output " + name + " has " + fb.remaining() + " values, expected "
                    + count);
        }
        fb.get(dst, offset, count);
    }

    /** Candidates above the threshold in normalised (0..1) letterbox coordinates. Package-private for tests. */
    static List<FaceBox> decode(float[] logits, float[] regs, double threshold) {
        List<FaceBox> out = new ArrayList<>();
        for (int i = 0; i < ANCHORS; i++) {
            float logit = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, logits[i]));
            double score = 1.0 / (1.0 + Math.exp(-logit));
            if (score < threshold) {
                continue;
            }
            float ax = ANCHOR_CENTERS[2 * i];
            float ay = ANCHOR_CENTERS[2 * i + 1];
            int r = i * REG;
            double cx = regs[r] / SIZE + ax;
            double cy = regs[r + 1] / SIZE + ay;
            double bw = regs[r + 2] / SIZE;
            double bh = regs[r + 3] / SIZE;
            if (!(bw > 0 && bh > 0)) {
                continue;
            }
            FaceBox.Point[] k = new FaceBox.Point[6];
            for (int j = 0; j < 6; j++) {
                k[j] = new FaceBox.Point(regs[r + 4 + 2 * j] / SIZE + ax, regs[r + 5 + 2 * j] / SIZE + ay);
            }
            out.add(new FaceBox(cx - bw / 2, cy - bh / 2, bw, bh, score, k[0], k[1], k[2], k[3], k[4], k[5],
                    "blazeface", false));
        }
        return out;
    }

    private static float[] anchors() {
        float[] a = new float[ANCHORS * 2];
        int n = 0;
        n = grid(a, n, 16, 2);
        grid(a, n, 8, 6);
        return a;
    }

    private static int grid(float[] a, int n, int grid, int perCell) {
        for (int y = 0; y < grid; y++) {
            for (int x = 0; x < grid; x++) {
                for (int k = 0; k < perCell; k++) {
                    a[n++] = (x + 0.5f) / grid;
                    a[n++] = (y + 0.5f) / grid;
                }
            }
        }
        return n;
    }
}
