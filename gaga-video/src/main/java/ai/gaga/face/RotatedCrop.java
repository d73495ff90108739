package ai.gaga.face;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;

/**
 * A square, rotated region of a photo resampled to {@code size x size} model pixels, and the mapping back. Models
 * that want an upright face (mesh, iris) get one whatever the head's roll.
 *
 * @param cx    centre x in the photo
 * @param cy    centre y in the photo
 * @param side  side in photo pixels
 * @param angle rotation of the crop's x axis in the photo, radians (clockwise on screen, as y points down)
 * @param size  side in model pixels
 */
public record RotatedCrop(double cx, double cy, double side, double angle, int size) {

    /** The crop centred on the box, {@code scale} times its larger side, x axis along the eye line. */
    public static RotatedCrop around(FaceBox box, double scale, int size) {
        FaceBox.Point r = box.rightEye();
        FaceBox.Point l = box.leftEye();
        double angle = Math.atan2(l.y() - r.y(), l.x() - r.x());
        return new RotatedCrop(box.centerX(), box.centerY(), scale * Math.max(box.width(), box.height()), angle, size);
    }

    /** Model pixel coordinates (0..size) to photo pixels. */
    public FaceBox.Point toImage(double u, double v) {
        double dx = (u / size - 0.5) * side;
        double dy = (v / size - 0.5) * side;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new FaceBox.Point(cx + dx * c - dy * s, cy + dx * s + dy * c);
    }

    /** Photo pixels to model pixel coordinates. */
    public FaceBox.Point toCrop(double x, double y) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double dx = x - cx;
        double dy = y - cy;
        return new FaceBox.Point((dx * c + dy * s) / side * size + size / 2.0,
                (-dx * s + dy * c) / side * size + size / 2.0);
    }

    /**
     * Fills {@code out} with RGB in [0,1], NCHW, bilinear, black outside the photo.
     *
     * @param bgr    a TYPE_3BYTE_BGR image
     * @param mirror whether to mirror the crop horizontally (the iris model only knows one eye)
     */
    public void sampleNchw(BufferedImage bgr, FloatBuffer out, boolean mirror) {
        byte[] px = Images.bgr(bgr);
        int w = bgr.getWidth();
        int h = bgr.getHeight();
        int plane = size * size;
        float[] buf = new float[3 * plane];
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                double su = mirror ? size - 1 - u : u;
                FaceBox.Point p = toImage(su + 0.5, v + 0.5);
                double fx = p.x() - 0.5;
                double fy = p.y() - 0.5;
                int x0 = (int) Math.floor(fx);
                int y0 = (int) Math.floor(fy);
                double ax = fx - x0;
                double ay = fy - y0;
                int o = v * size + u;
                for (int ch = 0; ch < 3; ch++) {
                    double a = at(px, w, h, x0, y0, 2 - ch);
                    double b = at(px, w, h, x0 + 1, y0, 2 - ch);
                    double c = at(px, w, h, x0, y0 + 1, 2 - ch);
                    double d = at(px, w, h, x0 + 1, y0 + 1, 2 - ch);
                    double val = (a * (1 - ax) + b * ax) * (1 - ay) + (c * (1 - ax) + d * ax) * ay;
                    buf[ch * plane + o] = (float) (val / 255.0);
                }
            }
        }
        out.clear();
        out.put(buf);
        out.rewind();
    }

    private static double at(byte[] px, int w, int h, int x, int y, int ch) {
        if (x < 0 || y < 0 || x >= w || y >= h) {
            return 0;
        }
        return px[(y * w + x) * 3 + ch] & 0xff;
    }
}
