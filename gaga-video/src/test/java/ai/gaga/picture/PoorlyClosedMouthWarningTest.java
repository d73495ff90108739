package ai.gaga.picture;

import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceWarning;
import ai.gaga.face.TestServices;
import ai.gaga.scene.Actor;
import ai.gaga.scene.Rest;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan says when the neutral rest could not close an open mouth: the astronaut's parted lips, closed and re-read
 * by the real face models, read closed (the plan says the mouth is closed for the rest, and nothing more); re-read by a
 * stand-in that keeps seeing the photo's open mouth, the plan also says the mouth was closed poorly. An actor kept as
 * photographed hears neither.
 */
class PoorlyClosedMouthWarningTest {

    @Test
    void thePlanSaysWhenTheRestStillReadsOpen() {
        try (TestServices services = new TestServices();
             StillPhotoPerformer photos = new StillPhotoPerformer(services)) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            Scene scene = Scene.builder().actor("neutral", Fixtures.astronaut()).says("Hi.")
                    .actor("photo", Fixtures.astronaut()).rest(Rest.AS_PHOTOGRAPHED).says("Hello.").build();
            Actor neutral = scene.actor("neutral").orElseThrow();
            Actor photo = scene.actor("photo").orElseThrow();
            PhotoAnalysis pa = photos.analyse(neutral, false);
            String closed = FaceWarning.MOUTH_CLOSED_AT_REST.message();
            String poorly = FaceWarning.MOUTH_CLOSED_POORLY.message();

            List<String> real = new ActingPlates(analyzer).warnings(neutral, pa);
            assertTrue(real.contains(closed), real.toString());
            assertFalse(real.contains(poorly), real.toString());

            FaceAnalysis open = analyzer.analyze(pa.image(), pa.face().orElseThrow());
            ActingPlates stuck = new ActingPlates(analyzer, (image, box) -> open);
            List<String> said = stuck.warnings(neutral, pa);
            assertTrue(said.contains(closed), said.toString());
            assertTrue(said.contains(poorly), said.toString());
            List<String> kept = stuck.warnings(photo, photos.analyse(photo, false));
            assertFalse(kept.contains(poorly), kept.toString());
            assertFalse(kept.contains(closed), kept.toString());
        }
    }
}
