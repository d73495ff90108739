package ai.gaga.timeline;

import ai.gaga.testing.Utterances;
import ai.gaga.render.CastMember;
import ai.gaga.render.FaceArea;
import ai.gaga.scene.Camera;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 step 3: shot sizes chosen from the face's real resolution, the source scale recorded on each shot. */
class PixelFramingPlannerTest {
    private static final Path A = Path.of("grace.jpg");
    private static final Path B = Path.of("eileen.png");

    private static Timeline plan(Scene scene, List<CastMember> cast, double... seconds) {
        return new TimelinePlanner().plan(scene, Arrays.stream(seconds).mapToObj(Utterances::silent)
                .toList(), cast);
    }

    /** One face, {@code face} pixels tall, its eyes at 40 % of the box, in a photo of the given size. */
    private static CastMember member(String actor, Path photo, int w, int h, double face) {
        FaceArea f = new FaceArea(w / 2.0 - face * 0.4, h * 0.08, face * 0.8, face, h * 0.08 + 0.4 * face);
        return new CastMember(actor, photo, w, h, 0, List.of(f), List.of());
    }

    /** A calm line, then a furious one: the script asks for a medium shot, then a close-up pushing in at 0.9. */
    private static Scene peak() {
        return Scene.builder().actor("grace", A).says("Calm.").says("Now I am furious!")
                .emotion(Emotion.ANGER, 0.9).build();
    }

    private static void assertWithinLimit(List<Shot> shots) {
        for (Shot s : shots) {
            assertTrue(s.hasSourceScale(), s.toString());
            assertTrue(s.sourceScale() <= ShotScale.MAX_UPSCALE + 1e-9, "upscaled past the limit: " + s);
        }
    }

    @Test
    void aLargeFaceGetsTheCloseUpTheScriptAsksFor() {
        List<Shot> s = plan(peak(), List.of(member("grace", A, 3000, 4000, 1200)), 2.0, 2.0).shots();
        assertEquals(List.of(Shot.Size.MEDIUM, Shot.Size.CLOSE_UP), s.stream().map(Shot::size).toList());
        // close-up: the face at 52 % of 1080 px, pushed in to 1 + 0.15 * 0.9 at the end of the shot
        assertEquals(0.52 * 1080 / 1200 * (1 + ShotScale.MAX_PUSH * 0.9), s.get(1).sourceScale(), 1e-6);
        assertWithinLimit(s);
    }

    @Test
    void aFaceTooSmallForACloseUpGetsAMediumShotInstead() {
        // 250 px face: within 1.9x with the peak's push-in it would fill only 39 % of the frame height, no close-up
        List<Shot> s = plan(peak(), List.of(member("grace", A, 1600, 2400, 250)), 2.0, 2.0).shots();
        // the pixels refuse the cut-in: no jump cut to the same medium shot, it runs on
        assertEquals(1, s.size(), s.toString());
        assertEquals(Shot.Size.MEDIUM, s.get(0).size(), s.toString());
        assertEquals(0.36 * 1080 / 250 * (1 + ShotScale.MAX_PUSH * ShotPlanner.DRIFT), s.get(0).sourceScale(),
                1e-6);
        // a larger face does get the close-up, pushing in: a 300 px face at the limit fills 47 % of the height
        List<Shot> big = plan(peak(), List.of(member("grace", A, 1600, 2400, 300)), 2.0, 2.0).shots();
        assertEquals(Shot.Size.CLOSE_UP, big.get(1).size(), big.toString());
        assertEquals(ShotScale.MAX_UPSCALE, big.get(1).sourceScale(), 1e-6, "a close-up as large as the pixels allow");
        assertWithinLimit(s);
    }

    @Test
    void aFullBodyPhotoIsShownWholeRatherThanAsABlurredCloseUp() {
        // a full-body photo: a 90 px face in a 1280x1920 photo; not even a wide shot of the face fits 1.9x
        List<Shot> s = plan(peak(), List.of(member("grace", A, 1280, 1920, 90)), 2.0, 2.0).shots();
        for (Shot shot : s) {
            assertEquals(Shot.Size.WIDE, shot.size(), shot.toString());
            // the whole photo covering the 1920x1080 frame: 1.5x, then the push-in
            assertEquals(1.5 * ShotScale.maxZoom(shot.move(), shot.strength()), shot.sourceScale(), 1e-6);
        }
        assertWithinLimit(s);
    }

    @Test
    void aPhotoTooSmallForTheFrameIsShownAtTheLimit() {
        List<Shot> s = plan(peak(), List.of(member("grace", A, 400, 300, 120)), 2.0, 2.0).shots();
        assertWithinLimit(s);
        for (Shot shot : s) {
            assertEquals(ShotScale.MAX_UPSCALE, shot.sourceScale(), 1e-6, "its best size: " + s);
        }
    }

    @Test
    void aPhotoThatCanOnlyJustCoverTheFrameHoldsStill() {
        // 1080 px tall: covers the frame at 1.0x, but a push-in needs more pixels... which 1.0 * 1.135 still has;
        // a 600 px tall photo covers the frame only at 1.8x: no room for the push-in's 1.135 within 1.9x
        List<Shot> s = plan(peak(), List.of(member("grace", A, 1100, 600, 150)), 2.0, 2.0).shots();
        assertWithinLimit(s);
        for (Shot shot : s) {
            assertEquals(Shot.Move.STATIC, shot.move(), "no push-in without the pixels for it: " + shot);
        }
        assertEquals(1080 / 600.0, s.get(0).sourceScale(), 1e-6);
    }

    @Test
    void withoutThePhotosTheScriptsSizesStandAndNoScaleIsPredicted() {
        List<Shot> s = plan(peak(), List.of(), 2.0, 2.0).shots();
        assertEquals(Shot.Size.CLOSE_UP, s.get(1).size());
        assertFalse(s.get(1).hasSourceScale());
        assertFalse(PlanJson.tree(peak(), plan(peak(), List.of(), 2.0, 2.0), i -> "en").path("timeline")
                .path("shots").get(0).has("sourceScale"));
    }

    @Test
    void aCameraCueForACloseUpOfASmallFaceGetsTheWidestSizeThatFits() {
        Scene scene = Scene.builder().actor("grace", A).camera(Camera.CLOSE_UP).says("One.").build();
        // 230 px face: close-up 2.44x, medium 1.69x (1.79x with the drift): a medium shot
        List<Shot> s = plan(scene, List.of(member("grace", A, 2000, 3000, 230)), 2.0).shots();
        assertEquals(Shot.Size.MEDIUM, s.get(0).size(), s.toString());
        assertWithinLimit(s);
    }

    @Test
    void aTightCropThatCannotReachTheFrameBottomInATwoShotGetsASplitScreen() {
        Scene scene = Scene.builder().actor("grace", A).says("One.").actor("eileen", B).says("Two.").build();
        // eileen's photo ends just under her chin: in a two-shot she would float above the frame's bottom edge
        CastMember grace = member("grace", A, 2000, 3000, 400);
        CastMember eileen = new CastMember("eileen", B, 1000, 700, 0,
                List.of(new FaceArea(300, 100, 400, 500, 300)), List.of());
        List<Shot> s = plan(scene, List.of(grace, eileen), 2.0, 2.0).shots();
        assertEquals(Shot.Layout.SPLIT, s.get(0).layout(), s.toString());
        assertWithinLimit(s);
        List<Shot> both = plan(scene, List.of(grace, member("eileen", B, 2000, 3000, 380)), 2.0, 2.0).shots();
        assertEquals(Shot.Layout.TWO_SHOT, both.get(0).layout(), both.toString());
        assertWithinLimit(both);
    }

    @Test
    void theRenderPlanJsonRecordsEachShotsSourceScale() {
        Scene scene = peak();
        Timeline t = plan(scene, List.of(member("grace", A, 1600, 2400, 400)), 2.0, 2.0);
        JsonNode shots = PlanJson.tree(scene, t, i -> "en").path("timeline").path("shots");
        assertEquals(2, shots.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(t.shots().get(i).sourceScale(), shots.get(i).path("sourceScale").asDouble(), 1e-3);
        }
    }
}
