package ai.gaga.rig;

/**
 * One eye's frame: origin between the corners, {@code e} from the outer to the inner corner, {@code d}
 * perpendicular to it and down the face, pixels.
 */
final class EyeFrame {
    final double cx;
    final double cy;
    final double ex;
    final double ey;
    final double dx;
    final double dy;
    final double halfW;

    EyeFrame(double[] x, double[] y, int outer, int inner, double downX, double downY) {
        cx = (x[outer] + x[inner]) / 2;
        cy = (y[outer] + y[inner]) / 2;
        double lx = x[inner] - x[outer];
        double ly = y[inner] - y[outer];
        double len = Math.max(1e-6, Math.hypot(lx, ly));
        ex = lx / len;
        ey = ly / len;
        double px = -ey;
        double py = ex;
        if (px * downX + py * downY < 0) {
            px = -px;
            py = -py;
        }
        dx = px;
        dy = py;
        halfW = Math.max(0.5, len / 2);
    }

    /** Across, half widths (-1 outer corner, 1 inner corner). */
    double a(double px, double py) {
        return ((px - cx) * ex + (py - cy) * ey) / halfW;
    }

    /** Down the face from the corner line, pixels. */
    double b(double px, double py) {
        return (px - cx) * dx + (py - cy) * dy;
    }

    double x(double a, double b) {
        return cx + a * halfW * ex + b * dx;
    }

    double y(double a, double b) {
        return cy + a * halfW * ey + b * dy;
    }

    /** The frame's bounding box in the image for {@code a} in ±{@code across}, {@code b} in [-above, below]. */
    int[] box(double across, double above, double below, int w, int h) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double a : new double[] {-across, across}) {
            for (double b : new double[] {-above, below}) {
                minX = Math.min(minX, x(a, b));
                maxX = Math.max(maxX, x(a, b));
                minY = Math.min(minY, y(a, b));
                maxY = Math.max(maxY, y(a, b));
            }
        }
        return new int[] {Math.max(0, (int) Math.floor(minX) - 1), Math.max(0, (int) Math.floor(minY) - 1),
                Math.min(w - 1, (int) Math.ceil(maxX) + 1), Math.min(h - 1, (int) Math.ceil(maxY) + 1)};
    }

    /** Bilinear B, G, R at pixel-centre coordinates {@code (fx, fy)}; false outside the image. */
    static boolean sample(byte[] img, int w, int h, double fx, double fy, double[] out) {
        if (fx < 0 || fy < 0 || fx > w - 1 || fy > h - 1) {
            return false;
        }
        int x0 = Math.min(w - 2, (int) fx);
        int y0 = Math.min(h - 2, (int) fy);
        if (x0 < 0 || y0 < 0) {
            return false;
        }
        double tx = fx - x0;
        double ty = fy - y0;
        int o = (y0 * w + x0) * 3;
        int r = w * 3;
        for (int c = 0; c < 3; c++) {
            double top = (img[o + c] & 0xFF) * (1 - tx) + (img[o + 3 + c] & 0xFF) * tx;
            double bot = (img[o + r + c] & 0xFF) * (1 - tx) + (img[o + r + 3 + c] & 0xFF) * tx;
            out[c] = top * (1 - ty) + bot * ty;
        }
        return true;
    }
}
