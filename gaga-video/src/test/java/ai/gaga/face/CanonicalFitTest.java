package ai.gaga.face;

import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalFitTest {
    private static final Logger LOG = LoggerFactory.getLogger(CanonicalFitTest.class);
    private static TestServices services;
    private static CanonicalFaceMesh canonical;
    private static FaceAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        services = new TestServices();
        canonical = CanonicalFaceMesh.load(services.models());
        analyzer = new FaceAnalyzer(services);
    }

    @AfterAll
    static void tearDown() {
        services.close();
    }

    /**
     * The canonical mesh (plus per-vertex {@code shape} offsets in canonical cm, may be null) as a photo mesh: rotated
     * by the elementary rotations of the documented conventions (written out here, not taken from HeadPose), scaled
     * to pixels and moved into a 512-pixel photo, with Gaussian noise of {@code noise} pixels.
     */
    private static FaceMesh synthetic(double yaw, double pitch, double roll, double[] shape, double noise, long seed) {
        double y = Math.toRadians(yaw);
        double p = Math.toRadians(pitch);
        double r = Math.toRadians(roll);
        double scale = 12; // px per cm: eyes ~75 px apart
        Random rnd = new Random(seed);
        List<FaceMesh.Landmark> pts = new ArrayList<>();
        for (int i = 0; i < FaceMesh.SIZE; i++) {
            double[] c = canonical.position(i);
            if (shape != null) {
                for (int a = 0; a < 3; a++) {
                    c[a] += shape[3 * i + a];
                }
            }
            // Camera frame: x right, y down, z away; canonical y is up and z towards the viewer.
            double x0 = c[0];
            double y0 = -c[1];
            double z0 = -c[2];
            // Yaw: the face's +x end goes away from the camera for positive yaw.
            double x1 = x0 * Math.cos(y) - z0 * Math.sin(y);
            double z1 = x0 * Math.sin(y) + z0 * Math.cos(y);
            // Pitch: the face's +y end (chin) goes away from the camera for positive pitch.
            double y2 = y0 * Math.cos(p) - z1 * Math.sin(p);
            double z2 = y0 * Math.sin(p) + z1 * Math.cos(p);
            // Roll: the face's +x end goes down the image for positive roll.
            double x3 = x1 * Math.cos(r) - y2 * Math.sin(r);
            double y3 = x1 * Math.sin(r) + y2 * Math.cos(r);
            pts.add(new FaceMesh.Landmark(260 + scale * x3 + noise * rnd.nextGaussian(),
                    240 + scale * y3 + noise * rnd.nextGaussian(), 30 + scale * z2 + noise * rnd.nextGaussian()));
        }
        return new FaceMesh(pts, 1);
    }

    @ParameterizedTest
    @CsvSource({"0,0,0", "30,0,0", "-30,0,0", "0,15,0", "0,-15,0", "0,0,10", "0,0,-10", "30,15,10", "-30,-15,-10",
            "20,-10,8"})
    void recoversAKnownRotationWithinOneDegree(double yaw, double pitch, double roll) {
        FaceMesh m = synthetic(yaw, pitch, roll, null, 0.8, 7);
        CanonicalFit fit = CanonicalFit.fit(canonical, m);
        LOG.info("({}, {}, {}) -> {}", yaw, pitch, roll, fit);
        assertEquals(yaw, fit.pose().yaw(), 1, fit.toString());
        assertEquals(pitch, fit.pose().pitch(), 1, fit.toString());
        assertEquals(roll, fit.pose().roll(), 1, fit.toString());
        assertEquals(12, fit.scale(), 0.1, "scale");
        assertTrue(fit.rmsResidual() < 2.5, "rms " + fit.rmsResidual()); // 0.8 px noise per axis: ~1.4 px in 3-D
        double[] origin = fit.toPhoto(0, 0, 0);
        assertEquals(260, origin[0], 0.5);
        assertEquals(240, origin[1], 0.5);
    }

    @Test
    void poseSignsMeanWhatTheJavadocSays() {
        // Positive yaw: the nose tip moves towards the image right of the face centre.
        FaceMesh right = synthetic(20, 0, 0, null, 0, 1);
        FaceMesh front = synthetic(0, 0, 0, null, 0, 1);
        assertTrue(right.get(FaceMesh.NOSE_TIP).x() - right.get(168).x() > 5, "nose turned right");
        assertTrue(right.get(263).z() > right.get(33).z(), "image-right eye corner farther");
        // Positive pitch: chin farther than the forehead, the nose moves down in the image (looking down).
        FaceMesh down = synthetic(0, 15, 0, null, 0, 1);
        assertTrue(down.get(152).z() > down.get(10).z(), "chin farther");
        double noseBelowEyes = down.get(FaceMesh.NOSE_TIP).y() - down.get(168).y();
        double noseBelowEyes0 = front.get(FaceMesh.NOSE_TIP).y() - front.get(168).y();
        assertTrue(noseBelowEyes > noseBelowEyes0, "looking down lengthens the nose in the image");
        assertTrue(CanonicalFit.fit(canonical, down).pose().pitch() > 10);
        assertTrue(CanonicalFit.fit(canonical, right).pose().yaw() > 15);
        // Positive roll: the eye line descends to the image right.
        FaceMesh tilt = synthetic(0, 0, 10, null, 0, 1);
        assertTrue(tilt.get(263).y() > tilt.get(33).y());
        assertTrue(CanonicalFit.fit(canonical, tilt).pose().roll() > 8);
    }

    @Test
    void offsetsRecoverAnInjectedShapeAndAnOpenMouthDoesNotTiltThePose() {
        double[] shape = new double[3 * FaceMesh.SIZE];
        // A broader nose (wings 0.4 cm outwards) and a jaw dropped 1.2 cm (an open mouth): lower lip and chin.
        int[] wingsRight = {129, 98, 64, 48};
        int[] wingsLeft = {358, 327, 294, 278};
        for (int i : wingsRight) {
            shape[3 * i] = -0.4;
        }
        for (int i : wingsLeft) {
            shape[3 * i] = 0.4;
        }
        int[] jaw = {14, 87, 178, 88, 95, 317, 402, 318, 324, 17, 84, 181, 91, 146, 314, 405, 321, 375, 152, 148, 176,
                149, 150, 377, 400, 378, 379, 175, 199, 200, 18, 16, 15, 85, 86, 315, 316, 83, 313, 201, 421, 171, 396,
                32, 262, 140, 369, 208, 428, 194, 418};
        for (int i : jaw) {
            shape[3 * i + 1] = -1.2;
        }
        FaceMesh m = synthetic(15, -8, 5, shape, 0.3, 3);
        CanonicalFit fit = CanonicalFit.fit(canonical, m);
        LOG.info("shaped: {}", fit);
        assertEquals(15, fit.pose().yaw(), 1, fit.toString());
        assertEquals(-8, fit.pose().pitch(), 1, fit.toString());
        assertEquals(5, fit.pose().roll(), 1, fit.toString());
        for (int i : wingsLeft) {
            assertEquals(0.4, fit.offset(i)[0], 0.1, "wing " + i + " x");
        }
        for (int i : wingsRight) {
            assertEquals(-0.4, fit.offset(i)[0], 0.1, "wing " + i + " x");
        }
        assertEquals(-1.2, fit.offset(152)[1], 0.15, "chin y");
        assertEquals(0, fit.offset(10)[1], 0.1, "forehead y");
        assertEquals(0, fit.offset(FaceMesh.NOSE_TIP)[2], 0.1, "nose tip z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grace", "astronaut"})
    void fixturePortraitsFitNearFrontalWithASmallResidual(String name) {
        BufferedImage img = Images.toBgr(PhotoLoader.load(FaceMeshModelTest.photo(name)));
        FaceAnalysis a = analyzer.analyze(img);
        CanonicalFit fit = a.fit();
        double iod = a.mesh().interOcularDistance();
        // Depth scale: least-squares factor between the photo's z and the fitted canonical z, about the centroid.
        double num = 0;
        double den = 0;
        double[] t = fit.translation();
        for (int i = 0; i < FaceMesh.SIZE; i++) {
            double[] c = canonical.position(i);
            double[] q = fit.toPhoto(c[0], c[1], c[2]);
            FaceMesh.Landmark l = a.mesh().get(i);
            num += (l.z() - t[2]) * (q[2] - t[2]);
            den += (q[2] - t[2]) * (q[2] - t[2]);
        }
        LOG.info("{}: {}, rms/IOD {}, depth scale photo/fit {}", name, fit, fit.rmsResidual() / iod, num / den);
        assertTrue(Math.abs(fit.pose().yaw()) < 15, fit.toString());
        assertTrue(Math.abs(fit.pose().pitch()) < 20 && Math.abs(fit.pose().roll()) < 15, fit.toString());
        // Measured 0.084 (grace) and 0.100 (astronaut) IOD: the identity's own shape and the mesh's noise; a pose off
        // by 20 degrees roughly doubles it.
        assertTrue(fit.rmsResidual() < 0.15 * iod, "rms " + fit.rmsResidual() + " px vs IOD " + iod);

        BufferedImage flip = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = flip.createGraphics();
        g.drawImage(img, img.getWidth(), 0, -img.getWidth(), img.getHeight(), null);
        g.dispose();
        HeadPose mirrored = analyzer.analyze(flip).pose();
        LOG.info("{}: pose {}, mirrored {}", name, fit.pose(), mirrored);
        // The v1 mesh model is not mirror-symmetric: on grace the fit reads yaw 2.1 and 1.1 on the mirrored photo (a
        // 1.6-degree bias of the model, not of the fit, which recovers synthetic poses to 0.1 degree).
        assertEquals(-fit.pose().yaw(), mirrored.yaw(), 4, "mirrored yaw");
        assertEquals(-fit.pose().roll(), mirrored.roll(), 3, "mirrored roll");
        assertEquals(fit.pose().pitch(), mirrored.pitch(), 3, "mirrored pitch");
    }
}
