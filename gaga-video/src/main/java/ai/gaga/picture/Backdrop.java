package ai.gaga.picture;

import ai.gaga.face.Images;

import java.awt.image.BufferedImage;

/**
 * The backdrop behind a photo that cannot cover the frame (a square portrait in a 16:9 frame, a tiny photo): the
 * photo itself, cover-fitted, heavily blurred and darkened, so the frame has no black bars and the colours match.
 * Built once per scene.
 */
final class Backdrop {
    /** Brightness kept, 0..1: dark enough that the sharp photo stands out in front. */
    static final double BRIGHTNESS = 0.65;
    /** Working size divisor: blurring a ~1/12 downscale is as good as a huge kernel at full size, and instant. */
    private static final int DOWNSCALE = 12;
    private static final int BLUR_RADIUS = 3;
    private static final int BLUR_PASSES = 3;

    private Backdrop() {
    }

    /** Frame-sized packed BGR pixels of the backdrop. */
    static byte[] render(BufferedImage photo, int frameWidth, int frameHeight) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        // Cover-fit: the largest centred photo region with the frame's aspect ratio.
        double aspect = frameWidth / (double) frameHeight;
        int cw = w;
        int ch = (int) Math.round(w / aspect);
        if (ch > h) {
            ch = h;
            cw = Math.max(1, Math.min(w, (int) Math.round(h * aspect)));
        }
        ch = Math.max(1, ch);
        BufferedImage region = photo.getSubimage((w - cw) / 2, (h - ch) / 2, cw, ch);
        int sw = Math.max(4, frameWidth / DOWNSCALE);
        int sh = Math.max(4, frameHeight / DOWNSCALE);
        BufferedImage small = Images.resize(region, sw, sh);
        byte[] px = Images.bgr(small);
        for (int i = 0; i < BLUR_PASSES; i++) {
            // Three box blurs approximate a Gaussian; rows then columns keeps each pass linear in the pixel count.
            boxBlur(px, sw, sh, BLUR_RADIUS, true);
            boxBlur(px, sw, sh, BLUR_RADIUS, false);
        }
        BufferedImage big = Images.resize(small, frameWidth, frameHeight);
        byte[] out = Images.bgr(big);
        int f = (int) Math.round(BRIGHTNESS * 256);
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (((out[i] & 0xff) * f + 128) >> 8);
        }
        return out;
    }

    /** In-place box blur along rows or columns with edge clamping. */
    private static void boxBlur(byte[] px, int w, int h, int r, boolean horizontal) {
        int n = horizontal ? w : h;
        int lines = horizontal ? h : w;
        int step = horizontal ? 3 : w * 3;
        int[] line = new int[n * 3];
        int div = 2 * r + 1;
        for (int l = 0; l < lines; l++) {
            int base = horizontal ? l * w * 3 : l * 3;
            for (int i = 0; i < n; i++) {
                int o = base + i * step;
                line[3 * i] = px[o] & 0xff;
                line[3 * i + 1] = px[o + 1] & 0xff;
                line[3 * i + 2] = px[o + 2] & 0xff;
            }
            for (int c = 0; c < 3; c++) {
                int sum = 0;
                for (int k = -r; k <= r; k++) {
                    sum += line[3 * Math.max(0, Math.min(n - 1, k)) + c];
                }
                for (int i = 0; i < n; i++) {
                    px[base + i * step + c] = (byte) ((sum + div / 2) / div);
                    int add = Math.min(n - 1, i + r + 1);
                    int sub = Math.max(0, i - r);
                    sum += line[3 * add + c] - line[3 * sub + c];
                }
            }
        }
    }
}
