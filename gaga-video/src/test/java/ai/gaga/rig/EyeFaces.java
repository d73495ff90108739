package ai.gaga.rig;

import ai.gaga.face.BlendshapeModel;
import ai.gaga.face.Blendshapes;
import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.FaceMesh;
import ai.gaga.face.FaceMeshModel;
import ai.gaga.face.FaceWarning;
import ai.gaga.face.Images;
import ai.gaga.face.IrisModel;
import ai.gaga.face.Landmarks478;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.testing.Fixtures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every usable face of the fixture photos, for eyelid tests: each face the detector finds (left to right), analysed,
 * kept when its eyes are big enough to animate (not {@link FaceWarning#TOO_SMALL}), visible and not in strong
 * profile; then cut out of its photo (a square of about 4.5 inter-ocular distances around the face, so a group
 * photo's neighbours do not compete) and analysed again there. A plate of the cut-out is upscaled as the renderer
 * would (up to 2x) towards a working inter-ocular distance. Also reads blendshapes back from drawn plates. Public so
 * that tests in other packages can use it.
 */
public final class EyeFaces implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EyeFaces.class);
    /** Every fixture photo with faces. */
    public static final List<String> PHOTOS = List.of("grace_hopper_512x512.jpg", "astronaut.png",
            "pexels_man_looking_away.jpg", "pexels_group_three.jpg", "pexels_family_smiles.jpg",
            "pexels_cheering_full_body.jpg", "pexels_dancing_eyes_closed.jpg", "pexels_selfie_squint.jpg");
    /** Plate inter-ocular distance the upscale aims at, pixels. */
    private static final double PLATE_IOD = 120;
    /** Detector boxes narrower than this (photo pixels) are not analysed: their eyes are too small anyway. */
    private static final double MIN_BOX = 60;

    /**
     * One face, cut out of its photo.
     *
     * @param name       photo name and face number from the left (from 1)
     * @param photo      the cut-out (BGR)
     * @param analysis   its analysis
     * @param scale      plate scale for it
     * @param eyesClosed whether the photo shows the eyes closed (eyeBlink above 0.5 on either eye)
     */
    public record Face(String name, BufferedImage photo, FaceAnalysis analysis, double scale, boolean eyesClosed) {
        /** A plate of this face. */
        public AnimatedPlate plate(FacePerformance performance) {
            return AnimatedPlate.create(photo, analysis, scale, performance);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final TestServices services = new TestServices();
    private final FaceAnalyzer analyzer = new FaceAnalyzer(services);
    private final FaceDetector detector = new FaceDetector(services);
    private final FaceMeshModel mesh = FaceMeshModel.create(services);
    private final IrisModel iris = IrisModel.create(services);
    private final BlendshapeModel blend = BlendshapeModel.create(services);

    /** The usable faces of the given photos. */
    public List<Face> faces(List<String> photos) {
        List<Face> out = new ArrayList<>();
        for (String p : photos) {
            BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.photo(p)));
            List<FaceBox> boxes = detector.detect(photo).stream()
                    .sorted(Comparator.comparingDouble(FaceBox::centerX)).toList();
            for (int k = 0; k < boxes.size(); k++) {
                FaceBox box = boxes.get(k);
                String name = p.replaceFirst("\\.[a-z]+$", "") + "#" + (k + 1);
                if (box.width() < MIN_BOX) {
                    LOG.info("{}: skipped, box {} px wide", name, Math.round(box.width()));
                    continue;
                }
                FaceAnalysis a = analyzer.analyze(photo, box);
                if (a.warnings().contains(FaceWarning.TOO_SMALL) || a.warnings().contains(FaceWarning.EYES_HIDDEN)
                        || a.warnings().contains(FaceWarning.STRONG_PROFILE)) {
                    LOG.info("{}: skipped, {}", name, a.warnings());
                    continue;
                }
                out.add(cutOut(name, photo, a));
            }
        }
        return out;
    }

    private Face cutOut(String name, BufferedImage photo, FaceAnalysis a) {
        FaceMesh m = a.mesh();
        double iod = m.interOcularDistance();
        double cx = (m.get(33).x() + m.get(263).x()) / 2;
        double cy = (m.get(33).y() + m.get(263).y()) / 2 + 0.4 * iod;
        int side = (int) Math.min(Math.min(photo.getWidth(), photo.getHeight()), Math.round(4.5 * iod));
        int x0 = (int) Math.max(0, Math.min(photo.getWidth() - side, Math.round(cx - side / 2.0)));
        int y0 = (int) Math.max(0, Math.min(photo.getHeight() - side, Math.round(cy - side / 2.0)));
        BufferedImage crop = Images.copy(photo.getSubimage(x0, y0, side, side));
        FaceAnalysis c = analyzer.analyze(crop, a.box().map(1, 1, -x0, -y0));
        double cropIod = c.mesh().interOcularDistance();
        double scale = Math.max(1, Math.min(FaceAnalyzer.MAX_UPSCALE, PLATE_IOD / cropIod));
        boolean closed = Math.max(c.expression().get("eyeBlinkLeft"), c.expression().get("eyeBlinkRight")) > 0.5;
        LOG.info("{}: IOD {} px, cut-out {} at ({}, {}), plate scale {}, eyeBlink L {} R {}{}", name,
                Math.round(cropIod), side, x0, y0, String.format("%.2f", scale), c.expression().get("eyeBlinkLeft"),
                c.expression().get("eyeBlinkRight"), closed ? " (eyes closed in the photo)" : "");
        return new Face(name, crop, c, scale, closed);
    }

    /** The full analysis of what a plate shows now (its largest face). */
    public FaceAnalysis analyse(AnimatedPlate plate) {
        return analyzer.analyze(Images.fromBgr(plate.bgr(), plate.width(), plate.height()));
    }

    /**
     * The blendshapes of the face in {@code box} of what a plate shows now, read as the analyzer does (mesh, iris/eyelid
     * refinement, blendshape model) without the detector, person mask and head fit.
     */
    public Blendshapes blendshapes(AnimatedPlate plate, FaceBox box) {
        BufferedImage img = Images.fromBgr(plate.bgr(), plate.width(), plate.height());
        FaceMesh raw = mesh.run(img, box);
        Landmarks478 lm = iris.refine(img, raw);
        return blend.run(lm);
    }

    /** The largest face the detector finds in what a plate shows now. */
    public FaceBox detect(AnimatedPlate plate) {
        List<FaceBox> boxes = detector.detect(Images.fromBgr(plate.bgr(), plate.width(), plate.height()));
        if (boxes.isEmpty()) {
            throw new AssertionError("no face found in the drawn plate");
        }
        return boxes.get(0);
    }

    /** Writes an image as PNG (creating folders). */
    public static void write(BufferedImage img, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        services.close();
    }
}
