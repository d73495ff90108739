package ai.gaga.face;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
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
        BufferedImage img = Images.copy(photo(name));
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
