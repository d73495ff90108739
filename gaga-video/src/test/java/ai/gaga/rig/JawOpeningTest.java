package ai.gaga.rig;

import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jaw opens a turned face's mouth about as far as a frontal one's: on every face of every fixture photo (turned,
 * tilted, frontal), JAW_OPEN 0.7 parts the inner lips' centres by at least 0.24 inter-ocular distances more than at
 * rest (frontal faces 0.30-0.34), and the inner lower lip's points either side of the centre drop within 40 % of each
 * other (in pixels: a turned face's near half is seen larger). Seen failing: the jaw's hinge taken where it is seen
 * in the photo; on the dancing photo's three-quarter face the far hinge lies close to the mouth, so the lip centre
 * opened 0.22 (sync on its render 0.14). Mouth halves still differ by up to 38 % on the man looking away: the
 * lens-shaped opening is measured from the corners' midpoint, which a turned face shifts towards its far side.
 */
class JawOpeningTest {
    private static final Logger LOG = LoggerFactory.getLogger(JawOpeningTest.class);
    private static final double MIN_OPENING = 0.24;
    private static final double MAX_ASYMMETRY = 0.4;

    @Test
    void theJawOpensTurnedFacesAsFarAsFrontalOnes() {
        List<String> problems = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        try (TestServices services = new TestServices()) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            FaceDetector detector = new FaceDetector(services);
            for (String file : EyeFaces.PHOTOS) {
                BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.photo(file)));
                List<FaceBox> faces = detector.detect(photo);
                for (int k = 0; k < faces.size(); k++) {
                    if (faces.get(k).width() < 60) {
                        continue;
                    }
                    FaceAnalysis a = analyzer.analyze(photo, faces.get(k));
                    FaceRig rig = FaceRig.create(a, photo.getWidth(), photo.getHeight());
                    int n = rig.pointCount();
                    float[] x = new float[n];
                    float[] y = new float[n];
                    rig.deform(new FaceControls().set(FaceControl.JAW_OPEN, 0.7), x, y);
                    double iod = rig.interOcular();
                    double rest = dist(rig.restX(13), rig.restY(13), rig.restX(14), rig.restY(14));
                    double open = (dist(x[13], y[13], x[14], y[14]) - rest) / iod;
                    double left = dist(x[87], y[87], rig.restX(87), rig.restY(87));
                    double right = dist(x[317], y[317], rig.restX(317), rig.restY(317));
                    double asym = Math.abs(left - right) / Math.max(left, right);
                    String row = String.format(Locale.ROOT, "%s#%d: opening %.3f IOD, lower lip halves %.1f / %.1f px"
                            + " (%.0f %% apart)", file, k, open, left, right, 100 * asym);
                    rows.add(row);
                    if (open < MIN_OPENING || asym > MAX_ASYMMETRY) {
                        problems.add(row);
                    }
                }
            }
        }
        LOG.info("Jaw 0.7 per fixture face:\n{}", String.join("\n", rows));
        assertTrue(rows.size() >= 15, "faces measured: " + rows.size());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static double dist(double ax, double ay, double bx, double by) {
        return Math.hypot(ax - bx, ay - by);
    }
}
