package ai.gaga.face;

import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FaceMeshModelTest {
    private static final Logger LOG = LoggerFactory.getLogger(FaceMeshModelTest.class);

    private static TestServices services;
    private static FaceDetector detector;
    private static FaceMeshModel mesh;

    @BeforeAll
    static void setUp() {
        services = new TestServices();
        detector = new FaceDetector(services);
        mesh = FaceMeshModel.create(services);
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    static Path photo(String name) {
        return name.equals("grace") ? Fixtures.graceHopper() : Fixtures.astronaut();
    }

    @ParameterizedTest
    @ValueSource(strings = {"grace", "astronaut"})
    void meshLiesOnTheDetectedFaceWithEyesNoseAndLipsInPlace(String name) {
        BufferedImage img = PhotoLoader.load(photo(name));
        FaceBox box = detector.largest(img).orElseThrow();
        mesh.run(img, box); // warm-up
        long t0 = System.nanoTime();
        FaceMesh m = mesh.run(img, box);
        LOG.info("{}: face mesh {} ms, presence {}", name, (System.nanoTime() - t0) / 1e6, m.presence());
        assertTrue(m.presence() > 0.5, "presence " + m.presence());
        double margin = 0.15 * box.width();
        for (FaceMesh.Landmark p : m.points()) {
            assertTrue(p.x() > box.x() - margin && p.x() < box.maxX() + margin
                    && p.y() > box.y() - 2 * margin && p.y() < box.maxY() + margin, "point off the face " + p + " " + box);
        }
        FaceBox.Point re = m.rightEyeCenter();
        FaceBox.Point le = m.leftEyeCenter();
        FaceMesh.Landmark nose = m.get(FaceMesh.NOSE_TIP);
        assertTrue(re.x() < nose.x() && nose.x() < le.x(), "nose not between the eyes");
        assertTrue(nose.y() > Math.max(re.y(), le.y()), "nose not below the eyes");
        double tol = 0.1 * m.interOcularDistance();
        assertTrue(Math.hypot(re.x() - box.rightEye().x(), re.y() - box.rightEye().y()) < tol,
                "right eye " + re + " vs " + box.rightEye());
        assertTrue(Math.hypot(le.x() - box.leftEye().x(), le.y() - box.leftEye().y()) < tol,
                "left eye " + le + " vs " + box.leftEye());
        assertTrue(m.get(FaceMesh.UPPER_LIP_OUTER).y() < m.get(FaceMesh.LOWER_LIP_OUTER).y(), "lips upside down");
        assertTrue(m.get(FaceMesh.UPPER_LIP_INNER).y() <= m.get(FaceMesh.LOWER_LIP_INNER).y() + 1, "inner lips");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grace", "astronaut"})
    void mirroredPhotoGivesMirroredMesh(String name) {
        BufferedImage img = Images.toBgr(PhotoLoader.load(photo(name)));
        int w = img.getWidth();
        BufferedImage flip = new BufferedImage(w, img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                flip.setRGB(w - 1 - x, y, img.getRGB(x, y));
            }
        }
        FaceMesh a = mesh.run(img, detector.largest(img).orElseThrow());
        FaceMesh b = mesh.run(flip, detector.largest(flip).orElseThrow());
        // Mirroring swaps subject left and right: b's left eye is a's right eye, reflected.
        FaceBox.Point ar = a.rightEyeCenter();
        FaceBox.Point bl = b.leftEyeCenter();
        double tol = 0.08 * a.interOcularDistance();
        assertTrue(Math.abs((w - ar.x()) - bl.x()) < tol && Math.abs(ar.y() - bl.y()) < tol, ar + " vs " + bl);
        FaceMesh.Landmark an = a.get(FaceMesh.NOSE_TIP);
        FaceMesh.Landmark bn = b.get(FaceMesh.NOSE_TIP);
        assertTrue(Math.abs((w - an.x()) - bn.x()) < tol && Math.abs(an.y() - bn.y()) < tol, an + " vs " + bn);
    }
}
