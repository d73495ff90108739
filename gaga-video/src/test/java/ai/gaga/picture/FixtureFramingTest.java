package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Camera;
import ai.gaga.scene.FacePick;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import ai.gaga.timeline.Shot;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelinePlanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frame from the pixels the photo has: on every fixture photo, at 16:9, 9:16 and 1:1, in every shot of a scene that
 * asks for two-shots, close-ups, wide shots and split screens, each face on screen is re-detected and its width
 * compared with its width in the photo: never more than 2x, camera moves included (the first and last frame of
 * each shot); the photo itself is never placed above {@link Framing#MAX_UPSCALE}. Writes one contact sheet per photo and format (one frame per shot) to
 * {@code target/scenes/framing-*.png}.
 *
 * <p>Seen failing: placed at exactly 2.0x, faces re-detected at up to 2.08x (the detector's noise), hence the
 * 1.9x placement limit; measuring the photo's small faces in the whole photo rather than through the same crop gave
 * up to 2.47x for a face placed at 2.0x (the detector boxes small faces tighter).
 */
class FixtureFramingTest {
    private static final Logger LOG = LoggerFactory.getLogger(FixtureFramingTest.class);
    private static final String[] PHOTOS = {"pexels_family_smiles.jpg", "pexels_group_three.jpg",
            "pexels_cheering_full_body.jpg", "pexels_dancing_eyes_closed.jpg", "grace_hopper_512x512.jpg",
            "astronaut.png", "pexels_man_looking_away.jpg", "pexels_selfie_squint.jpg"};
    /** The limit, as measured by re-detection. */
    private static final double LIMIT = 2.0;

    private static TestServices services;
    private static FaceDetector detector;
    private static StillPhotoPerformer performer;

    @BeforeAll
    static void setUp() {
        services = new TestServices();
        detector = new FaceDetector(services);
        performer = new StillPhotoPerformer(detector);
    }

    @AfterAll
    static void tearDown() {
        performer.close();
        services.close();
    }

    /** Two actors (the two largest faces) for a group photo, one for a portrait; every shot size asked for. */
    static Scene scene(Path photo, List<FaceBox> faces, Resolution res) {
        Scene.Builder b = Scene.builder().resolution(res);
        if (faces.size() >= 2) {
            List<FaceBox> big = faces.stream().sorted(Comparator.comparingDouble(FaceBox::area).reversed()).limit(2)
                    .sorted(Comparator.comparingDouble(FaceBox::centerX)).toList();
            b.actor("A", photo).face(FacePick.index(faces.indexOf(big.get(0))))
                    .actor("B", photo).face(FacePick.index(faces.indexOf(big.get(1))))
                    .actor("A").camera(Camera.TWO_SHOT).says("One.")
                    .actor("B").camera(Camera.CLOSE_UP).says("Two.")
                    .actor("A").camera(Camera.WIDE).says("Three.")
                    .actor("B").camera(Camera.SPLIT).says("Four.");
        } else {
            b.actor("A", photo).camera(Camera.CLOSE_UP).says("One.").camera(Camera.MEDIUM).says("Two.")
                    .camera(Camera.WIDE).camera(Camera.PULL_OUT).says("Three.");
        }
        return b.build();
    }

    /**
     * The width of the face nearest the centre of a square crop of {@code side} pixels around {@code (cx, cy)},
     * detected in the crop resized to 256x256 and given in the image's pixels (NaN when none is found). Measuring
     * the photo's face and the frame's face through the same crop keeps the detector's own size bias (a small face
     * boxed tighter at low resolution) out of the ratio.
     */
    static double width(BufferedImage image, double cx, double cy, double side) {
        return width(detector, image, cx, cy, side);
    }

    /** As {@link #width(BufferedImage, double, double, double)} with another test's detector. */
    static double width(FaceDetector detector, BufferedImage image, double cx, double cy, double side) {
        int n = 256;
        BufferedImage crop = new BufferedImage(n, n, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = crop.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, n, n);
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        double k = n / side;
        g.drawImage(image, (int) Math.round(-(cx - side / 2) * k), (int) Math.round(-(cy - side / 2) * k),
                (int) Math.round(image.getWidth() * k), (int) Math.round(image.getHeight() * k), null);
        g.dispose();
        FaceBox f = GroupPhotoTest.nearest(detector.detect(crop), new double[] {n / 2.0, n / 2.0}, n / 4.0);
        return f == null ? Double.NaN : f.width() / k;
    }

    @Test
    void noFaceIsUpscaledMoreThanTwiceInAnyShotOfAnyFixtureAtAnyAspect() {
        List<String> failures = new ArrayList<>();
        double worst = 0;
        for (String name : PHOTOS) {
            Path photo = Fixtures.photo(name);
            BufferedImage image = PhotoLoader.load(photo);
            List<FaceBox> faces = detector.detect(image).stream().sorted(Comparator.comparingDouble(FaceBox::centerX))
                    .toList();
            for (Resolution res : List.of(new Resolution(1920, 1080), new Resolution(1080, 1920),
                    new Resolution(1080, 1080))) {
                Scene scene = scene(photo, faces, res);
                Timeline timeline = new TimelinePlanner().plan(scene, scene.lines().stream()
                        .map(l -> silent(1.4)).toList());
                VideoFormat format = new VideoFormat(res, scene.fps(), timeline.frameCount(scene.fps()));
                List<BufferedImage> sheet = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                try (ShotCompositor r = (ShotCompositor) performer.prepare(scene, timeline, format)) {
                    for (Shot shot : r.shots()) {
                        for (int index : new int[] {shot.startFrame(), shot.endFrame() - 1}) {
                            FrameBuffer fb = RenderedFrames.render(r, index, format);
                            BufferedImage frame = Images.fromBgr(fb.bgr(), fb.width(), fb.height());
                            double most = 0;
                            for (Map.Entry<String, double[]> layer : r.placements(index)) {
                                double[] p = layer.getValue();
                                for (FaceBox f : faces) {
                                    double x = p[0] * f.centerX() + p[1];
                                    double y = p[0] * f.centerY() + p[2];
                                    double w = p[0] * f.width();
                                    if (x - w / 2 < p[3] || x + w / 2 > p[5] || y - w / 2 < p[4]
                                            || y + w / 2 > p[6]) {
                                        continue; // not (wholly) on screen
                                    }
                                    double onScreen = width(frame, x, y, 4 * w);
                                    double inPhoto = width(image, f.centerX(), f.centerY(), 4 * f.width());
                                    if (Double.isNaN(onScreen) || Double.isNaN(inPhoto)) {
                                        continue; // not re-detected (small faces at the back of a group)
                                    }
                                    double up = onScreen / inPhoto;
                                    most = Math.max(most, up);
                                    if (up > LIMIT) {
                                        failures.add(String.format(Locale.ROOT, "%s %s %s frame %d: face at "
                                                + "(%.0f, %.0f) upscaled %.2fx (placed at %.2fx)", name, res,
                                                shot, index, f.centerX(), f.centerY(), up, p[0]));
                                    }
                                    assertTrue(p[0] <= Framing.MAX_UPSCALE + 1e-9, name + " " + res + " " + shot
                                            + " places the photo at " + p[0] + "x");
                                }
                            }
                            worst = Math.max(worst, most);
                            if (index == shot.startFrame()) {
                                sheet.add(frame);
                                labels.add(String.format(Locale.ROOT, "%s %s %s  face %.2fx",
                                        shot.layout(), shot.subjects(), shot.size(), most));
                            }
                        }
                    }
                    String tag = name.substring(0, name.lastIndexOf('.')) + "-" + res.width() + "x" + res.height();
                    SceneClips.contactSheet(sheet, labels, res.width() > res.height() ? 3 : 5,
                            SceneClips.out("framing-" + tag + ".png"));
                    LOG.info("{}: {} shots, warnings {}", tag, r.shots().size(), r.warnings());
                }
            }
        }
        LOG.info("Largest face upscale by re-detection over all fixtures and formats: {}", worst);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
