package ai.gaga.picture;

import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.Images;
import ai.gaga.face.TestServices;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.VideoFormat;
import ai.gaga.rig.AnimatedPlate;
import ai.gaga.rig.FaceControl;
import ai.gaga.rig.FacePerformance;
import ai.gaga.scene.Camera;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import ai.gaga.timeline.Shot;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelinePlanner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compositor draws a frame's independent parts on a second thread (the two actors of a two-shot, the lower half
 * of the rows): the frames must be exactly those drawn on one thread, for a two-shot of two cut-outs with moving
 * faces and breathing bodies and for the singles around it, under the camera's moves. Seen failing: the lower half
 * started a row late (frame 0 differed by one level in the row left undrawn).
 */
class ParallelDrawTest {
    @Test
    void framesDrawnOnTwoThreadsAreTheFramesDrawnOnOne() {
        try (TestServices services = new TestServices()) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            // Everything that redraws a plate moves from frame to frame: jaw, lids, brows, breath.
            FacePerformance acting = (frame, out) -> out.reset().set(FaceControl.JAW_OPEN, (frame % 5) / 5.0)
                    .set(FaceControl.EYE_BLINK_LEFT, frame % 3 == 0 ? 1 : 0)
                    .set(FaceControl.EYE_BLINK_RIGHT, frame % 3 == 0 ? 1 : 0)
                    .set(FaceControl.BROW_INNER_UP, (frame % 4) / 4.0).set(FaceControl.BREATH, frame % 2);
            PlateSource plates = (actor, a, scale) -> AnimatedPlate.create(Images.toBgr(a.image()),
                    analyzer.analyze(Images.toBgr(a.image()), a.face().orElseThrow()), scale, acting);
            Scene scene = Scene.builder().resolution(Resolution.FULL_HD)
                    .actor("EILEEN", Fixtures.astronaut())
                    .actor("KAROLINA", Fixtures.photo("pexels_selfie_squint.jpg"))
                    .actor("EILEEN").camera(Camera.TWO_SHOT).camera(Camera.PUSH_IN).says("We launch at dawn.")
                    .actor("KAROLINA").camera(Camera.CLOSE_UP).camera(Camera.HANDHELD).says("I will be there.")
                    .build();
            Timeline timeline = new TimelinePlanner().plan(scene,
                    scene.lines().stream().map(l -> silent(1.2)).toList());
            VideoFormat format = new VideoFormat(scene.resolution(), scene.fps(), timeline.frameCount(scene.fps()));
            try (StillPhotoPerformer performer = new StillPhotoPerformer(services, plates);
                 ShotCompositor two = (ShotCompositor) performer.prepare(scene, timeline, format);
                 ShotCompositor one = (ShotCompositor) performer.prepare(scene, timeline, format)) {
                one.drawOnOneThread();
                List<Integer> frames = new ArrayList<>();
                boolean cutOutTwoShot = false;
                for (Shot shot : two.shots()) {
                    for (int i = shot.startFrame(); i < Math.min(shot.endFrame(), shot.startFrame() + 6); i++) {
                        frames.add(i);
                    }
                    if (shot.layout() == Shot.Layout.TWO_SHOT) {
                        cutOutTwoShot |= two.placements(shot.startFrame()).stream()
                                .anyMatch(e -> e.getValue()[7] == 1);
                    }
                }
                assertTrue(cutOutTwoShot, "the scene has a two-shot of cut-outs: " + two.shots());
                byte[] previous = null;
                int moving = 0;
                for (int i : frames) {
                    FrameBuffer a = RenderedFrames.render(two, i, format);
                    FrameBuffer b = RenderedFrames.render(one, i, format);
                    assertArrayEquals(b.bgr(), a.bgr(), "frame " + i + " drawn on two threads");
                    if (previous != null && !Arrays.equals(previous, a.bgr())) {
                        moving++;
                    }
                    previous = a.bgr();
                }
                assertTrue(moving >= frames.size() / 2, "frames that moved: " + moving + " of " + frames.size());
                if (Runtime.getRuntime().availableProcessors() >= 2) {
                    assertTrue(two.helped() >= frames.size(), "parts drawn beside: " + two.helped());
                }
                assertTrue(one.helped() == 0, "the one-thread compositor drew on one thread");
            }
        }
    }
}
