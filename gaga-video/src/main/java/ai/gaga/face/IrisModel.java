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
 * MediaPipe iris landmarks: {@link FaceModels#IRIS}. For each eye a 64x64 crop around the eye corners (rotated so
 * the corners are level, {@link #CROP_SCALE}x their distance) gives 71 eye-contour/brow points and 5 iris points. The
 * model knows only the subject's right eye (image left), so the left eye's crop is mirrored and its results mirrored back.
 *
 * <p>{@link #refine} turns a {@link FaceMesh} into the 478-point {@link Landmarks478}: the v1 mesh does not close its
 * eyelids, so its 16 eye points per eye are replaced by the first 16 contour points (MediaPipe's refinement), and
 * the iris points are appended (subject's right eye first, as in MediaPipe).
 *
 * <p>Thread-safe; the session belongs to {@link OnnxSessions}.
 */
public final class IrisModel {
    /** Side of the model's square input, pixels. */
    public static final int SIZE = 64;
    /** Crop side as a multiple of the eye-corner distance (MediaPipe's iris ROI scale). */
    public static final double CROP_SCALE = 2.3;

    /** Mesh points of the subject's right eye replaced by contour points 0..15, in that order. */
    static final int[] RIGHT_EYE_REFINED = {33, 7, 163, 144, 145, 153, 154, 155, 133, 246, 161, 160, 159, 158, 157,
            173};
    /** Mesh points of the subject's left eye replaced by contour points 0..15, in that order. */
    static final int[] LEFT_EYE_REFINED = {263, 249, 390, 373, 374, 380, 381, 382, 362, 466, 388, 387, 386, 385, 384,
            398};

    private static final String INPUT = "input_1";
    private static final String CONTOURS = "output_eyes_contours_and_brows";
    private static final String IRIS = "output_iris";

    private final OrtSession session;

    /**
     * One eye's result, photo pixels.
     *
     * @param contour 71 eye-contour and brow points (the first 16 are the eyelids)
     * @param iris    5 iris points: centre, then 4 on the circle
     */
    public record Eye(List<FaceMesh.Landmark> contour, List<FaceMesh.Landmark> iris) {
        public Eye {
            contour = List.copyOf(contour);
            iris = List.copyOf(iris);
        }

        /** Iris centre. */
        public FaceBox.Point center() {
            return iris.get(0).xy();
        }
    }

    /** A model over an open session (not closed by this object). */
    public IrisModel(OrtSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The model resolved and its session shared through the context. */
    public static IrisModel create(ServiceContext context) {
        return new IrisModel(context.onnx().session(context.models().resolve(FaceModels.IRIS)));
    }

    /** Runs both eyes and returns the refined 478-point landmark set. */
    public Landmarks478 refine(BufferedImage image, FaceMesh mesh) {
        BufferedImage bgr = Images.packedBgr(image);
        Eye right = eye(bgr, mesh.get(33), mesh.get(133), false);
        Eye left = eye(bgr, mesh.get(362), mesh.get(263), true);
        List<FaceMesh.Landmark> pts = new ArrayList<>(mesh.points());
        for (int i = 0; i < 16; i++) {
            pts.set(RIGHT_EYE_REFINED[i], right.contour().get(i));
            pts.set(LEFT_EYE_REFINED[i], left.contour().get(i));
        }
        pts.addAll(right.iris());
        pts.addAll(left.iris());
        return new Landmarks478(pts, right, left);
    }

    /**
     * One eye between two corners given image-left first.
     *
     * @param mirror whether to mirror the crop: true for the subject's left eye (image right)
     */
    public Eye eye(BufferedImage bgr, FaceMesh.Landmark imageLeftCorner, FaceMesh.Landmark imageRightCorner,
                   boolean mirror) {
        double dx = imageRightCorner.x() - imageLeftCorner.x();
        double dy = imageRightCorner.y() - imageLeftCorner.y();
        RotatedCrop crop = new RotatedCrop((imageLeftCorner.x() + imageRightCorner.x()) / 2,
                (imageLeftCorner.y() + imageRightCorner.y()) / 2, CROP_SCALE * Math.hypot(dx, dy),
                Math.atan2(dy, dx), SIZE);
        FloatBuffer input = ByteBuffer.allocateDirect(3 * SIZE * SIZE * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        crop.sampleNchw(Images.packedBgr(bgr), input, mirror);
        float[] contour = new float[71 * 3];
        float[] iris = new float[5 * 3];
        try (OnnxTensor t = OnnxTensor.createTensor(OnnxSessions.environment(), input, new long[] {1, 3, SIZE, SIZE});
             OrtSession.Result r = session.run(Map.of(INPUT, t))) {
            ((OnnxTensor) r.get(CONTOURS).orElseThrow()).getFloatBuffer().get(contour);
            ((OnnxTensor) r.get(IRIS).orElseThrow()).getFloatBuffer().get(iris);
        } catch (OrtException e) {
            throw new GagaException("Iris landmarks failed: " + e.getMessage(), e);
        }
        return new Eye(map(contour, crop, mirror), map(iris, crop, mirror));
    }

    private static List<FaceMesh.Landmark> map(float[] xyz, RotatedCrop crop, boolean mirror) {
        double zScale = crop.side() / SIZE;
        List<FaceMesh.Landmark> out = new ArrayList<>(xyz.length / 3);
        for (int i = 0; i < xyz.length; i += 3) {
            double u = mirror ? SIZE - xyz[i] : xyz[i];
            FaceBox.Point p = crop.toImage(u, xyz[i + 1]);
            out.add(new FaceMesh.Landmark(p.x(), p.y(), xyz[i + 2] * zScale));
        }
        return out;
    }
}
