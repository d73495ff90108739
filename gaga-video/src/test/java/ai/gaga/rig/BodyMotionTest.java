package ai.gaga.rig;

import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceBox;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 step 4, "the body is part of the acting", measured on the rendered plate: on the full-body, dancing,
 * selfie, family and astronaut photos, each plate at the scale a 1080-line frame shows the whole photo height, over one
 * breath cycle (0.25 Hz at 25 fps, 16 frames sampled) the shoulder band's vertical displacement, found by block
 * matching each frame against the rest frame, swings by at least {@value #MIN_SWING} px and follows the breath
 * (correlation at least 0.9); a head turn carries the shoulders sideways by a fraction of the head's travel; in the
 * neck band, under a full breath and a 6 degree turn with a roll, no pixel shows an edge more than
 * {@value #NEW_EDGE} grey levels stronger than any the rest plate has within the motion's reach (no seam; measured
 * 2 at most, while leaving the rig's points off the body field gave 24 to 81 on three of the five photos); and every
 * pixel the body layer gives no weight
 * and the face rig does not cover stays byte-identical to the rest plate (the background far from the person never
 * moves), and so does the chest below every other face of the photo (a neighbour never breathes with this actor). Writes crops of the shoulders at rest, inhaled and turned, and their differences, to
 * {@code target/body/*.png}.
 */
public class BodyMotionTest {
    private static final Logger LOG = LoggerFactory.getLogger(BodyMotionTest.class);
    private static final String[] PHOTOS = {"pexels_cheering_full_body.jpg", "pexels_dancing_eyes_closed.jpg",
            "pexels_selfie_squint.jpg", "pexels_family_smiles.jpg", "astronaut.png"};
    /** Smallest peak-to-peak vertical swing of the shoulder band over a breath, plate pixels at 1080 lines. */
    private static final double MIN_SWING = 1.0;
    /**
     * Grey levels by which an edge of the moved neck may outdo the strongest edge of the rest plate near it; a seam
     * (two sides sampled from different places) makes edges of any strength where the photo had none.
     */
    private static final double NEW_EDGE = 16;
    private static final int FPS = 25;
    /** Head turn of the tear check, degrees (with half as much roll): a speaker's turn, within the match reach. */
    private static final double TURN = 6;
    private static final double BREATH_HZ = 0.25;

    private static TestServices services;
    private static FaceAnalyzer analyzer;
    private static ai.gaga.face.FaceDetector detector;

    @BeforeAll
    static void setUp() {
        services = new TestServices();
        analyzer = new FaceAnalyzer(services);
        detector = new ai.gaga.face.FaceDetector(services);
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    /** Grey levels of a plate. */
    private static float[] luma(byte[] bgr, int w, int h) {
        float[] out = new float[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = 0.114f * (bgr[3 * i] & 0xFF) + 0.587f * (bgr[3 * i + 1] & 0xFF) + 0.299f * (bgr[3 * i + 2] & 0xFF);
        }
        return out;
    }

    /**
     * Displacement (dx, dy) of the block of {@code size} px at (bx, by) from {@code rest} to {@code now}: the integer
     * shift within +-{@code reach} px with the least sum of absolute differences, refined by a parabola through its
     * neighbours; null when the block has too little texture to match.
     */
    public static double[] match(float[] rest, float[] now, int w, int h, int bx, int by, int size, int reach) {
        if (bx - reach < 1 || by - reach < 1 || bx + size + reach >= w - 1 || by + size + reach >= h - 1) {
            return null;
        }
        double mean = 0;
        for (int y = by; y < by + size; y++) {
            for (int x = bx; x < bx + size; x++) {
                mean += rest[y * w + x];
            }
        }
        mean /= size * size;
        double var = 0;
        for (int y = by; y < by + size; y++) {
            for (int x = bx; x < bx + size; x++) {
                double d = rest[y * w + x] - mean;
                var += d * d;
            }
        }
        if (var / (size * size) < 20) {
            return null; // flat: nothing to match
        }
        int n = 2 * reach + 1;
        double[] cost = new double[n * n];
        int best = 0;
        for (int sy = -reach; sy <= reach; sy++) {
            for (int sx = -reach; sx <= reach; sx++) {
                double c = 0;
                for (int y = by; y < by + size; y++) {
                    for (int x = bx; x < bx + size; x++) {
                        c += Math.abs(now[(y + sy) * w + x + sx] - rest[y * w + x]);
                    }
                }
                int k = (sy + reach) * n + sx + reach;
                cost[k] = c;
                if (c < cost[best]) {
                    best = k;
                }
            }
        }
        int ix = best % n;
        int iy = best / n;
        double fx = ix - reach + vertex(cost, iy * n + ix, 1, ix > 0 && ix < n - 1);
        double fy = iy - reach + vertex(cost, iy * n + ix, n, iy > 0 && iy < n - 1);
        return new double[] {fx, fy};
    }

    private static double vertex(double[] c, int k, int step, boolean inside) {
        if (!inside) {
            return 0;
        }
        double a = c[k - step];
        double b = c[k];
        double d = c[k + step];
        double den = a - 2 * b + d;
        return den <= 0 ? 0 : Math.max(-0.5, Math.min(0.5, 0.5 * (a - d) / den));
    }

    /** Gradient magnitude (sum of the absolute right and down differences) per pixel. */
    private static float[] edges(float[] v, int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h - 1; y++) {
            for (int x = 0; x < w - 1; x++) {
                int i = y * w + x;
                out[i] = Math.abs(v[i + 1] - v[i]) + Math.abs(v[i + w] - v[i]);
            }
        }
        return out;
    }

    /** The largest value within {@code r} pixels (a square), per pixel. */
    private static float[] nearMax(float[] v, int w, int h, int r) {
        float[] a = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float m = 0;
                for (int k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) {
                    m = Math.max(m, v[y * w + k]);
                }
                a[y * w + x] = m;
            }
        }
        float[] b = new float[w * h];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                float m = 0;
                for (int k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) {
                    m = Math.max(m, a[k * w + x]);
                }
                b[y * w + x] = m;
            }
        }
        return b;
    }

    /** Median of the non-null values' component {@code k}, NaN if none. */
    private static double median(List<double[]> v, int k) {
        double[] a = v.stream().mapToDouble(d -> d[k]).sorted().toArray();
        return a.length == 0 ? Double.NaN : a[a.length / 2];
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb + 1e-12);
    }

    @Test
    void shouldersBreatheAndFollowTheHeadWithoutTearingTheNeckOrMovingTheBackground() throws IOException {
        List<String> failures = new ArrayList<>();
        Path dir = Path.of("target", "body");
        Files.createDirectories(dir);
        for (String name : PHOTOS) {
            BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.photo(name)));
            FaceAnalysis analysis = analyzer.analyze(photo);
            // the photo's other people keep their faces still while this one breathes
            List<FaceBox> others = detector.detect(photo).stream()
                    .filter(f -> f.iou(analysis.box()) < 0.3).toList();
            double scale = Math.min(1.9, 1080.0 / photo.getHeight());
            AnimatedPlate plate = AnimatedPlate.create(photo, analysis, scale, FacePerformance.REST, others);
            int w = plate.width();
            int h = plate.height();
            FaceRig rig = plate.rig();
            FaceBox face = plate.face().orElseThrow();
            double chin = rig.restY(152);
            float[] rest = luma(plate.restBgr(), w, h);

            // Blocks of the shoulder band: textured, weighted by the body layer.
            int size = Math.max(12, (int) Math.round(face.width() / 6));
            int step = size / 2;
            List<int[]> shoulders = new ArrayList<>();
            for (int by = (int) (chin + 0.5 * face.height()); by + size < Math.min(h - 2, chin + 1.6 * face.height());
                 by += step) {
                for (int bx = (int) (face.centerX() - 2 * face.width()); bx < face.centerX() + 2 * face.width();
                     bx += step) {
                    if (plate.bodyWeight(bx + size / 2.0, by + size / 2.0) > 0.5) {
                        shoulders.add(new int[] {bx, by});
                    }
                }
            }
            int frames = 16;
            double[] breath = new double[frames];
            double[] dy = new double[frames];
            FaceControls c = new FaceControls();
            for (int k = 0; k < frames; k++) {
                double t = k * (FPS / BREATH_HZ / frames) / FPS;
                breath[k] = 0.5 - 0.5 * Math.cos(2 * Math.PI * BREATH_HZ * t);
                plate.draw(c.reset().set(FaceControl.BREATH, breath[k]));
                float[] now = luma(plate.bgr(), w, h);
                List<double[]> d = new ArrayList<>();
                for (int[] b : shoulders) {
                    double[] m = match(rest, now, w, h, b[0], b[1], size, 6);
                    if (m != null) {
                        d.add(m);
                    }
                }
                dy[k] = median(d, 1);
            }
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (double v : dy) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double swing = hi - lo;
            double corr = -correlation(dy, breath); // up (negative y) on the inhale
            byte[] inhaled;
            plate.draw(c.reset().set(FaceControl.BREATH, 1));
            inhaled = plate.bgr().clone();

            // A head turn with a tilt and a full breath: the shoulders follow sideways, the neck stays whole.
            FaceControls turn = new FaceControls().set(FaceControl.BREATH, 1).set(FaceControl.HEAD_YAW, TURN)
                    .set(FaceControl.HEAD_ROLL, TURN / 2);
            plate.draw(turn);
            byte[] turned = plate.bgr().clone();
            float[] now = luma(turned, w, h);
            List<double[]> side = new ArrayList<>();
            for (int[] b : shoulders) {
                double[] m = match(rest, now, w, h, b[0], b[1], size, 8);
                if (m != null) {
                    side.add(m);
                }
            }
            double sway = median(side, 0);
            double headTravel = rig.headShiftX(turn, new double[6]);
            // Neck band: a seam would be an edge the rest plate has nowhere near (within the motion's reach).
            int bx0 = (int) Math.max(1, face.centerX() - 1.2 * face.width());
            int bx1 = (int) Math.min(w - 2, face.centerX() + 1.2 * face.width());
            int by0 = (int) Math.max(1, chin);
            int by1 = (int) Math.min(h - 2, chin + 1.2 * face.height());
            int reach = (int) Math.ceil(0.1 * face.height()) + 2;
            float[] er = nearMax(edges(rest, w, h), w, h, reach);
            float[] et = edges(now, w, h);
            double worstStep = 0;
            int seams = 0;
            int band = 0;
            for (int y = by0; y < by1; y++) {
                for (int x = bx0; x < bx1; x++) {
                    double fresh = et[y * w + x] - er[y * w + x];
                    worstStep = Math.max(worstStep, fresh);
                    seams += fresh > NEW_EDGE ? 1 : 0;
                    band++;
                }
            }
            String where = seams + " of " + band + " px over " + NEW_EDGE;
            int rows = by1 - by0;
            // Background: nothing without body weight and outside the rig's reach may change.
            int changed = 0;
            byte[] r = plate.restBgr();
            float[] rx = new float[rig.pointCount()];
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int i = 0; i < rx.length; i++) {
                minX = Math.min(minX, rig.restX(i));
                maxX = Math.max(maxX, rig.restX(i));
                minY = Math.min(minY, rig.restY(i));
                maxY = Math.max(maxY, rig.restY(i));
            }
            double pad = 0.3 * face.width();
            // Other faces: still, unless the acting face's rig reaches them.
            int otherChanged = 0;
            for (FaceBox o : others) {
                FaceBox p = o.map(w / (double) photo.getWidth(), h / (double) photo.getHeight(), 0, 0);
                for (int y = (int) (p.y() + 0.1 * p.height()); y < p.maxY() - 0.1 * p.height() && y < h; y++) {
                    for (int x = (int) (p.x() + 0.1 * p.width()); x < p.maxX() - 0.1 * p.width() && x < w; x++) {
                        boolean nearFace = x > minX - pad && x < maxX + pad && y > minY - pad && y < maxY + pad;
                        int o3 = 3 * (y * w + x);
                        if (!nearFace && (turned[o3] != r[o3] || turned[o3 + 1] != r[o3 + 1])) {
                            otherChanged++;
                        }
                    }
                }
            }
            // Other people's bodies: the chest right below each other face (nearer that face's column than this
            // one's) keeps still; a neighbour's shoulder never breathes with this actor.
            int otherBodyChanged = 0;
            int otherBody = 0;
            for (FaceBox o : others) {
                FaceBox p = o.map(w / (double) photo.getWidth(), h / (double) photo.getHeight(), 0, 0);
                for (int y = (int) (p.maxY() + 0.4 * p.height()); y < p.maxY() + 1.2 * p.height() && y < h; y++) {
                    for (int x = (int) Math.max(0, p.centerX() - 0.4 * p.width());
                         x < p.centerX() + 0.4 * p.width() && x < w; x++) {
                        boolean nearFace = x > minX - pad && x < maxX + pad && y > minY - pad && y < maxY + pad;
                        boolean theirs = Math.abs(x - p.centerX()) / p.width()
                                < Math.abs(x - face.centerX()) / face.width() - 0.5;
                        if (nearFace || !theirs) {
                            continue;
                        }
                        otherBody++;
                        int o3 = 3 * (y * w + x);
                        if (inhaled[o3] != r[o3] || inhaled[o3 + 1] != r[o3 + 1] || inhaled[o3 + 2] != r[o3 + 2]
                                || turned[o3] != r[o3] || turned[o3 + 1] != r[o3 + 1]) {
                            otherBodyChanged++;
                        }
                    }
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean nearFace = x > minX - pad && x < maxX + pad && y > minY - pad && y < maxY + pad;
                    if (nearFace || plate.bodyWeight(x, y) > 0 || plate.bodyWeight(x - 2, y) > 0
                            || plate.bodyWeight(x + 2, y) > 0 || plate.bodyWeight(x, y - 2) > 0
                            || plate.bodyWeight(x, y + 2) > 0) {
                        continue;
                    }
                    int o = 3 * (y * w + x);
                    if (turned[o] != r[o] || turned[o + 1] != r[o + 1] || turned[o + 2] != r[o + 2]) {
                        changed++;
                    }
                }
            }
            String line = String.format(Locale.ROOT, "%s plate %dx%d face %.0f px: %d shoulder blocks, breath swing "
                            + "%.2f px (corr %.2f); head travel %.1f px, shoulders %.2f px; neck newest edge %.0f grey levels, %s "
                            + "(%d rows); background pixels changed %d; %d other faces, pixels changed %d; "
                            + "their bodies' pixels changed %d of %d", name, w, h,
                    face.height(), shoulders.size(), swing, corr, headTravel, sway, worstStep, where, rows, changed,
                    others.size(), otherChanged, otherBodyChanged, otherBody);
            LOG.info(line);
            if (shoulders.isEmpty()) {
                failures.add(name + ": no shoulder band found");
            } else {
                if (!(swing >= MIN_SWING) || !(corr >= 0.9)) {
                    failures.add(line);
                }
                if (!(Math.signum(sway) == Math.signum(headTravel) && Math.abs(sway) >= 0.05 * Math.abs(headTravel)
                        && Math.abs(sway) <= 0.4 * Math.abs(headTravel) + 0.5)) {
                    failures.add(name + ": the shoulders do not follow a little of the head: " + line);
                }
            }
            if (worstStep > NEW_EDGE || changed > 0 || otherChanged > 0 || otherBodyChanged > 0) {
                failures.add(line);
            }
            writeCrops(dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".png"), plate, face, chin, inhaled,
                    turned);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Shoulder crops: rest, inhaled, turned, and each one's difference from rest amplified 8x. */
    private static void writeCrops(Path file, AnimatedPlate plate, FaceBox face, double chin, byte[] inhaled,
                                   byte[] turned) throws IOException {
        int w = plate.width();
        int h = plate.height();
        int x0 = (int) Math.max(0, face.centerX() - 2.2 * face.width());
        int x1 = (int) Math.min(w, face.centerX() + 2.2 * face.width());
        int y0 = (int) Math.max(0, face.y());
        int y1 = (int) Math.min(h, chin + 2 * face.height());
        int cw = x1 - x0;
        int ch = y1 - y0;
        byte[][] pics = {plate.restBgr(), inhaled, turned};
        BufferedImage sheet = new BufferedImage(cw * 3, ch * 2 + 16, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = sheet.createGraphics();
        BufferedImage full = Images.fromBgr(plate.restBgr(), w, h);
        for (int k = 0; k < 3; k++) {
            BufferedImage img = Images.fromBgr(pics[k], w, h);
            g.drawImage(img.getSubimage(x0, y0, cw, ch), k * cw, 16, null);
            BufferedImage diff = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    int a = img.getRGB(x + x0, y + y0);
                    int b = full.getRGB(x + x0, y + y0);
                    int d = 0;
                    for (int s = 0; s < 24; s += 8) {
                        d = Math.max(d, Math.abs(((a >> s) & 255) - ((b >> s) & 255)));
                    }
                    int v = Math.min(255, 8 * d);
                    diff.setRGB(x, y, (v << 16) | (v << 8) | v);
                }
            }
            g.drawImage(diff, k * cw, 16 + ch, null);
        }
        g.setColor(Color.WHITE);
        g.drawString("rest | inhaled | turned " + TURN + " deg + roll, inhaled (below: |difference| x8)", 4, 12);
        g.dispose();
        ImageIO.write(sheet, "png", file.toFile());
        // The neck at 100 %: rest and turned, side by side.
        int nx0 = (int) Math.max(0, face.centerX() - 0.9 * face.width());
        int nx1 = (int) Math.min(w, face.centerX() + 0.9 * face.width());
        int ny0 = (int) Math.max(0, chin - 0.4 * face.height());
        int ny1 = (int) Math.min(h, chin + 0.9 * face.height());
        BufferedImage neck = new BufferedImage(2 * (nx1 - nx0), ny1 - ny0, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D n = neck.createGraphics();
        n.drawImage(full.getSubimage(nx0, ny0, nx1 - nx0, ny1 - ny0), 0, 0, null);
        n.drawImage(Images.fromBgr(turned, w, h).getSubimage(nx0, ny0, nx1 - nx0, ny1 - ny0), nx1 - nx0, 0, null);
        n.dispose();
        String f = file.getFileName().toString();
        ImageIO.write(neck, "png", file.resolveSibling(f.substring(0, f.length() - 4) + "-neck.png").toFile());
    }
}
