package ai.gaga.scene;

/** One step of a scene, in order: a spoken {@link Line} or a {@link Pause}. */
public sealed interface SceneElement permits Line, Pause {
}
