package ai.gaga.picture;

import ai.gaga.face.Images;
import ai.gaga.face.PersonMask;

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
        return render(photo, null, frameWidth, frameHeight);
    }

    /**
     * Frame-sized packed BGR pixels of the backdrop, with the people of {@code person} (the photo's person mask, or
     * null) taken out first: where the mask says person, the setting around them is drawn in (a membrane fill at the
     * working size), so a set shared by cut-outs shows no blurred ghost of the person it came with.
     */
    static byte[] render(BufferedImage photo, PersonMask person, int frameWidth, int frameHeight) {
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
        if (person != null) {
            withoutPeople(px, sw, sh, person.alpha(w, h), w, (w - cw) / 2, (h - ch) / 2, cw, ch);
        }
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

    /** A working pixel is person where the mask's largest alpha over its cell (and the cells around) is over this. */
    private static final int PERSON = 64;

    /**
     * Fills the person in the working-size pixels {@code px} ({@code sw x sh}, from the photo region at {@code rx, ry}
     * of size {@code rw x rh}; {@code alpha} the photo-sized person mask, {@code w} wide) from the setting around it.
     */
    private static void withoutPeople(byte[] px, int sw, int sh, byte[] alpha, int w, int rx, int ry, int rw, int rh) {
        boolean[] hole = new boolean[sw * sh];
        int holes = 0;
        for (int y = 0; y < sh; y++) {
            int py0 = ry + y * rh / sh;
            int py1 = Math.max(py0 + 1, ry + (y + 1) * rh / sh);
            for (int x = 0; x < sw; x++) {
                int px0 = rx + x * rw / sw;
                int px1 = Math.max(px0 + 1, rx + (x + 1) * rw / sw);
                int max = 0;
                for (int yy = py0; yy < py1; yy += 2) {
                    for (int xx = px0; xx < px1; xx += 2) {
                        max = Math.max(max, alpha[yy * w + xx] & 0xff);
                    }
                }
                hole[y * sw + x] = max > PERSON;
            }
        }
        // One cell more all round: the blur would carry the person's edge colours out otherwise.
        boolean[] grown = hole.clone();
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                if (hole[y * sw + x]) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx;
                            int yy = y + dy;
                            if (xx >= 0 && yy >= 0 && xx < sw && yy < sh) {
                                grown[yy * sw + xx] = true;
                            }
                        }
                    }
                }
            }
        }
        double[] mean = new double[3];
        for (int i = 0; i < grown.length; i++) {
            if (grown[i]) {
                holes++;
            } else {
                for (int c = 0; c < 3; c++) {
                    mean[c] += px[3 * i + c] & 0xff;
                }
            }
        }
        int known = grown.length - holes;
        if (holes == 0 || known < grown.length / 10) {
            return; // nothing to fill, or too little setting to fill it from
        }
        float[] f = new float[px.length];
        for (int i = 0; i < grown.length; i++) {
            for (int c = 0; c < 3; c++) {
                f[3 * i + c] = grown[i] ? (float) (mean[c] / known) : px[3 * i + c] & 0xff;
            }
        }
        // The membrane: each filled pixel the mean of its neighbours, until the setting has flowed in.
        int iterations = 4 * Math.max(sw, sh);
        for (int it = 0; it < iterations; it++) {
            for (int y = 0; y < sh; y++) {
                for (int x = 0; x < sw; x++) {
                    int i = y * sw + x;
                    if (!grown[i]) {
                        continue;
                    }
                    int l = x > 0 ? i - 1 : i + 1;
                    int r = x < sw - 1 ? i + 1 : i - 1;
                    int u = y > 0 ? i - sw : i + sw;
                    int d = y < sh - 1 ? i + sw : i - sw;
                    for (int c = 0; c < 3; c++) {
                        f[3 * i + c] = (f[3 * l + c] + f[3 * r + c] + f[3 * u + c] + f[3 * d + c]) / 4;
                    }
                }
            }
        }
        for (int i = 0; i < grown.length; i++) {
            if (grown[i]) {
                for (int c = 0; c < 3; c++) {
                    px[3 * i + c] = (byte) Math.max(0, Math.min(255, Math.round(f[3 * i + c])));
                }
            }
        }
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
