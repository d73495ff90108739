/**
 * The face animator: turns a scene's timeline (an actor's utterances with their viseme tracks, the emotions of the
 * lines, stage directions and the other actors' lines) into per-frame {@link ai.gaga.rig.FaceControl face controls}:
 * lip sync with coarticulation, emotional expressions, blinks, gaze, head motion, breathing and listening reactions.
 * Entry point: {@link ai.gaga.animation.FaceAnimator}; curves export: {@link ai.gaga.animation.ControlCurves}.
 */
@ai.gaga.Internal
package ai.gaga.animation;
