package ai.gaga.evaluate;

import ai.gaga.Gaga;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoLoader;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Rest;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open-mouthed and grinning fixture faces (single-face crops of the fixture photos) rendered with the photo's own
 * expression as the rest ({@link Rest#AS_PHOTOGRAPHED}, "before") and with the neutral rest (the default, "after"),
 * each measured on the MP4 by the evaluator (face and mouth re-detected per frame): the fraction of frames inside
 * silences of at least 300 ms whose inner-lip gap is under 0.08 inter-ocular distances rises on every face, to at
 * least 75 % on each and 90 % on most (not yet 90 % on all), and lip sync (sync >= 0.5, |offset| <= 1 frame) holds
 * on most. Low resolution and a short scene keep it to about two minutes.
 * Seen failing: before the neutral rest every one of these faces kept its mouth open through the pause (0-10 % of
 * the silent frames closed, the "before" column of the log).
 */
class NeutralRestRenderTest {
    private static final Logger LOG = LoggerFactory.getLogger(NeutralRestRenderTest.class);
    /** Fixture photo and the face's index in the detector's order (as in NeutralRestTest). */
    private static final Object[][] FACES = {{"astronaut.png", 0}, {"pexels_family_smiles.jpg", 3},
        {"pexels_family_smiles.jpg", 6}, {"pexels_cheering_full_body.jpg", 1}};
    private static final String[] EVERY_PHOTO = {"grace_hopper_512x512.jpg", "astronaut.png",
        "pexels_man_looking_away.jpg", "pexels_group_three.jpg", "pexels_family_smiles.jpg",
        "pexels_cheering_full_body.jpg", "pexels_dancing_eyes_closed.jpg", "pexels_selfie_squint.jpg"};
    /** Narrower faces are shown still (too small to animate), so there is no mouth to close. */
    private static final double MIN_FACE = 40;
    private static final double CLOSED_SHARE = 0.9;
    private static final double SYNC = 0.5;
    /**
     * Faces still short of the measures, with what is short: the crops' rows that may fail. Measured
     * 2026-12-07 (640x360, libopenh264), closed in silences / sync: dancing #1 100 % / 0.29 (0.33-0.63 in earlier
     * runs: its sync swings with small changes to the sealed rest). Re-reading the closed mouth with the face models
     * and closing again (NeutralRest) took man looking away #0 (100 %, 0.57), cheering #0 (0 -> 100 %, 0.47 -> 0.67)
     * and the closure of family #0 (8 -> 100 %), cheering #3 (5 -> 100 %) and dancing #1 (0 -> 100 %) off this list;
     * single-face crops took family #4 and #6 (sync 0.07 -> 0.64 and 0.66: a neighbour had been acted and another
     * face measured); the beard-aware Occlusion (the lips' grain; the re-read rest keeping the photo's verdict) and a
     * rest closed to 0.04 IOD took family #0 (a beard: 100 % / 0.29 -> 100 % / 0.69) and cheering #3 (a moustache
     * over teeth: 100 % / 0.25, offset -9 -> 100 % / 0.71, offset 0): both had read covered and moved at x0.35.
     * Sealing the lips that still re-read apart after the closing passes (NeutralRest) took cheering #1 (68 -> 100 %,
     * sync 0.58 -> 0.65; it had fallen from 100 % with the photographic eyelids), #2 (0 -> 100 %, offset -2 -> 0, sync
     * 0.41 -> 0.68) and #4 (0 -> 100 %, sync 0.73 -> 0.63) off this list. The jaw's hinge measured on the frontalised
     * face (FaceRig: on a three-quarter view the far hinge, seen close to the mouth, held the lower lip at 0.6 of its
     * opening) took dancing #1 off it (100 % / 0.14 -> 100 % / 0.59): the list is empty, every face must meet both.
     */
    private static final List<String> KNOWN = List.of();
    /**
     * For iterating on a few faces: {@code -Dgaga.faces=pexels_family_smiles-0.png,...} renders only those crops (the
     * table then lists only them). Unset (the default), every face is rendered and measured.
     */
    private static final List<String> ONLY = java.util.Arrays.stream(System.getProperty("gaga.faces", "").split(","))
            .map(String::trim).filter(f -> !f.isEmpty()).toList();
    static Gaga gaga;
    static ClipEvaluator evaluator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        gaga = Gaga.builder().models(Fixtures.modelStore()).build();
        evaluator = ClipEvaluator.open(Fixtures.modelDir());
    }

    @AfterAll
    static void stop() {
        evaluator.close();
        gaga.close();
    }

    @Test
    void theLipsMeetInSilencesOnOpenMouthedPhotos() throws Exception {
        List<String> table = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int fullyClosed = 0;
        int synced = 0;
        try (Services services = new Services()) {
            FaceDetector detector = new FaceDetector(services);
            for (Object[] f : FACES) {
                String file = (String) f[0];
                int index = (Integer) f[1];
                BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.photo(file)));
                List<FaceBox> faces = detector.detect(photo);
                FaceBox box = faces.get(index);
                Path crop = dir.resolve(file.replaceFirst("\\..*", "") + "-" + index + ".png");
                ImageIO.write(crop(photo, box, faces), "png", crop.toFile());
                double[] before = measure(crop, Rest.AS_PHOTOGRAPHED);
                double[] after = measure(crop, Rest.NEUTRAL);
                String row = String.format(Locale.ROOT, "%-36s closed in silences %.0f%% -> %.0f%% (%d frames), "
                                + "A/V offset %+.0f -> %+.0f frames, sync %.2f -> %.2f", crop.getFileName(),
                        100 * before[0], 100 * after[0], (int) after[3], before[1], after[1], before[2], after[2]);
                table.add(row);
                fullyClosed += after[0] >= 0.9 ? 1 : 0;
                synced += after[2] >= 0.5 && Math.abs(after[1]) <= 1 ? 1 : 0;
                // A face listed as short of the measures (KNOWN) must still close more than as photographed.
                boolean known = KNOWN.contains(crop.getFileName().toString());
                if ((after[0] < 0.75 && !known) || after[0] < before[0]) {
                    problems.add("mouth open in silences: " + row);
                }
                if (after[2] >= 0.3 && Math.abs(after[1]) > 1) {
                    problems.add("A/V offset: " + row);
                }
            }
        }
        LOG.info("Neutral rest, measured on renders:\n{}", String.join("\n", table));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "neutral-rest-renders.txt"), String.join("\n", table) + "\n");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // Measured 2026-12-07 (640x360, libopenh264), closed in silences before -> after: astronaut 0 -> 80 %,
        // family #3 0 -> 100 %, family #6 88 -> 100 %, cheering #1 0 -> 88 %; sync 0.38/0.15/-0.01/0.31 ->
        // 0.69/0.73/-0.03/0.71 (family #6's small face: the evaluator reads no lip motion either way).
        String all = String.join("\n", table);
        assertTrue(fullyClosed >= 2, fullyClosed + " faces closed in 90 % of the silences\n" + all);
        assertTrue(synced >= 3, synced + " faces in sync (>= 0.5, offset <= 1 frame)\n" + all);
    }

    /** Every face of every fixture photo big enough to act, with the neutral rest: closure in silences and sync. */
    @Test
    void everyFixtureFaceClosesItsMouthAndKeepsSync() throws Exception {
        List<String> table = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Services services = new Services()) {
            FaceDetector detector = new FaceDetector(services);
            for (String file : EVERY_PHOTO) {
                BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.photo(file)));
                List<FaceBox> faces = detector.detect(photo);
                for (int index = 0; index < faces.size(); index++) {
                    FaceBox box = faces.get(index);
                    if (box.width() < MIN_FACE) {
                        table.add(String.format(Locale.ROOT, "%s #%d: %.0f px wide, shown still (not measured)",
                                file, index, box.width()));
                        continue;
                    }
                    Path crop = dir.resolve(file.replaceFirst("\\..*", "") + "-" + index + ".png");
                    if (!ONLY.isEmpty() && !ONLY.contains(crop.getFileName().toString())) {
                        continue;
                    }
                    BufferedImage cropped = crop(photo, box, faces);
                    ImageIO.write(cropped, "png", crop.toFile());
                    double[] m = measure(crop, Rest.NEUTRAL);
                    String row = String.format(Locale.ROOT, "%-36s closed in silences %3.0f%% (%d frames), "
                            + "A/V offset %+.0f frames, sync %.2f", crop.getFileName(), 100 * m[0], (int) m[3],
                            m[1], m[2]);
                    table.add(row);
                    if (VARIANTS) { // reported, not asserted: how the face fares made harder
                        for (String v : List.of("mirror", "rot15", "dark", "bright", "small")) {
                            Path vp = dir.resolve(crop.getFileName().toString().replace(".png", "-" + v + ".png"));
                            ImageIO.write(variant(cropped, v), "png", vp.toFile());
                            double[] vm = measure(vp, Rest.NEUTRAL);
                            table.add(String.format(Locale.ROOT, "  %-34s closed in silences %3.0f%% (%d frames), "
                                    + "A/V offset %+.0f frames, sync %.2f%s", v, 100 * vm[0], (int) vm[3], vm[1],
                                    vm[2], vm[0] < CLOSED_SHARE || vm[2] < SYNC || Math.abs(vm[1]) > 1
                                            ? "  <-- short" : ""));
                        }
                    }
                    if (m[0] < CLOSED_SHARE) {
                        problems.add("mouth open in silences: " + row);
                    }
                    if (m[2] < SYNC || Math.abs(m[1]) > 1) {
                        problems.add("lip sync: " + row);
                    }
                }
            }
        }
        LOG.info("Every fixture face, neutral rest, measured on renders:\n{}", String.join("\n", table));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "every-face-renders.txt"), String.join("\n", table) + "\n");
        List<String> unexpected = problems.stream().filter(p -> KNOWN.stream().noneMatch(p::contains)).toList();
        LOG.info("Short of the issue's measures (known: {}):\n{}", KNOWN, String.join("\n", problems));
        assertTrue(unexpected.isEmpty(), "Faces newly short of the measures:\n" + String.join("\n", unexpected)
                + "\n\nAll faces:\n" + String.join("\n", table));
    }

    /**
     * With {@code -Dgaga.variants=true}, each face is also rendered from harder copies of its crop (mirrored, turned
     * 15 degrees, darkened to 45 % and brightened by 35 % with gamma, shrunk to 60 %): reported in the table, not
     * asserted.
     */
    private static final boolean VARIANTS = Boolean.getBoolean("gaga.variants");

    /** A harder copy of a face crop (see {@link #VARIANTS}). */
    private static BufferedImage variant(BufferedImage img, String how) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (how.equals("small")) {
            int sw = Math.max(1, (int) Math.round(w * 0.6));
            int sh = Math.max(1, (int) Math.round(h * 0.6));
            BufferedImage out = new BufferedImage(sw, sh, BufferedImage.TYPE_3BYTE_BGR);
            java.awt.Graphics2D g = out.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(img, 0, 0, sw, sh, null);
            g.dispose();
            return out;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        if (how.equals("mirror")) {
            g.drawImage(img, w, 0, -w, h, null);
        } else if (how.equals("rot15")) {
            g.setColor(new java.awt.Color(img.getRGB(0, 0)));
            g.fillRect(0, 0, w, h);
            g.rotate(Math.toRadians(15), w / 2.0, h / 2.0);
            g.drawImage(img, 0, 0, null);
        } else {
            g.drawImage(img, 0, 0, null);
        }
        g.dispose();
        if (how.equals("dark") || how.equals("bright")) {
            byte[] px = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < px.length; i++) {
                double v = (px[i] & 0xFF) / 255.0;
                v = how.equals("dark") ? 0.45 * v : Math.min(1, 1.35 * Math.pow(v, 0.8));
                px[i] = (byte) Math.round(255 * v);
            }
        }
        return out;
    }

    /** Closed fraction in long silences, A/V offset, sync score, silent frames counted. */
    private double[] measure(Path photo, Rest rest) throws java.io.IOException {
        Scene scene = Scene.builder().actor("actor", photo).rest(rest)
                .says("Hello there, it is good to see you again.").pause(Duration.ofMillis(1400))
                .says("I came as soon as I could.").resolution(Resolution.parse("640x360"))
                .maxDuration(Duration.ofSeconds(30)).build();
        Path out = dir.resolve(photo.getFileName() + "-" + rest + ".mp4");
        gaga.render(scene, out);
        if (!System.getProperty("gaga.renders", "").isEmpty()) { // kept to look at (e.g. target/renders)
            Path keep = Path.of(System.getProperty("gaga.renders"));
            Files.createDirectories(keep);
            Files.copy(out, keep.resolve(out.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ClipReport r = evaluator.evaluate(out);
        double[] env = r.audioEnvelope();
        double[] ap = r.apertures();
        boolean[] silent = Metrics.longSilences(env, r.silenceLevel(), 0.3 * r.fps(),
                EvaluationOptions.defaults().silenceGuardFrames());
        int counted = 0;
        int closed = 0;
        for (int i = 0; i < ap.length && i < silent.length; i++) {
            if (silent[i] && Double.isFinite(ap[i])) {
                counted++;
                closed += ap[i] < 0.08 ? 1 : 0;
            }
        }
        if (!System.getProperty("gaga.renders", "").isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ap.length && i < silent.length; i++) {
                sb.append(String.format(Locale.ROOT, silent[i] ? "[%d:%.3f]" : "%d:%.3f", i, ap[i])).append(' ');
            }
            LOG.info("{} apertures (silent in brackets): {}", photo.getFileName(), sb);
        }
        assertTrue(counted >= 10, photo + ": the pause was not measured (" + counted + " silent frames)");
        return new double[] {closed / (double) counted, r.avOffsetFrames(), r.syncScore(), counted};
    }

    /** Offline fixture models, CPU sessions. */
    static final class Services implements ai.gaga.spi.ServiceContext, AutoCloseable {
        private final ai.gaga.models.ModelStore models = Fixtures.modelStore();
        private final ai.gaga.onnx.OnnxSessions onnx = new ai.gaga.onnx.OnnxSessions(
                ai.gaga.onnx.ExecutionDevice.CPU, 2);

        @Override
        public ai.gaga.models.ModelStore models() {
            return models;
        }

        @Override
        public ai.gaga.onnx.OnnxSessions onnx() {
            return onnx;
        }

        @Override
        public ai.gaga.GagaSettings settings() {
            return ai.gaga.GagaSettings.defaults();
        }

        @Override
        public void close() {
            onnx.close();
        }
    }

    /** The face with a margin of its own size around it (other faces in it left as they are). */
    static BufferedImage crop(BufferedImage photo, FaceBox box) {
        return crop(photo, box, List.of(box));
    }

    /**
     * The face with a margin of its own size around it, at least 256 px: a single-face photo. Other faces that reach
     * into it are painted over with their mean colour (outside the face's own box), so that the renderer (which acts
     * the largest face) and the evaluator (which follows the largest face) both take the face measured. Seen failing
     * without: family #4's and #6's crops acted a larger neighbour cut by the crop's edge while the evaluator followed
     * another face, and read sync 0.07.
     */
    static BufferedImage crop(BufferedImage photo, FaceBox box, List<FaceBox> faces) {
        double side = Math.max(box.width(), box.height()) * 2.6;
        int x0 = (int) Math.max(0, box.centerX() - side / 2);
        int y0 = (int) Math.max(0, box.centerY() - side / 2);
        int x1 = (int) Math.min(photo.getWidth(), box.centerX() + side / 2);
        int y1 = (int) Math.min(photo.getHeight(), box.centerY() + side / 2);
        BufferedImage out = Images.copy(photo.getSubimage(x0, y0, x1 - x0, y1 - y0));
        for (FaceBox other : faces) {
            if (other.equals(box)) {
                continue;
            }
            blank(out, other, box, x0, y0);
        }
        return out;
    }

    /** Paints {@code other} (grown by a fifth, photo coordinates) flat, except inside {@code keep} (grown by 10 %). */
    private static void blank(BufferedImage img, FaceBox other, FaceBox keep, int x0, int y0) {
        double ow = other.width() * 0.6;
        double oh = other.height() * 0.6;
        double kw = keep.width() * 0.55;
        double kh = keep.height() * 0.55;
        int ax = (int) Math.max(0, other.centerX() - ow - x0);
        int ay = (int) Math.max(0, other.centerY() - oh - y0);
        int bx = (int) Math.min(img.getWidth(), other.centerX() + ow - x0);
        int by = (int) Math.min(img.getHeight(), other.centerY() + oh - y0);
        long[] sum = new long[3];
        int count = 0;
        for (int pass = 0; pass < 2; pass++) {
            int mean = count == 0 ? 0 : (int) (sum[0] / count) << 16 | (int) (sum[1] / count) << 8
                    | (int) (sum[2] / count);
            for (int y = ay; y < by; y++) {
                for (int x = ax; x < bx; x++) {
                    if (Math.abs(x + x0 - keep.centerX()) < kw && Math.abs(y + y0 - keep.centerY()) < kh) {
                        continue;
                    }
                    if (pass == 0) {
                        int rgb = img.getRGB(x, y);
                        sum[0] += rgb >> 16 & 0xFF;
                        sum[1] += rgb >> 8 & 0xFF;
                        sum[2] += rgb & 0xFF;
                        count++;
                    } else {
                        img.setRGB(x, y, mean);
                    }
                }
            }
        }
    }
}
