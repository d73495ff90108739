package ai.gaga.face;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sunglasses and masks painted on the fixture portraits, where the analysis of the originals knows the eyes and mouth
 * are: the occluded photos must warn, the originals must not. The logged measures are where the thresholds in
 * {@link Occlusion} come from.
 */
public class OcclusionTest {
    private static final Logger LOG = LoggerFactory.getLogger(OcclusionTest.class);
    private static TestServices services;
    private static FaceAnalyzer analyzer;
    private static final Map<String, FaceAnalysis> ORIGINAL = new HashMap<>();

    @BeforeAll
    static void setUp() {
        services = new TestServices();
        analyzer = new FaceAnalyzer(services);
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    /** A fixture photo (grace, astronaut) as BGR. */
    public static BufferedImage photo(String name) {
        return Images.toBgr(PhotoLoader.load(FaceMeshModelTest.photo(name)));
    }

    private static FaceAnalysis original(String name) {
        return ORIGINAL.computeIfAbsent(name, n -> analyzer.analyze(photo(n)));
    }

    /** Dark lenses over both eyes and a bridge between them, drawn from the original's mesh. */
    public static BufferedImage withSunglasses(String name, FaceAnalysis a) {
        BufferedImage img = Images.copy(photo(name));
        FaceMesh m = a.mesh();
        double iod = m.interOcularDistance();
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(18, 20, 24));
        for (FaceBox.Point c : new FaceBox.Point[] {m.rightEyeCenter(), m.leftEyeCenter()}) {
            double w = 0.8 * iod;
            double h = 0.5 * iod;
            g.fill(new Ellipse2D.Double(c.x() - w / 2, c.y() - h / 2, w, h));
        }
        g.setStroke(new java.awt.BasicStroke((float) (0.06 * iod)));
        g.drawLine((int) m.rightEyeCenter().x(), (int) m.rightEyeCenter().y(), (int) m.leftEyeCenter().x(),
                (int) m.leftEyeCenter().y());
        g.dispose();
        return img;
    }

    /** An opaque, uniform surgical-mask patch from just under the nose to below the chin, jaw side to jaw side. */
    public static BufferedImage withMask(String name, FaceAnalysis a, Color colour) {
        return withMask(photo(name), a, colour);
    }

    /** {@link #withMask(String, FaceAnalysis, Color)} on any photo. */
    static BufferedImage withMask(BufferedImage photo, FaceAnalysis a, Color colour) {
        BufferedImage img = Images.copy(photo);
        FaceMesh m = a.mesh();
        double iod = m.interOcularDistance();
        double top = m.get(2).y() + 0.05 * iod; // below the nose base
        double bottom = m.get(152).y() + 0.15 * iod;
        double left = m.get(132).x();
        double right = m.get(361).x();
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(colour);
        g.fill(new RoundRectangle2D.Double(left, top, right - left, bottom - top, 0.4 * iod, 0.4 * iod));
        g.dispose();
        return img;
    }

    /**
     * A hand-like cover: a patch of the photo's own lower cheek (beside the mouth, as far from the lips as the nose),
     * enlarged over the mouth from under the nose to below the lower lip, a little wider than the lips: skin-coloured,
     * as red as the skin, and smooth.
     */
    static BufferedImage withCheekOverMouth(BufferedImage photo, FaceMesh m) {
        BufferedImage img = Images.copy(photo);
        double iod = m.interOcularDistance();
        FaceMesh.Landmark c = m.get(205);
        int s = (int) Math.max(4, 0.25 * iod);
        BufferedImage cheek = Images.copy(photo.getSubimage((int) (c.x() - s / 2.0), (int) (c.y() - s / 2.0), s, s));
        double x0 = m.get(61).x() - 0.3 * iod;
        double x1 = m.get(291).x() + 0.3 * iod;
        double y0 = m.get(2).y() + 0.05 * iod;
        double y1 = m.get(17).y() + 0.25 * iod;
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(cheek, (int) x0, (int) y0, (int) (x1 - x0), (int) (y1 - y0), null);
        g.dispose();
        return img;
    }

    /**
     * Bearded and moustached fixture faces (the hair over and around the lips is less red than the skin: redness
     * loss 0.064-0.072, over the 0.035 that reads a cover) show their mouths; the same faces with their own cheek or
     * a grey mask over the mouth do not. Seen failing before the lips' grain was measured: all three read covered, so
     * they spoke at x0.35 mouth motion (render sync 0.25-0.41).
     */
    @ParameterizedTest
    @CsvSource({"pexels_family_smiles.jpg, 0", "pexels_family_smiles.jpg, 5", "pexels_cheering_full_body.jpg, 3"})
    void aBeardIsNoCoverButAHandOverItIs(String file, int index) {
        BufferedImage photo = Images.toBgr(PhotoLoader.load(ai.gaga.testing.Fixtures.photo(file)));
        List<FaceBox> faces = new FaceDetector(services).detect(photo);
        FaceBox box = faces.get(index);
        FaceAnalysis a = analyzer.analyze(photo, box);
        Occlusion o = Occlusion.measure(photo, a.mesh());
        LOG.info("{} #{} beard: {}", file, index, o);
        assertTrue(o.lipRednessLoss() > Occlusion.COVERED_REDNESS_LOSS, "not the bearded case any more: " + o);
        assertTrue(o.bearded(), o.toString());
        assertFalse(a.warnings().contains(FaceWarning.MOUTH_OCCLUDED), o.toString());
        // Nor once the lips are closed for the neutral rest, on the face as a single-face render frames it (the face
        // with a margin of its own size, as NeutralRestRenderTest crops it): the re-read rest, whose warped beard is
        // smoother than the photo's, keeps the photo's verdict, so the actor speaks with full mouth motion. Seen
        // failing: family #0's re-read rest 1.38 times the skin's grain, covered, mouth motion x0.35.
        double side = Math.max(box.width(), box.height()) * 2.6;
        int x0 = (int) Math.max(0, box.centerX() - side / 2);
        int y0 = (int) Math.max(0, box.centerY() - side / 2);
        BufferedImage crop = Images.copy(photo.getSubimage(x0, y0,
                (int) Math.min(photo.getWidth(), box.centerX() + side / 2) - x0,
                (int) Math.min(photo.getHeight(), box.centerY() + side / 2) - y0));
        FaceBox cropBox = new FaceDetector(services).detect(crop).get(0);
        FaceAnalysis cropped = analyzer.analyze(crop, cropBox);
        assertFalse(cropped.warnings().contains(FaceWarning.MOUTH_OCCLUDED), cropped.warnings().toString());
        ai.gaga.rig.NeutralRest.Result rest = ai.gaga.rig.NeutralRest.of(crop, cropped,
                img -> analyzer.analyze(img, cropBox));
        assertFalse(rest.analysis().warnings().contains(FaceWarning.MOUTH_OCCLUDED),
                "the rest reads covered: " + Occlusion.measure(rest.photo(), rest.analysis().mesh()));

        BufferedImage hand = withCheekOverMouth(photo, a.mesh());
        FaceAnalysis h = analyzer.analyze(hand, box);
        Occlusion oh = Occlusion.measure(hand, h.mesh());
        LOG.info("{} #{} cheek over the mouth: {}", file, index, oh);
        assertTrue(h.warnings().contains(FaceWarning.MOUTH_OCCLUDED), "cheek over the mouth: " + oh);
        ai.gaga.rig.NeutralRest.Result handRest = ai.gaga.rig.NeutralRest.of(hand, h,
                img -> analyzer.analyze(img, box));
        assertTrue(handRest.analysis().warnings().contains(FaceWarning.MOUTH_OCCLUDED), "the covered rest: " + oh);

        BufferedImage mask = withMask(photo, a, new Color(150, 152, 156));
        FaceAnalysis m = analyzer.analyze(mask, box);
        Occlusion om = Occlusion.measure(mask, m.mesh());
        LOG.info("{} #{} grey mask: {}", file, index, om);
        assertTrue(m.warnings().contains(FaceWarning.MOUTH_OCCLUDED), "grey mask: " + om);
    }

    /** A patch of their own cheek over the mouth of the portraits (no beard) covers it too. */
    @ParameterizedTest
    @ValueSource(strings = {"grace", "astronaut"})
    void theirOwnCheekOverTheMouthCoversIt(String name) {
        BufferedImage img = withCheekOverMouth(photo(name), original(name).mesh());
        FaceAnalysis a = analyzer.analyze(img);
        Occlusion o = Occlusion.measure(img, a.mesh());
        LOG.info("{} cheek over the mouth: {}", name, o);
        assertTrue(a.warnings().contains(FaceWarning.MOUTH_OCCLUDED), o.toString());
        assertFalse(a.warnings().contains(FaceWarning.EYES_HIDDEN), o.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"grace", "astronaut"})
    void originalsShowTheirEyesAndMouths(String name) {
        FaceAnalysis a = original(name);
        Occlusion o = Occlusion.measure(photo(name), a.mesh());
        LOG.info("{} original: {}", name, o);
        assertFalse(a.warnings().contains(FaceWarning.EYES_HIDDEN), o.toString());
        assertFalse(a.warnings().contains(FaceWarning.MOUTH_OCCLUDED), o.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"grace", "astronaut"})
    void sunglassesHideTheEyes(String name) {
        BufferedImage img = withSunglasses(name, original(name));
        FaceAnalysis a = analyzer.analyze(img);
        Occlusion o = Occlusion.measure(img, a.mesh());
        LOG.info("{} sunglasses: {}, warnings {}", name, o, a.warnings());
        assertTrue(a.warnings().contains(FaceWarning.EYES_HIDDEN), o.toString());
        assertFalse(a.warnings().contains(FaceWarning.MOUTH_OCCLUDED), o.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"grace", "astronaut"})
    void aMaskCoversTheMouth(String name) {
        for (Color c : new Color[] {new Color(140, 180, 205), new Color(150, 152, 156)}) {
            BufferedImage img = withMask(name, original(name), c);
            FaceAnalysis a = analyzer.analyze(img);
            Occlusion o = Occlusion.measure(img, a.mesh());
            LOG.info("{} mask {}: {}, warnings {}", name, c, o, a.warnings());
            assertTrue(a.warnings().contains(FaceWarning.MOUTH_OCCLUDED), c + ": " + o);
            assertFalse(a.warnings().contains(FaceWarning.EYES_HIDDEN), c + ": " + o);
        }
    }
}
