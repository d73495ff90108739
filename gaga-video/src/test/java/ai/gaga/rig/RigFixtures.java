package ai.gaga.rig;

import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceMesh;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.testing.Fixtures;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fixture portraits, their analyses and a re-analysis helper, shared by the rig tests (one analyzer). */
final class RigFixtures implements AutoCloseable {
    final TestServices services = new TestServices();
    final FaceAnalyzer analyzer = new FaceAnalyzer(services);
    final Map<String, BufferedImage> photos = new LinkedHashMap<>();
    final Map<String, FaceAnalysis> analyses = new LinkedHashMap<>();

    RigFixtures() {
        photos.put("grace", Images.toBgr(PhotoLoader.load(Fixtures.graceHopper())));
        photos.put("astronaut", Images.toBgr(PhotoLoader.load(Fixtures.astronaut())));
        photos.forEach((k, v) -> analyses.put(k, analyzer.analyze(v)));
    }

    /** Analyses what a plate shows now. */
    FaceAnalysis reanalyse(AnimatedPlate plate) {
        return analyzer.analyze(Images.fromBgr(plate.bgr(), plate.width(), plate.height()));
    }

    /** Mean eye opening (upper to lower lid centre) over inter-ocular distance. */
    static double eyeOpening(FaceAnalysis a) {
        FaceMesh m = a.mesh();
        double r = Math.hypot(m.get(145).x() - m.get(159).x(), m.get(145).y() - m.get(159).y());
        double l = Math.hypot(m.get(374).x() - m.get(386).x(), m.get(374).y() - m.get(386).y());
        return (r + l) / 2 / m.interOcularDistance();
    }

    /** Mean luminance of the plate inside a box around the rest mouth. */
    static double mouthLuminance(AnimatedPlate plate) {
        FaceRig rig = plate.rig();
        double iod = rig.interOcular();
        double cx = (rig.restX(13) + rig.restX(14)) / 2;
        double cy = (rig.restY(13) + rig.restY(14)) / 2 + 0.1 * iod;
        int x0 = (int) (cx - 0.3 * iod);
        int x1 = (int) (cx + 0.3 * iod);
        int y0 = (int) (cy - 0.15 * iod);
        int y1 = (int) (cy + 0.2 * iod);
        byte[] p = plate.bgr();
        double sum = 0;
        int n = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int o = (y * plate.width() + x) * 3;
                sum += 0.114 * (p[o] & 0xFF) + 0.587 * (p[o + 1] & 0xFF) + 0.299 * (p[o + 2] & 0xFF);
                n++;
            }
        }
        return sum / n;
    }

    @Override
    public void close() {
        services.close();
    }
}
