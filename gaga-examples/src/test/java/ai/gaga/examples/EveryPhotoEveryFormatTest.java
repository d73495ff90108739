package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.GagaSettings;
import ai.gaga.RenderResult;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.PhotoLoader;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.spi.ServiceContext;
import ai.gaga.testing.Ffprobe;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fixture photo renders as a vertical (1080x1920) and a square (1080x1080) clip through the acting performer
 * (neutral rest, rig, triangulation at the plate's real size): one real 1080x1080 portrait once hung for ten minutes
 * in the triangulation at 9:16. Each render must finish (a hang fails the test after three minutes rather than
 * stalling the build; this is a guard, not a speed measure), have the asked-for size, keep the face animated (no
 * "cannot be animated" warning) and show a face where the frame's middle is re-detected. The clips stay in
 * {@code target/formats/} to look at.
 */
class EveryPhotoEveryFormatTest {
    private static final Logger LOG = LoggerFactory.getLogger(EveryPhotoEveryFormatTest.class);
    private static final Path OUT = Path.of("target", "formats");
    private static Gaga gaga;
    private static OnnxSessions onnx;
    private static FaceDetector detector;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(OUT);
        gaga = Gaga.builder().models(Fixtures.modelStore()).build();
        onnx = new OnnxSessions(ExecutionDevice.CPU, 2);
        detector = new FaceDetector(ServiceContext.of(Fixtures.modelStore(), onnx, GagaSettings.defaults()));
    }

    @AfterAll
    static void stop() {
        if (gaga != null) {
            gaga.close();
        }
        if (onnx != null) {
            onnx.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"grace_hopper_512x512.jpg", "astronaut.png", "pexels_man_looking_away.jpg",
            "pexels_group_three.jpg", "pexels_family_smiles.jpg", "pexels_cheering_full_body.jpg",
            "pexels_dancing_eyes_closed.jpg", "pexels_selfie_squint.jpg"})
    void rendersVerticalAndSquare(String name) {
        Path photo = Fixtures.photo(name);
        for (Resolution res : List.of(Resolution.VERTICAL_FULL_HD, Resolution.SQUARE)) {
            Path out = OUT.resolve(name.replaceAll("\\.[a-z]+$", "") + "-" + res.width() + "x" + res.height()
                    + ".mp4");
            Scene scene = Scene.builder().actor(photo).says("Hello there.").resolution(res).fps(25).build();
            long t0 = System.nanoTime();
            RenderResult r = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> gaga.render(scene, out),
                    () -> name + " at " + res + " did not finish in three minutes");
            LOG.info("{} at {}: {} ms, warnings {}", name, res, (System.nanoTime() - t0) / 1_000_000, r.warnings());
            Ffprobe.Stream video = Ffprobe.probe(out).video();
            assertEquals(res.width(), video.width(), name + " " + res);
            assertEquals(res.height(), video.height(), name + " " + res);
            assertTrue(Ffprobe.countVideoFrames(out) >= 15, name + " " + res + ": too few frames");
            assertFalse(r.warnings().stream().anyMatch(w -> w.contains("cannot be animated")),
                    name + " " + res + ": the face fell back to a still photo: " + r.warnings());
            Path png = Ffprobe.extractFrame(out, 0.5, OUT.resolve(out.getFileName() + ".png"));
            BufferedImage frame = PhotoLoader.load(png);
            Optional<FaceBox> face = detector.largest(frame);
            assertTrue(face.isPresent(), name + " at " + res + ": no face re-detected in the middle frame");
            FaceBox f = face.get();
            assertTrue(f.x() > -f.width() * 0.1 && f.maxX() < res.width() + f.width() * 0.1,
                    name + " at " + res + ": face off the frame " + f);
        }
    }
}
