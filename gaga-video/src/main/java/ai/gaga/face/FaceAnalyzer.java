package ai.gaga.face;

import ai.gaga.GagaException;
import ai.gaga.spi.ServiceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Analyses a photo's face once: detector, mesh, iris/eyelid refinement, blendshapes (resting expression), person
 * mask, the canonical mesh fitted to the mesh (head pose), occlusion of eyes and mouth, and warnings. Models load
 * on first use through the context's model store and shared sessions. Thread-safe.
 */
public final class FaceAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(FaceAnalyzer.class);

    /** Minimum distance between the eye centres, pixels, after upscaling by at most {@link #MAX_UPSCALE}. */
    public static final double MIN_EYE_DISTANCE = 64;
    /** The renderer may upscale a photo up to this factor before a face counts as too small. */
    public static final double MAX_UPSCALE = 2;
    /** Yaw beyond which a face counts as a strong profile, degrees. */
    public static final double MAX_YAW = 45;
    /** Face-oval points closer to the border than this fraction of the inter-ocular distance count as cut off. */
    private static final double BORDER_MARGIN = 0.1;

    private final FaceDetector detector;
    private final Lazy<Models> models;

    private record Models(FaceMeshModel mesh, IrisModel iris, BlendshapeModel blend, PersonSegmenter segmenter,
                          CanonicalFaceMesh canonical) {
    }

    /** An analyzer over the context's models. */
    public FaceAnalyzer(ServiceContext context) {
        Objects.requireNonNull(context, "context");
        this.detector = new FaceDetector(context);
        this.models = new Lazy<>(() -> new Models(FaceMeshModel.create(context), IrisModel.create(context),
                BlendshapeModel.create(context), PersonSegmenter.create(context),
                CanonicalFaceMesh.load(context.models())));
    }

    /**
     * Analyses the largest face.
     *
     * @throws GagaException when the photo has no face
     */
    public FaceAnalysis analyze(BufferedImage photo) {
        Cancellation.check();
        List<FaceBox> faces = detector.detect(photo);
        if (faces.isEmpty()) {
            throw new GagaException("No face found in the photo: use a photo where one face is clearly visible");
        }
        return analyze(photo, faces.get(0));
    }

    /** Analyses the face in a given box (e.g. one the user picked from {@link FaceDetector#detect}). */
    public FaceAnalysis analyze(BufferedImage photo, FaceBox box) {
        Cancellation.check();
        Models m = models.get();
        long t0 = System.nanoTime();
        FaceMesh raw = m.mesh.run(photo, box);
        Cancellation.check();
        long t1 = System.nanoTime();
        Landmarks478 landmarks = m.iris.refine(photo, raw);
        Cancellation.check();
        long t2 = System.nanoTime();
        Blendshapes expression = m.blend.run(landmarks);
        Cancellation.check();
        long t3 = System.nanoTime();
        PersonMask mask = m.segmenter.segment(photo);
        Cancellation.check();
        long t4 = System.nanoTime();
        LOG.info("Face analysis {}x{}: mesh {} ms, iris {} ms, blendshapes {} ms, mask {} ms", photo.getWidth(),
                photo.getHeight(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3));
        FaceMesh mesh = landmarks.mesh(raw.presence());
        // The raw mesh: its eyelids keep the model's own depth (the iris model's refined lids are 2-D).
        CanonicalFit fit = CanonicalFit.fit(m.canonical, raw);
        Cancellation.check();
        Occlusion occlusion = Occlusion.measure(photo, mesh);
        LOG.debug("Face fit {}, {}", fit, occlusion);
        Set<FaceWarning> warnings = warnings(mesh, fit.pose(), occlusion, photo.getWidth(), photo.getHeight());
        // What the neutral rest will relax (these apply to actors acting from Rest.NEUTRAL only).
        warnings.addAll(PhotoExpression.of(mesh, expression, occlusion.mouthOccluded()).warnings());
        if (!occlusion.eyesHidden()) { // behind sunglasses the blink weights mean nothing: no eye is opened
            ClosedEyes eyes = ClosedEyes.of(mesh, expression);
            warnings.addAll(eyes.warnings());
            // A wink mirrored from the other eye across a turned head: the head pose says so even where the closed
            // eye's corners (which the shut lids move) leave the eyes' widths alike.
            if (eyes.rightClosed() != eyes.leftClosed() && Math.abs(fit.pose().yaw()) > ClosedEyes.MIRROR_YAW) {
                warnings.add(FaceWarning.EYE_OPENED_POORLY);
            }
        }
        if (!warnings.isEmpty()) {
            LOG.debug("Face warnings: {} ({})", warnings, occlusion);
        }
        return new FaceAnalysis(photo.getWidth(), photo.getHeight(), box, mesh, landmarks, expression, fit, mask,
                warnings);
    }

    /** The warnings for a mesh, its pose and occlusion measures in a photo of the given size. */
    static Set<FaceWarning> warnings(FaceMesh mesh, HeadPose pose, Occlusion occlusion, int width, int height) {
        Set<FaceWarning> w = EnumSet.noneOf(FaceWarning.class);
        double iod = mesh.interOcularDistance();
        if (iod * MAX_UPSCALE < MIN_EYE_DISTANCE) {
            w.add(FaceWarning.TOO_SMALL);
        }
        double margin = BORDER_MARGIN * iod;
        for (FaceMesh.Landmark p : mesh.region(FaceMesh.FACE_OVAL)) {
            if (p.x() < margin || p.y() < margin || p.x() > width - margin || p.y() > height - margin) {
                w.add(FaceWarning.NEAR_BORDER);
                break;
            }
        }
        if (Math.abs(pose.yaw()) > MAX_YAW) {
            w.add(FaceWarning.STRONG_PROFILE);
        }
        if (occlusion.eyesHidden()) {
            w.add(FaceWarning.EYES_HIDDEN);
        }
        if (occlusion.mouthOccluded()) {
            w.add(FaceWarning.MOUTH_OCCLUDED);
        }
        return w;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
