package ai.gaga.scene;

/** One step of a scene, in order: a spoken {@link Line}, a {@link Pause}, or a {@link Cue} (music, camera, action…). */
public sealed interface SceneElement permits Line, Pause, Cue {
}
