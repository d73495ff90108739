package ai.gaga.face;

import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrisAndBlendshapeTest {
    private static final Logger LOG = LoggerFactory.getLogger(IrisAndBlendshapeTest.class);

    private static TestServices services;
    private static FaceDetector detector;
    private static FaceMeshModel mesh;
    private static IrisModel iris;
    private static BlendshapeModel blend;

    @BeforeAll
    static void setUp() {
        services = new TestServices();
        detector = new FaceDetector(services);
        mesh = FaceMeshModel.create(services);
        iris = IrisModel.create(services);
        blend = BlendshapeModel.create(services);
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    private static Landmarks478 landmarks(BufferedImage img) {
        FaceMesh m = mesh.run(img, detector.largest(img).orElseThrow());
        iris.refine(img, m); // warm-up
        long t0 = System.nanoTime();
        Landmarks478 l = iris.refine(img, m);
        LOG.info("iris (both eyes) {} ms", (System.nanoTime() - t0) / 1e6);
        return l;
    }

    private static boolean inside(List<FaceMesh.Landmark> ring, FaceBox.Point p) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(ring.get(0).x(), ring.get(0).y());
        for (FaceMesh.Landmark q : ring) {
            path.lineTo(q.x(), q.y());
        }
        path.closePath();
        return path.contains(p.x(), p.y());
    }

    @ParameterizedTest
    @ValueSource(strings = {"grace", "astronaut"})
    void irisCentresLieInsideTheRefinedEyeContours(String name) {
        BufferedImage img = PhotoLoader.load(FaceMeshModelTest.photo(name));
        Landmarks478 l = landmarks(img);
        assertEquals(478, l.points().size());
        FaceMesh refined = l.mesh(1);
        FaceBox.Point ri = l.get(Landmarks478.RIGHT_IRIS_CENTER).xy();
        FaceBox.Point li = l.get(Landmarks478.LEFT_IRIS_CENTER).xy();
        LOG.info("{}: iris R {} L {}", name, ri, li);
        assertTrue(inside(refined.region(FaceMesh.RIGHT_EYE), ri), "right iris outside its eye: " + ri);
        assertTrue(inside(refined.region(FaceMesh.LEFT_EYE), li), "left iris outside its eye: " + li);
        assertTrue(ri.x() < li.x(), "right iris should be on the image's left");
        // Contour point 0 replaces the outer corner (33 / 263) and point 8 the inner one (133 / 362): a wrongly
        // mirrored eye would swap them, moving each corner by a whole eye width.
        FaceMesh raw = mesh.run(img, detector.largest(img).orElseThrow());
        double tol = 0.12 * raw.interOcularDistance();
        for (int i : new int[] {33, 133, 263, 362}) {
            double d = Math.hypot(refined.get(i).x() - raw.get(i).x(), refined.get(i).y() - raw.get(i).y());
            assertTrue(d < tol, "eye corner " + i + " moved " + d + " px in refinement");
        }
    }

    @Test
    void graceHopperRestsWithAClosedMouth() {
        BufferedImage img = PhotoLoader.load(Fixtures.graceHopper());
        Landmarks478 l = landmarks(img);
        blend.run(l);
        long t0 = System.nanoTime();
        Blendshapes b = blend.run(l);
        LOG.info("blendshapes {} ms: {}", (System.nanoTime() - t0) / 1e6, b);
        assertTrue(b.get(Blendshapes.Name.jawOpen) < 0.2, "jawOpen " + b.get("jawOpen"));
        assertTrue(b.get("mouthSmileLeft") < 0.6 && b.get("mouthSmileRight") < 0.6, b.toString());
        assertTrue(b.get("eyeBlinkLeft") < 0.5 && b.get("eyeBlinkRight") < 0.5, "eyes are open: " + b);
    }
}
