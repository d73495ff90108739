package ai.gaga.face;

import ai.gaga.spi.ServiceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the faces in a photo: {@link BlazeFaceDetector} first (precise box and real keypoints on portraits), and
 * {@link UltraFaceDetector} only when BlazeFace finds nothing (faces too small for BlazeFace's short range, e.g.
 * half- or full-body shots). The largest faces are then re-detected by BlazeFace on a crop around each, which makes
 * boxes precise and keypoints real whatever the face's size in the image. Each one found is kept only where the face
 * mesh model sees a face in it ({@link #MIN_PRESENCE}): the detectors alone now and then take an elbow or a bush for a
 * face. Each model is loaded on first use.
 * Deterministic and thread-safe.
 */
public final class FaceDetector {
    private static final Logger LOG = LoggerFactory.getLogger(FaceDetector.class);

    /** Largest face first; ties broken by score then position so the order is deterministic. */
    private static final Comparator<FaceBox> LARGEST_FIRST = Comparator.comparingDouble(FaceBox::area).reversed()
            .thenComparing(Comparator.comparingDouble(FaceBox::score).reversed())
            .thenComparingDouble(FaceBox::x).thenComparingDouble(FaceBox::y);

    /** How many of the largest faces get the refinement pass (each costs one more BlazeFace run). */
    private static final int REFINED_FACES = 4;
    /** Crop side as a multiple of the face box: the face then fills about half of BlazeFace's input. */
    private static final double REFINE_CROP = 2.0;
    private static final int MIN_REFINE_CROP = 32;
    /** A refined box must overlap the first estimate at least this much to replace it. */
    private static final double REFINE_MIN_IOU = 0.3;

    /** A detection the face mesh model sees no face in (its presence under this) is dropped. */
    static final double MIN_PRESENCE = 0.5;

    private final Lazy<FaceMeshModel> mesh;
    private final Lazy<BlazeFaceDetector> blaze;
    private final Lazy<UltraFaceDetector> ultra;

    /** A detector whose models come from the context's model store and shared ONNX sessions. */
    public FaceDetector(ServiceContext context) {
        Objects.requireNonNull(context, "context");
        this.mesh = new Lazy<>(() -> FaceMeshModel.create(context));
        this.blaze = new Lazy<>(() -> BlazeFaceDetector.create(context));
        this.ultra = new Lazy<>(() -> UltraFaceDetector.create(context));
    }

    /** All faces found, largest first (empty when there is none). */
    public List<FaceBox> detect(BufferedImage image) {
        List<FaceBox> sorted = candidates(image);
        sorted.sort(LARGEST_FIRST);
        for (int i = 0; i < Math.min(REFINED_FACES, sorted.size()); i++) {
            sorted.set(i, refine(image, sorted.get(i)));
        }
        sorted.sort(LARGEST_FIRST);
        // A face detector alone takes a bent elbow or a bush for a face now and then (seen on crops of the selfie:
        // the elbow at detector score 0.997); the face mesh model's presence output tells them apart (every face of
        // the fixture photos reads 0.96-1.00, those 0.000).
        List<FaceBox> verified = new ArrayList<>(sorted.size());
        for (FaceBox f : sorted) {
            Cancellation.check();
            double presence = mesh.get().run(image, f).presence();
            if (presence >= MIN_PRESENCE) {
                verified.add(f);
            } else {
                LOG.debug("Not a face (face mesh presence {}): {}", String.format(java.util.Locale.ROOT, "%.3f",
                        presence), f);
            }
        }
        return List.copyOf(verified);
    }

    /**
     * A photo stood upright and its faces.
     *
     * @param image  the photo, turned {@code turned} quarter turns clockwise (the photo itself when 0)
     * @param faces  every face found in {@code image}, largest first
     * @param turned quarter turns clockwise, 0 to 3
     */
    public record Upright(BufferedImage image, List<FaceBox> faces, int turned) {
        public Upright {
            faces = List.copyOf(faces);
        }

        /** How a photo was turned, in words: "a quarter turn clockwise", ... (for 1 to 3 quarter turns). */
        public static String turnWords(int quarters) {
            return switch (Math.floorMod(quarters, 4)) {
                case 1 -> "a quarter turn clockwise";
                case 3 -> "a quarter turn counter-clockwise";
                case 2 -> "half a turn";
                default -> "not at all";
            };
        }

        /**
         * A box of {@link #image} where it lies on the photo before it was turned ({@code width x height} pixels), as
         * {@code {x, y, width, height}}.
         */
        public double[] onOriginal(FaceBox box, int width, int height) {
            double x = box.x();
            double y = box.y();
            double w = box.width();
            double h = box.height();
            return switch (turned) {
                case 1 -> new double[] {y, height - x - w, h, w};
                case 2 -> new double[] {width - x - w, height - y - h, w, h};
                case 3 -> new double[] {width - y - h, x, h, w};
                default -> new double[] {x, y, w, h};
            };
        }
    }

    /**
     * All faces found, largest first, in the photo stood upright. A photo lying on its side with no EXIF orientation
     * to say so (a phone picture whose tag was stripped, a scan turned the wrong way) was animated lying down: when
     * the faces' eyes lie on vertical lines ({@link #isSideways}), or no face is found at all, the photo is also read
     * turned a quarter each way (and half a turn when no face was found), and kept turned the way whose faces stand
     * upright and the detector is surest of (the sum of its scores: the eyes' line alone cannot tell upright from
     * upside down, the scores can: measured on the squinting selfie and the family photo turned each way, the upright
     * reading scored 0.88-0.95 against 0.74-0.81 upside down).
     */
    public Upright detectUpright(BufferedImage image) {
        List<FaceBox> faces = detect(image);
        boolean sideways = isSideways(faces);
        if (!faces.isEmpty() && !sideways) {
            return new Upright(image, faces, 0);
        }
        Upright best = new Upright(image, faces, 0);
        double bestScore = 0;
        for (int turns : sideways ? new int[] {1, 3} : new int[] {1, 3, 2}) {
            BufferedImage turned = PhotoLoader.turned(image, turns);
            List<FaceBox> found = detect(turned);
            if (found.isEmpty() || isSideways(found)) {
                continue;
            }
            double score = found.stream().mapToDouble(FaceBox::score).sum();
            if (score > bestScore) {
                bestScore = score;
                best = new Upright(turned, found, turns);
            }
        }
        if (best.turned() != 0) {
            LOG.debug("Photo turned {} quarter(s) clockwise to stand upright", best.turned());
        }
        return best;
    }

    /**
     * Whether the faces (the five largest) lie on their side: the median angle of the line between their eyes is
     * 55-125 degrees off level (one head tilted in a group photo is not the photo on its side).
     */
    static boolean isSideways(List<FaceBox> faces) {
        if (faces.isEmpty()) {
            return false;
        }
        double[] a = faces.stream().limit(5).mapToDouble(f -> Math.abs(Math.toDegrees(Math.atan2(
                f.leftEye().y() - f.rightEye().y(), f.leftEye().x() - f.rightEye().x())))).sorted().toArray();
        double median = a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
        return median >= 55 && median <= 125;
    }

    /**
     * What the detectors find, unrefined and before the face mesh model confirms each one (package-private for
     * tests). BlazeFace is a close-range model: in a group photo it may see only the nearest face. UltraFace looks at
     * the whole frame; faces it finds that BlazeFace did not are added, so every face can be picked.
     */
    List<FaceBox> candidates(BufferedImage image) {
        Cancellation.check();
        List<FaceBox> merged = new ArrayList<>(blaze.get().detect(image));
        Cancellation.check();
        int blazeFound = merged.size();
        for (FaceBox u : ultra.get().detect(image)) {
            if (merged.stream().noneMatch(f -> f.iou(u) > 0.2 || f.contains(u.eyeCenter()))) {
                merged.add(u);
            }
        }
        if (blazeFound == 0 && !merged.isEmpty()) {
            LOG.debug("BlazeFace found no face; UltraFace found {}", merged.size());
        }
        return merged;
    }

    /**
     * Runs BlazeFace again on a square crop around a face so that the face fills about half of the model's 128x128
     * input. On the whole image a face of a wide frame or half-body photo is only 20-30 input pixels tall, and the
     * box then jitters by several percent from one frame to the next; on the crop it is precise. It also replaces
     * UltraFace's estimated keypoints by real ones. Keeps the first estimate when the crop finds no matching face.
     */
    private FaceBox refine(BufferedImage image, FaceBox face) {
        double side = REFINE_CROP * Math.max(face.width(), face.height());
        int x0 = (int) Math.max(0, Math.floor(face.centerX() - side / 2));
        int y0 = (int) Math.max(0, Math.floor(face.centerY() - side / 2));
        int x1 = (int) Math.min(image.getWidth(), Math.ceil(face.centerX() + side / 2));
        int y1 = (int) Math.min(image.getHeight(), Math.ceil(face.centerY() + side / 2));
        if (x1 - x0 < MIN_REFINE_CROP || y1 - y0 < MIN_REFINE_CROP) {
            return face;
        }
        BufferedImage crop = Images.toBgr(image).getSubimage(x0, y0, x1 - x0, y1 - y0);
        FaceBox best = null;
        double bestIou = REFINE_MIN_IOU;
        for (FaceBox f : blaze.get().detect(crop)) {
            FaceBox mapped = f.map(1, 1, x0, y0);
            double iou = mapped.iou(face);
            if (iou > bestIou) {
                best = mapped;
                bestIou = iou;
            }
        }
        if (best == null) {
            LOG.debug("Refinement found no matching face for {}", face);
            return face;
        }
        return best;
    }

    /** The largest face, if any. */
    public Optional<FaceBox> largest(BufferedImage image) {
        List<FaceBox> faces = detect(image);
        return faces.isEmpty() ? Optional.empty() : Optional.of(faces.get(0));
    }
}
