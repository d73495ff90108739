package ai.gaga.picture;

import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceWarning;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.render.VideoFormat;
import ai.gaga.rig.AnimatedPlate;
import ai.gaga.rig.FaceControl;
import ai.gaga.rig.FaceControls;
import ai.gaga.rig.FacePerformance;
import ai.gaga.scene.Actor;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Rest;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import ai.gaga.timeline.Timeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same winking photo played by two actors: the one acting from the neutral rest gets a rest plate whose winked
 * eye reads open (and a plan warning saying which eye was rebuilt), the one acting {@link Rest#AS_PHOTOGRAPHED}
 * keeps the photo's eyes exactly (and no such warning).
 */
class ClosedEyeRestTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheNeutralRestOpensAWink() throws Exception {
        try (TestServices services = new TestServices();
             StillPhotoPerformer photos = new StillPhotoPerformer(services)) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            BufferedImage astro = Images.toBgr(PhotoLoader.load(Fixtures.astronaut()));
            AnimatedPlate wink = AnimatedPlate.create(astro, analyzer.analyze(astro), 1.0, FacePerformance.REST);
            wink.draw(new FaceControls().set(FaceControl.EYE_BLINK_LEFT, 1));
            Path file = dir.resolve("wink.png");
            BufferedImage winkPhoto = Images.fromBgr(wink.bgr(), wink.width(), wink.height());
            ImageIO.write(winkPhoto, "png", file.toFile());

            Scene scene = Scene.builder().actor("neutral", file).says("Hi.")
                    .actor("photo", file).rest(Rest.AS_PHOTOGRAPHED).says("Hello.")
                    .resolution(Resolution.parse("640x360")).build();
            ActingPlates plates = new ActingPlates(services);
            PlateSource source = plates.forScene(scene, new Timeline(List.of(), 2.0),
                    new VideoFormat(scene.resolution(), 25, 50));
            Actor neutral = scene.actor("neutral").orElseThrow();
            Actor photo = scene.actor("photo").orElseThrow();
            PhotoAnalysis pa = photos.analyse(neutral, false);
            AnimatedPlate n = (AnimatedPlate) source.create(neutral, pa, 1.0);
            AnimatedPlate p = (AnimatedPlate) source.create(photo, photos.analyse(photo, false), 1.0);
            FaceAnalysis restN = analyzer.analyze(Images.fromBgr(n.restBgr(), n.width(), n.height()));
            FaceAnalysis restP = analyzer.analyze(Images.fromBgr(p.restBgr(), p.width(), p.height()));
            double blinkN = restN.expression().get("eyeBlinkLeft");
            double blinkP = restP.expression().get("eyeBlinkLeft");
            assertTrue(blinkN < 0.35, "neutral rest: eyeBlinkLeft " + blinkN);
            assertTrue(blinkP > 0.5, "as photographed: eyeBlinkLeft " + blinkP);
            byte[] original = Images.bgr(winkPhoto);
            long diff = 0;
            for (int i = 0; i < original.length; i++) {
                diff += Math.abs((original[i] & 0xFF) - (p.restBgr()[i] & 0xFF));
            }
            assertTrue(diff / (double) original.length < 0.5, "the photo's own rest changed: " + diff);
            String message = FaceWarning.LEFT_EYE_OPENED_AT_REST.message();
            assertTrue(plates.warnings(neutral, pa).contains(message), plates.warnings(neutral, pa).toString());
            assertFalse(plates.warnings(photo, pa).contains(message), plates.warnings(photo, pa).toString());
            n.close();
            p.close();
        }
    }
}
