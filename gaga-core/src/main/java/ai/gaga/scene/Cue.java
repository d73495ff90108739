package ai.gaga.scene;

/**
 * A non-spoken direction at its place in the scene: scene heading, music, ambience, sound effect, camera, action,
 * transition, or a tag GAGA does not know yet (kept so that nothing in a script is lost).
 */
public sealed interface Cue extends SceneElement
        permits SceneHeading, SoundCue, CameraCue, ActionCue, TransitionCue, TagCue {
}
