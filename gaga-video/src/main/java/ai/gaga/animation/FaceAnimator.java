package ai.gaga.animation;

import ai.gaga.rig.FaceControl;
import ai.gaga.rig.FaceControls;
import ai.gaga.rig.FacePerformance;
import ai.gaga.scene.Actor;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;

import java.util.List;
import java.util.Objects;

/**
 * One actor's face performance over a clip: lip sync from the viseme tracks of their lines (with coarticulation and
 * the loudness of the voice), the emotions of the lines as expressions, blinks, gaze (saccades, thinking glances,
 * {@code [action: NAME looks away]} and similar directions), head motion (nods on stressed syllables, sway, idle
 * micro-motion), breathing, and listening (nods and a mirrored, softer expression while another actor speaks).
 *
 * <p>Everything is computed when the animator is made (a few milliseconds per second of clip); {@link #controlsAt}
 * then only copies one frame and allocates nothing. Deterministic: the same scene, timeline, seed and actor give the
 * same controls on every run and JVM; the random choices (blinks, saccades, nods) come from {@link Scene#seed()} and
 * the actor's name. Immutable and thread-safe.
 *
 * <p>What the rig can rely on: p/b/m give {@code MOUTH_CLOSE} ≈ 0.85 and {@code MOUTH_PRESS} ≈ 0.55 with
 * {@code JAW_OPEN} near 0 (lips meet); open vowels give {@code JAW_OPEN} 0.5–0.8 with {@code MOUTH_LOWER_DOWN};
 * f/v roll the lower lip ({@code MOUTH_ROLL_LOWER}); th/t/d/n/l raise {@code TONGUE_UP}. Every mouth control is 0 in
 * silences longer than about 150 ms (a neutral expression then leaves the photo's mouth untouched). Emotions add
 * to these; head angles stay within a few degrees except for cued gaze shifts (up to about 7°).
 *
 * <pre>{@code
 * FacePerformance maya = FaceAnimator.of(scene, timeline, "maya");
 * FaceControls controls = new FaceControls();
 * for (int f = 0; f < timeline.frameCount(scene.fps()); f++) {
 *     maya.controlsAt(f, controls);
 *     rig.draw(controls, frame);
 * }
 * }</pre>
 */
public final class FaceAnimator implements FacePerformance {
    private final String actor;
    private final ControlCurves curves;

    private FaceAnimator(String actor, ControlCurves curves) {
        this.actor = actor;
        this.curves = curves;
    }

    /** The performance of {@code actorName} at the scene's frame rate. */
    public static FaceAnimator of(Scene scene, Timeline timeline, String actorName) {
        Objects.requireNonNull(scene, "scene");
        return of(scene, timeline, actorName, scene.fps());
    }

    /**
     * The performance of {@code actorName} (case-insensitive) at {@code fps} frames per second.
     *
     * @throws IllegalArgumentException when the actor is not in the scene or the rate is not positive
     */
    public static FaceAnimator of(Scene scene, Timeline timeline, String actorName, int fps) {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(actorName, "actorName");
        if (fps <= 0) {
            throw new IllegalArgumentException("fps must be positive, got " + fps);
        }
        List<Actor> actors = scene.actors();
        int index = -1;
        for (int i = 0; i < actors.size(); i++) {
            if (actors.get(i).name().equalsIgnoreCase(actorName.trim())) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("Actor '" + actorName + "' is not in the scene; its actors are "
                    + String.join(", ", actors.stream().map(Actor::name).toList()));
        }
        String name = actors.get(index).name();
        Stage stage = new Stage(scene, timeline, name, index, fps);
        return new FaceAnimator(name, perform(stage));
    }

    private static ControlCurves perform(Stage stage) {
        long seed = stage.scene.seed();
        LipSync lips = new LipSync(stage);
        ExpressionTrack expression = new ExpressionTrack(stage);
        Gaze gaze = new Gaze(stage, Seeds.stream(seed, stage.actor, "gaze"));
        Blinks blinks = new Blinks(stage, expression, gaze, Seeds.stream(seed, stage.actor, "blink"));
        HeadMotion head = new HeadMotion(stage, lips, expression, gaze, Seeds.stream(seed, stage.actor, "head"));

        int n = FaceControl.count();
        int frames = stage.frames;
        float[][] channels = new float[n][frames];
        float[] face = new float[n];
        Emotion[] emotions = Emotion.values();
        FaceControls clamp = new FaceControls();
        int funnel = VisemeShapes.index(FaceControl.MOUTH_FUNNEL);
        int pucker = VisemeShapes.index(FaceControl.MOUTH_PUCKER);
        int close = VisemeShapes.index(FaceControl.MOUTH_CLOSE);
        // The smile yields to rounded lips, but more slowly than the lips move, so that it does not flicker.
        float[] rounding = new float[frames];
        for (int f = 0; f < frames; f++) {
            rounding[f] = Math.max(lips.mouth[funnel][f], lips.mouth[pucker][f]);
        }
        rounding = Curves.gaussian(rounding, 0.06 * stage.fps);
        float[] talkingJaw = Curves.gaussian(lips.mouth[VisemeShapes.JAW], 0.06 * stage.fps);
        for (int f = 0; f < frames; f++) {
            java.util.Arrays.fill(face, 0f);
            for (Emotion e : emotions) {
                double w = expression.weight(e, f);
                if (w > 0) {
                    float[] shape = EmotionShapes.of(e);
                    for (int i = 0; i < n; i++) {
                        face[i] += (float) (w * shape[i]);
                    }
                }
            }
            // Speech over expression: rounding lips (o, u, sh) cannot smile fully, a talking jaw cannot press
            // the lips, and closed lips (p, b, m) keep an expression's open jaw shut.
            face[FaceControl.MOUTH_SMILE.ordinal()] *= (float) (1 - 0.6 * Math.min(1, rounding[f] / 0.6));
            face[FaceControl.MOUTH_PRESS.ordinal()] *= (float) (1 - Math.min(1, 2.5 * talkingJaw[f]));
            face[FaceControl.JAW_OPEN.ordinal()] *= (float) (1 - Math.min(1, lips.mouth[close][f]));
            for (int i = 0; i < VisemeShapes.MOUTH.length; i++) {
                face[VisemeShapes.MOUTH[i].ordinal()] += lips.mouth[i][f];
            }
            face[FaceControl.EYE_BLINK_LEFT.ordinal()] = blinks.closure[f];
            face[FaceControl.EYE_BLINK_RIGHT.ordinal()] = blinks.closure[f];
            face[FaceControl.GAZE_X.ordinal()] += gaze.x[f];
            face[FaceControl.GAZE_Y.ordinal()] += gaze.y[f];
            face[FaceControl.HEAD_YAW.ordinal()] += head.yaw[f] + gaze.yaw[f];
            face[FaceControl.HEAD_PITCH.ordinal()] += head.pitch[f] + gaze.pitch[f];
            face[FaceControl.HEAD_ROLL.ordinal()] += head.roll[f];
            face[FaceControl.BREATH.ordinal()] = head.breath[f];
            for (int i = 0; i < n; i++) {
                FaceControl c = FaceControl.of(i);
                channels[i][f] = clamp.set(c, face[i]).get(c);
            }
        }
        return ControlCurves.of(stage.fps, channels, frames);
    }

    /** The actor performed, as the scene spells the name. */
    public String actor() {
        return actor;
    }

    /** Frames in the clip at this animator's rate ({@link Timeline#frameCount(int)}, at least 1). */
    public int frameCount() {
        return curves.frameCount();
    }

    /** Frames per second of the performance. */
    public int fps() {
        return curves.fps();
    }

    /** Every control of every frame, for export ({@link ControlCurves#toCsv()}, {@link ControlCurves#toJson()}). */
    public ControlCurves curves() {
        return curves;
    }

    /**
     * Fills {@code out} with the controls of {@code frame}; frames past the end of the clip hold the last frame.
     *
     * @throws IllegalArgumentException for a negative frame
     */
    @Override
    public void controlsAt(int frame, FaceControls out) {
        if (frame < 0) {
            throw new IllegalArgumentException("Frame must not be negative, got " + frame);
        }
        curves.fill(Math.min(frame, curves.frameCount() - 1), out);
    }

    @Override
    public String toString() {
        return "FaceAnimator[" + actor + ", " + curves.frameCount() + " frames @ " + curves.fps() + " fps]";
    }
}
