package ai.gaga.picture;

import java.util.SplittableRandom;

/**
 * Falling rain drawn over a frame: two layers of slanted streaks (near: long, bright and fast; far: short, faint and
 * slower), each precomputed once as a sparse field the height of the frame and scrolled down (and sideways with the
 * wind) per frame, wrapping around. Drawing touches only the streak pixels, so it costs well under a millisecond.
 * Deterministic for a seed. Not thread-safe.
 */
final class Rain {
    /** Colour streaks lighten towards (B, G, R): the grey-blue of lit water. */
    private static final int TB = 225;
    private static final int TG = 220;
    private static final int TR = 210;
    /** Horizontal drift per pixel of fall: a light wind. */
    private static final double SLANT = 0.12;

    private final int width;
    private final int height;
    private final Layer[] layers;

    /** One layer: per field row, the streak pixels in it as (x, alpha) pairs. */
    private record Layer(int[] rowStart, int[] xs, int[] alphas, double speed) {
    }

    Rain(int width, int height, long seed) {
        this.width = width;
        this.height = height;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5241494eL);
        double unit = height / 1080.0; // sizes are designed at 1080 lines
        int area = width * height;
        layers = new Layer[] {
            layer(random, (int) (area / 14_000.0), 26 * unit, 14 * unit, 110, 28 * unit),
            layer(random, (int) (area / 5_500.0), 60 * unit, 30 * unit, 190, 52 * unit),
        };
    }

    private Layer layer(SplittableRandom random, int count, double length, double spread, int peak, double speed) {
        int[] counts = new int[height];
        int[][] sx = new int[count][];
        int[][] sy = new int[count][];
        int[][] sa = new int[count][];
        for (int n = 0; n < count; n++) {
            double x0 = random.nextDouble() * width;
            int y0 = random.nextInt(height);
            int len = Math.max(2, (int) Math.round(length + (random.nextDouble() - 0.5) * spread));
            int a0 = (int) Math.round(peak * (0.5 + random.nextDouble() * 0.5));
            sx[n] = new int[2 * len];
            sy[n] = new int[2 * len];
            sa[n] = new int[2 * len];
            for (int k = 0; k < len; k++) {
                int y = (y0 + k) % height;
                double x = x0 + k * SLANT;
                int xi = (int) Math.floor(x);
                double f = x - xi;
                // The tail is faint, the head (lowest point) bright: a drop with motion blur behind it.
                double a = a0 * (0.25 + 0.75 * k / (double) len);
                sx[n][2 * k] = Math.floorMod(xi, width);
                sx[n][2 * k + 1] = Math.floorMod(xi + 1, width);
                sy[n][2 * k] = y;
                sy[n][2 * k + 1] = y;
                sa[n][2 * k] = (int) Math.round(a * (1 - f));
                sa[n][2 * k + 1] = (int) Math.round(a * f);
                counts[y] += 2;
            }
        }
        int[] rowStart = new int[height + 1];
        for (int y = 0; y < height; y++) {
            rowStart[y + 1] = rowStart[y] + counts[y];
        }
        int[] fill = rowStart.clone();
        int[] xs = new int[rowStart[height]];
        int[] alphas = new int[rowStart[height]];
        for (int n = 0; n < count; n++) {
            for (int k = 0; k < sx[n].length; k++) {
                int i = fill[sy[n][k]]++;
                xs[i] = sx[n][k];
                alphas[i] = sa[n][k];
            }
        }
        return new Layer(rowStart, xs, alphas, speed);
    }

    /** Draws the rain of frame {@code index} at {@code amount} (0..1) into packed BGR pixels of the frame size. */
    void draw(byte[] px, int index, double amount) {
        int k = (int) Math.round(Math.max(0, Math.min(1, amount)) * 256);
        if (k == 0) {
            return;
        }
        for (Layer l : layers) {
            int fall = (int) Math.round(index * l.speed());
            int dy = Math.floorMod(fall, height);
            int dx = Math.floorMod((int) Math.round(fall * SLANT), width);
            for (int y = 0; y < height; y++) {
                int fy = y - dy;
                if (fy < 0) {
                    fy += height;
                }
                int row = y * width * 3;
                for (int i = l.rowStart()[fy], end = l.rowStart()[fy + 1]; i < end; i++) {
                    int x = l.xs()[i] + dx;
                    if (x >= width) {
                        x -= width;
                    }
                    int a = (l.alphas()[i] * k) >> 8;
                    int o = row + 3 * x;
                    int b0 = px[o] & 0xff;
                    int g0 = px[o + 1] & 0xff;
                    int r0 = px[o + 2] & 0xff;
                    px[o] = (byte) (b0 + (((TB - b0) * a) >> 8));
                    px[o + 1] = (byte) (g0 + (((TG - g0) * a) >> 8));
                    px[o + 2] = (byte) (r0 + (((TR - r0) * a) >> 8));
                }
            }
        }
    }
}
