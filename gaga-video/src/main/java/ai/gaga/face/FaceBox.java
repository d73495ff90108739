package ai.gaga.face;

import java.util.List;
import java.util.Objects;

/**
 * One detected face, in the pixel coordinates of the image it was found in (x to the right, y down).
 *
 * <p>Keypoints follow MediaPipe's naming, which is from the <em>subject's</em> point of view: in an ordinary
 * (unmirrored) photo of a person facing the camera, {@link #rightEye()} is the eye on the image's left (smaller x)
 * and {@link #leftEye()} the one on the image's right. Detectors that give no keypoints (UltraFace) fill them with
 * typical positions inside the box and set {@link #keypointsEstimated()}.
 *
 * @param x                  left edge
 * @param y                  top edge
 * @param width              box width
 * @param height             box height
 * @param score              detector confidence, 0..1
 * @param rightEye           subject's right eye (image left)
 * @param leftEye            subject's left eye (image right)
 * @param nose               nose tip
 * @param mouth              mouth centre
 * @param rightEar           subject's right ear tragion (image left)
 * @param leftEar            subject's left ear tragion (image right)
 * @param detector           which detector found it, e.g. {@code blazeface} or {@code ultraface}
 * @param keypointsEstimated whether the keypoints are guesses from the box rather than detections
 */
public record FaceBox(double x, double y, double width, double height, double score,
                      Point rightEye, Point leftEye, Point nose, Point mouth, Point rightEar, Point leftEar,
                      String detector, boolean keypointsEstimated) {

    /**
     * A point in image pixels.
     *
     * @param x to the right
     * @param y down
     */
    public record Point(double x, double y) {
        /** This point under {@code (x, y) -> (x * sx + dx, y * sy + dy)}. */
        public Point map(double sx, double sy, double dx, double dy) {
            return new Point(x * sx + dx, y * sy + dy);
        }
    }

    public FaceBox {
        Objects.requireNonNull(rightEye, "rightEye");
        Objects.requireNonNull(leftEye, "leftEye");
        Objects.requireNonNull(nose, "nose");
        Objects.requireNonNull(mouth, "mouth");
        Objects.requireNonNull(rightEar, "rightEar");
        Objects.requireNonNull(leftEar, "leftEar");
        Objects.requireNonNull(detector, "detector");
        if (!(width >= 0 && height >= 0)) {
            throw new IllegalArgumentException("Negative face box size " + width + "x" + height);
        }
    }

    /**
     * A box with keypoints guessed from typical frontal-face proportions (for detectors without landmarks). The
     * fractions are where BlazeFace's keypoints fall inside UltraFace's boxes (which reach from the hairline to the
     * chin) on the two fixture portraits.
     */
    public static FaceBox withEstimatedKeypoints(double x, double y, double width, double height, double score,
                                                 String detector) {
        return new FaceBox(x, y, width, height, score,
                new Point(x + 0.27 * width, y + 0.35 * height),
                new Point(x + 0.73 * width, y + 0.35 * height),
                new Point(x + 0.50 * width, y + 0.56 * height),
                new Point(x + 0.50 * width, y + 0.75 * height),
                new Point(x + 0.05 * width, y + 0.45 * height),
                new Point(x + 0.95 * width, y + 0.45 * height),
                detector, true);
    }

    /** Horizontal centre of the box. */
    public double centerX() {
        return x + width / 2;
    }

    /** Vertical centre of the box. */
    public double centerY() {
        return y + height / 2;
    }

    /** Right edge. */
    public double maxX() {
        return x + width;
    }

    /** Bottom edge. */
    public double maxY() {
        return y + height;
    }

    /** Box area, square pixels. */
    public double area() {
        return width * height;
    }

    /** Midpoint between the eyes. */
    public Point eyeCenter() {
        return new Point((rightEye.x + leftEye.x) / 2, (rightEye.y + leftEye.y) / 2);
    }

    /** All six keypoints: right eye, left eye, nose, mouth, right ear, left ear. */
    public List<Point> keypoints() {
        return List.of(rightEye, leftEye, nose, mouth, rightEar, leftEar);
    }

    /** Whether a point lies inside the box (edges included). */
    public boolean contains(Point p) {
        return p.x >= x && p.x <= maxX() && p.y >= y && p.y <= maxY();
    }

    /** Intersection over union with another box, 0..1. */
    public double iou(FaceBox o) {
        double ix = Math.max(0, Math.min(maxX(), o.maxX()) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(maxY(), o.maxY()) - Math.max(y, o.y));
        double inter = ix * iy;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /**
     * This face under {@code (x, y) -> (x * sx + dx, y * sy + dy)} with positive scales, e.g. from a resized or
     * letterboxed image back to the photo.
     */
    public FaceBox map(double sx, double sy, double dx, double dy) {
        return new FaceBox(x * sx + dx, y * sy + dy, width * sx, height * sy, score,
                rightEye.map(sx, sy, dx, dy), leftEye.map(sx, sy, dx, dy), nose.map(sx, sy, dx, dy),
                mouth.map(sx, sy, dx, dy), rightEar.map(sx, sy, dx, dy), leftEar.map(sx, sy, dx, dy),
                detector, keypointsEstimated);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "FaceBox[%s x=%.1f y=%.1f w=%.1f h=%.1f score=%.3f eyes=(%.1f,%.1f)/(%.1f,%.1f) mouth=(%.1f,%.1f)%s]",
                detector, x, y, width, height, score, rightEye.x, rightEye.y, leftEye.x, leftEye.y, mouth.x, mouth.y,
                keypointsEstimated ? " estimated keypoints" : "");
    }
}
