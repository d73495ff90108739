package ai.gaga.rig;

import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.FaceMesh;
import ai.gaga.face.FaceWarning;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoExpression;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The neutral rest of every animatable face of every fixture photo, checked by re-analysing the relaxed photo with
 * the real face models (detector box, mesh, iris, blendshapes): wherever the photo's lips were apart, the re-detected
 * inner-lip gap is under 0.08 inter-ocular distances (the measure of issue 12) on every face but the few listed in
 * {@link #NOT_YET_CLOSED} (warned) and down by at least 40 % on every one; a relaxed grin never reads a larger mouthSmile; and a face whose expression needs nothing is left
 * byte for byte. Writes 100 % crops of each mouth
 * before and after to target/neutral-rest/. Seen failing: with the jaw closing only the lip centre (the rig's
 * JAW_OPEN run backwards) the cheering faces kept a 0.1+ IOD gap at the sides, where the teeth still showed.
 */
class NeutralRestTest {
    private static final Path OUT = Path.of("target", "neutral-rest");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NeutralRestTest.class);
    /**
     * Open mouths not yet closed under 0.08 IOD (re-detected), warned rather than failed; every other open mouth must
     * be. Empty since the seal after the closing passes (2026-12-07): cheering #2 0.303 -> 0.024 (was 0.11: the tongue
     * under the mesh's lower lip), #4 0.302 -> 0.029 (was 0.081: a dark line with traces of teeth). Before the
     * re-read passes it listed cheering #0, #2, #3, #4, dancing #1 and family #0, #5. Tried and dropped: painting the
     * teeth the mesh counted as lip with lip colour before the warp (no better, cheering #2 worse), tucking a wide
     * mouth's lower lip further (worse on all) or less (#3 0.11, #4 0.078, but dancing #1's grin then reads stronger).
     */
    private static final java.util.Set<String> NOT_YET_CLOSED = java.util.Set.of();

    @Test
    void openMouthsCloseAndGrinsRelaxOnEveryFixtureFace() throws IOException {
        Files.createDirectories(OUT);
        List<String> table = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int closed = 0;
        int closedNow = 0;
        int relaxed = 0;
        try (TestServices services = new TestServices()) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            FaceDetector detector = new FaceDetector(services);
            for (String file : FIXTURES) {
                BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.photo(file)));
                List<FaceBox> faces = detector.detect(photo);
                for (int k = 0; k < faces.size(); k++) {
                    FaceAnalysis a = analyzer.analyze(photo, faces.get(k));
                    if (a.warnings().contains(FaceWarning.TOO_SMALL)) {
                        continue; // shown still, never rigged
                    }
                    String name = file.substring(0, file.indexOf('.')) + "#" + k;
                    long t0 = System.nanoTime();
                    FaceBox box = faces.get(k);
                    NeutralRest.Result rest = NeutralRest.of(photo, a, img -> analyzer.analyze(img, box));
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    PhotoExpression before = rest.expression();
                    if (!before.changesAnything() && !before.rightClosed() && !before.leftClosed()) {
                        assertTrue(rest.photo() == photo, name + ": a neutral face was changed");
                        table.add(String.format(Locale.ROOT, "%-34s gap %.3f smile %.2f: unchanged", name,
                                before.lipGap(), before.smile()));
                        continue;
                    }
                    FaceAnalysis after = analyzer.analyze(rest.photo(), faces.get(k));
                    double gapAfter = PhotoExpression.of(after).lipGap();
                    double smileBefore = smile(a);
                    double smileAfter = smile(after);
                    table.add(String.format(Locale.ROOT, "%-34s gap %.3f -> %.3f IOD, smile %.2f -> %.2f, "
                                    + "jawOpen %.2f -> %.2f, %d ms %s", name, before.lipGap(), gapAfter, smileBefore,
                            smileAfter, a.expression().get("jawOpen"), after.expression().get("jawOpen"), ms,
                            rest.relaxed()));
                    if (before.rightClosed() || before.leftClosed()) {
                        table.add(String.format(Locale.ROOT, "%-34s eyeBlink L %.2f -> %.2f, R %.2f -> %.2f", "",
                                a.expression().get("eyeBlinkLeft"), after.expression().get("eyeBlinkLeft"),
                                a.expression().get("eyeBlinkRight"), after.expression().get("eyeBlinkRight")));
                    }
                    crops(name, photo, rest.photo(), a.mesh());
                    if (before.closeMouth()) {
                        closed++;
                        if (gapAfter >= 0.08 && !NOT_YET_CLOSED.contains(name)) {
                            problems.add(name + ": lips " + gapAfter + " IOD apart at rest (under 0.08 wanted)");
                        } else if (gapAfter >= 0.08) {
                            LOG.warn("{}: lips still {} IOD apart at rest (known, under 0.08 wanted)", name, gapAfter);
                        }
                        if (rest.relaxed().contains(FaceWarning.MOUTH_CLOSED_POORLY) != (gapAfter >= 0.08)) {
                            problems.add(name + ": " + rest.relaxed() + " with the lips " + gapAfter + " IOD apart");
                        }
                        if (gapAfter < 0.08) {
                            closedNow++;
                        } else if (gapAfter > 0.6 * before.lipGap()) {
                            problems.add(name + ": lips still " + gapAfter + " IOD apart");
                        }
                    }
                    if (before.smile() > 0.1) {
                        relaxed++;
                        if (smileAfter >= smileBefore + 0.15) {
                            problems.add(name + ": smile not relaxed (" + smileBefore + " -> " + smileAfter + ")");
                        }
                    }
                }
            }
        }
        String report = String.join("\n", table);
        System.out.println("Neutral rest per fixture face:\n" + report);
        Files.writeString(OUT.resolve("report.txt"), report + "\n");
        assertTrue(closed >= 3, "too few open mouths among the fixtures to test: " + closed + "\n" + report);
        assertTrue(relaxed >= 3, "too few grins among the fixtures to test: " + relaxed + "\n" + report);
        assertTrue(problems.isEmpty(), problems + "\n" + report);
        // Every open mouth: 16 of 16 since the seal (14 of 16 before it: cheering #2 and #4).
        assertTrue(closedNow == closed, closedNow + " of " + closed + " open mouths closed\n" + report);
    }

    /**
     * A mouth that the face models keep reading open however it is closed (here: a re-reader that always returns the
     * open photo's analysis) is said to be closed poorly; one that re-reads closed is not.
     */
    @Test
    void aMouthThatStillReadsOpenIsWarnedAbout() {
        try (TestServices services = new TestServices()) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.astronaut()));
            FaceAnalysis a = analyzer.analyze(photo);
            assertTrue(PhotoExpression.of(a).lipGap() >= 0.08, "the astronaut's mouth should be open");
            NeutralRest.Result stuck = NeutralRest.of(photo, a, img -> a);
            assertTrue(stuck.relaxed().contains(FaceWarning.MOUTH_CLOSED_POORLY), stuck.relaxed().toString());
            NeutralRest.Result closed = NeutralRest.of(photo, a, img -> analyzer.analyze(img, a.box()));
            assertTrue(closed.relaxed().contains(FaceWarning.MOUTH_CLOSED_AT_REST), closed.relaxed().toString());
            assertTrue(!closed.relaxed().contains(FaceWarning.MOUTH_CLOSED_POORLY), closed.relaxed().toString());
        }
    }

    private static double smile(FaceAnalysis a) {
        return (a.expression().get("mouthSmileLeft") + a.expression().get("mouthSmileRight")) / 2;
    }

    /** 100 % crops of the mouth and the eyes, before | after side by side. */
    private static void crops(String name, BufferedImage before, BufferedImage after, FaceMesh m)
            throws IOException {
        double iod = m.interOcularDistance();
        FaceBox.Point mouth = m.centroid(FaceMesh.LIPS_OUTER);
        write(name + ".mouth.png", before, after, mouth.x(), mouth.y() + 0.1 * iod, 0.8 * iod, 0.55 * iod);
        double ex = (m.rightEyeCenter().x() + m.leftEyeCenter().x()) / 2;
        double ey = (m.rightEyeCenter().y() + m.leftEyeCenter().y()) / 2;
        write(name + ".eyes.png", before, after, ex, ey - 0.1 * iod, 1.0 * iod, 0.4 * iod);
    }

    private static void write(String file, BufferedImage a, BufferedImage b, double cx, double cy, double hw,
                              double hh) throws IOException {
        int x0 = (int) Math.max(0, cx - hw);
        int y0 = (int) Math.max(0, cy - hh);
        int x1 = (int) Math.min(a.getWidth(), cx + hw);
        int y1 = (int) Math.min(a.getHeight(), cy + hh);
        int w = x1 - x0;
        int h = y1 - y0;
        if (w <= 0 || h <= 0) {
            return;
        }
        BufferedImage out = new BufferedImage(2 * w + 2, h, BufferedImage.TYPE_3BYTE_BGR);
        out.getGraphics().drawImage(a.getSubimage(x0, y0, w, h), 0, 0, null);
        out.getGraphics().drawImage(b.getSubimage(x0, y0, w, h), w + 2, 0, null);
        ImageIO.write(out, "png", OUT.resolve(file).toFile());
    }

    private static final String[] FIXTURES = {"grace_hopper_512x512.jpg", "astronaut.png",
        "pexels_man_looking_away.jpg", "pexels_group_three.jpg", "pexels_family_smiles.jpg",
        "pexels_cheering_full_body.jpg", "pexels_dancing_eyes_closed.jpg", "pexels_selfie_squint.jpg"};
}
