package ai.gaga.picture;

import ai.gaga.face.Images;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.VideoFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Renders the still photo with a slow push-in: the zoom eases from 1 to {@link #END_ZOOM} over the clip, centred on
 * the face.
 *
 * <p>All expensive work happens once, in the constructor: the part of the photo that can ever be visible is scaled
 * with high quality to the final zoom (so every frame only shrinks it by at most 6%, where bilinear sampling is
 * sharp and alias-free), and the backdrop is rendered at frame size. A frame is then a copy of the backdrop plus a
 * fixed-point bilinear resampling of the photo's visible rectangle straight from byte arrays: separable, with each
 * horizontally filtered source row computed once and reused for the output rows that need it, and with partial
 * coverage at the photo's borders blended into the backdrop so the moving edge does not crawl. No Java2D and no
 * allocation per frame.
 *
 * <p>Deterministic. Not thread-safe: one render thread, as {@link FrameRenderer} specifies.
 */
final class StillPhotoRenderer implements FrameRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(StillPhotoRenderer.class);

    /** Zoom at the last frame: enough to feel the camera move, too little to notice the photo getting softer. */
    static final double END_ZOOM = 1.06;
    /** Photo pixels kept beyond the visible area so the bilinear taps at the frame edge read real pixels. */
    private static final int CROP_MARGIN = 2;

    private final int width;
    private final int height;
    private final int frameCount;
    private final Framing framing;
    private final int photoWidth;
    private final int photoHeight;
    /** Photo coordinates of the pre-scaled crop's top-left corner. */
    private final int cropX;
    private final int cropY;
    /** Pre-scaled pixels per photo pixel, per axis (they differ slightly from scale * END_ZOOM by rounding). */
    private final double kx;
    private final double ky;
    private final int srcWidth;
    private final int srcHeight;
    private byte[] src;
    private byte[] backdrop;

    // Per-frame tables, allocated once.
    private final int[] colOff0;
    private final int[] colOff1;
    private final int[] colWeight;
    private final int[] colCover;
    private final int[][] rows = new int[2][];
    private final int[] rowKeys = {-1, -1};

    StillPhotoRenderer(BufferedImage photo, Framing framing, VideoFormat format) {
        long t0 = System.nanoTime();
        this.width = format.width();
        this.height = format.height();
        this.frameCount = format.frameCount();
        this.framing = framing;
        this.photoWidth = photo.getWidth();
        this.photoHeight = photo.getHeight();
        double s = framing.scale();

        // The photo region visible at zoom 1: the push-in only ever shows a part of it.
        int x0 = clampInt((int) Math.floor(-framing.offsetX() / s) - CROP_MARGIN, 0, photoWidth - 1);
        int x1 = clampInt((int) Math.ceil((width - framing.offsetX()) / s) + CROP_MARGIN, x0 + 1, photoWidth);
        int y0 = clampInt((int) Math.floor(-framing.offsetY() / s) - CROP_MARGIN, 0, photoHeight - 1);
        int y1 = clampInt((int) Math.ceil((height - framing.offsetY()) / s) + CROP_MARGIN, y0 + 1, photoHeight);
        this.cropX = x0;
        this.cropY = y0;
        int cw = x1 - x0;
        int ch = y1 - y0;
        this.srcWidth = Math.max(1, (int) Math.round(cw * s * END_ZOOM));
        this.srcHeight = Math.max(1, (int) Math.round(ch * s * END_ZOOM));
        this.kx = srcWidth / (double) cw;
        this.ky = srcHeight / (double) ch;
        this.src = Images.bgr(Images.resize(photo.getSubimage(x0, y0, cw, ch), srcWidth, srcHeight));
        this.backdrop = Backdrop.render(photo, width, height);

        colOff0 = new int[width];
        colOff1 = new int[width];
        colWeight = new int[width];
        colCover = new int[width];
        rows[0] = new int[width * 3];
        rows[1] = new int[width * 3];
        LOG.debug("Still photo prepared in {} ms: photo {}x{}, crop {}x{}+{}+{} scaled to {}x{}, {}",
                (System.nanoTime() - t0) / 1_000_000, photoWidth, photoHeight, cw, ch, x0, y0, srcWidth, srcHeight,
                framing);
    }

    /** Camera zoom at a frame: 1 at the first, {@link #END_ZOOM} at the last, eased in and out. */
    double zoom(int index) {
        if (frameCount <= 1) {
            return 1.0;
        }
        double p = Math.max(0, Math.min(1, index / (double) (frameCount - 1)));
        double eased = 0.5 - 0.5 * Math.cos(Math.PI * p);
        return 1.0 + (END_ZOOM - 1.0) * eased;
    }

    Framing framing() {
        return framing;
    }

    @Override
    public void render(int index, FrameBuffer target) {
        if (src == null) {
            throw new IllegalStateException("Renderer is closed");
        }
        if (target.width() != width || target.height() != height) {
            throw new IllegalArgumentException("Frame buffer is " + target.width() + "x" + target.height()
                    + ", this renderer draws " + width + "x" + height);
        }
        double z = zoom(index);
        double s = framing.scale();
        double cx = framing.centerX();
        double cy = framing.centerY();
        // Frame pixel centre X + 0.5 maps to continuous source coordinate u = ax * (X + 0.5) + bx.
        double ax = kx / (s * z);
        double bx = kx * ((cx - framing.offsetX()) / s - cx / (s * z) - cropX);
        double ay = ky / (s * z);
        double by = ky * ((cy - framing.offsetY()) / s - cy / (s * z) - cropY);
        // The whole photo's extent in source coordinates (the crop may cut it off outside the frame).
        double uLeft = -cropX * kx;
        double uRight = (photoWidth - cropX) * kx;
        double vTop = -cropY * ky;
        double vBottom = (photoHeight - cropY) * ky;

        int xa = clampInt((int) Math.floor((uLeft - bx) / ax), 0, width);
        int xb = clampInt((int) Math.ceil((uRight - bx) / ax), 0, width); // exclusive
        int ya = clampInt((int) Math.floor((vTop - by) / ay), 0, height);
        int yb = clampInt((int) Math.ceil((vBottom - by) / ay), 0, height); // exclusive

        byte[] dst = target.bgr();
        int xi0 = -1; // first fully covered column
        int xi1 = -1; // exclusive end of the fully covered columns
        for (int x = xa; x < xb; x++) {
            double u = ax * (x + 0.5) + bx - 0.5;
            u = Math.max(0, Math.min(srcWidth - 1, u));
            int i0 = (int) u;
            int w1 = (int) ((u - i0) * 256 + 0.5);
            colOff0[x] = i0 * 3;
            colOff1[x] = Math.min(i0 + 1, srcWidth - 1) * 3;
            colWeight[x] = w1;
            int cover = cover(ax * x + bx, ax * (x + 1) + bx, uLeft, uRight, ax);
            colCover[x] = cover;
            if (cover == 256) {
                if (xi0 < 0) {
                    xi0 = x;
                }
                xi1 = x + 1;
            }
        }
        if (xi0 < 0) {
            // No column is fully covered (a photo narrower than a pixel): every column takes the blending path.
            xi0 = xb;
            xi1 = xb;
        }
        boolean covered = xa == 0 && xb == width && xi0 == 0 && xi1 == width
                && cover(ay * ya + by, ay * (ya + 1) + by, vTop, vBottom, ay) == 256
                && cover(ay * (yb - 1) + by, ay * yb + by, vTop, vBottom, ay) == 256
                && ya == 0 && yb == height;
        if (!covered) {
            System.arraycopy(backdrop, 0, dst, 0, backdrop.length);
        }
        rowKeys[0] = -1;
        rowKeys[1] = -1;
        for (int y = ya; y < yb; y++) {
            double v = ay * (y + 0.5) + by - 0.5;
            v = Math.max(0, Math.min(srcHeight - 1, v));
            int j0 = (int) v;
            int j1 = Math.min(j0 + 1, srcHeight - 1);
            int wy1 = (int) ((v - j0) * 256 + 0.5);
            int wy0 = 256 - wy1;
            int slot0 = row(j0, -1, xa, xb);
            int slot1 = row(j1, slot0, xa, xb);
            int[] r0 = rows[slot0];
            int[] r1 = rows[slot1];
            int rowCover = cover(ay * y + by, ay * (y + 1) + by, vTop, vBottom, ay);
            int o = y * width * 3;
            if (rowCover == 256) {
                for (int i = xi0 * 3, end = xi1 * 3; i < end; i++) {
                    dst[o + i] = (byte) ((r0[i] * wy0 + r1[i] * wy1 + 32768) >>> 16);
                }
                for (int x = xa; x < xi0; x++) {
                    blend(dst, o, x, r0, r1, wy0, wy1, colCover[x]);
                }
                for (int x = xi1; x < xb; x++) {
                    blend(dst, o, x, r0, r1, wy0, wy1, colCover[x]);
                }
            } else {
                for (int x = xa; x < xb; x++) {
                    blend(dst, o, x, r0, r1, wy0, wy1, (colCover[x] * rowCover + 128) >> 8);
                }
            }
        }
        target.index(index);
    }

    /** Bilinear photo sample at column x blended over the backdrop already in dst by coverage 0..256. */
    private static void blend(byte[] dst, int rowOffset, int x, int[] r0, int[] r1, int wy0, int wy1, int cover) {
        if (cover <= 0) {
            return;
        }
        int d = rowOffset + x * 3;
        int i = x * 3;
        for (int c = 0; c < 3; c++) {
            int p = (r0[i + c] * wy0 + r1[i + c] * wy1 + 32768) >>> 16;
            int b = dst[d + c] & 0xff;
            dst[d + c] = (byte) ((p * cover + b * (256 - cover) + 128) >> 8);
        }
    }

    /**
     * The cache slot holding source row j filtered horizontally over columns [xa, xb) (values scaled by 256),
     * computing it into a slot other than {@code keep} if needed. Source rows only move forward within a frame, so
     * the two slots act as a sliding window.
     */
    private int row(int j, int keep, int xa, int xb) {
        if (rowKeys[0] == j) {
            return 0;
        }
        if (rowKeys[1] == j) {
            return 1;
        }
        int slot;
        if (keep == 0) {
            slot = 1;
        } else if (keep == 1) {
            slot = 0;
        } else {
            slot = rowKeys[0] <= rowKeys[1] ? 0 : 1; // the older (smaller) row
        }
        int[] r = rows[slot];
        byte[] s = src;
        int so = j * srcWidth * 3;
        for (int x = xa; x < xb; x++) {
            int o0 = so + colOff0[x];
            int o1 = so + colOff1[x];
            int w1 = colWeight[x];
            int w0 = 256 - w1;
            int d = x * 3;
            r[d] = (s[o0] & 0xff) * w0 + (s[o1] & 0xff) * w1;
            r[d + 1] = (s[o0 + 1] & 0xff) * w0 + (s[o1 + 1] & 0xff) * w1;
            r[d + 2] = (s[o0 + 2] & 0xff) * w0 + (s[o1 + 2] & 0xff) * w1;
        }
        rowKeys[slot] = j;
        return slot;
    }

    /** Share (0..256) of the pixel span [a, b) inside [lo, hi], in source units; the span is {@code len} long. */
    private static int cover(double a, double b, double lo, double hi, double len) {
        double overlap = Math.min(b, hi) - Math.max(a, lo);
        if (overlap <= 0) {
            return 0;
        }
        return (int) Math.min(256, Math.round(overlap / len * 256));
    }

    private static int clampInt(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public void close() {
        // Drop the large arrays now rather than when the renderer object happens to become unreachable.
        src = null;
        backdrop = null;
        Arrays.fill(rowKeys, -1);
    }
}
