package ai.gaga.render;

import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;

/**
 * Turns a planned scene into pictures: analyses each actor's photo once (face detection etc.) and returns the renderer
 * of its frames. Thread-safe; one instance serves many renders.
 */
public interface Performer extends AutoCloseable {
    String id();

    /**
     * Checks and analyses the scene's photos before speech is synthesised, so that an unusable photo fails the render
     * in milliseconds rather than after the slow steps. Implementations cache what they learn for {@link #prepare}.
     *
     * @throws ai.gaga.InvalidPhotoException naming the photo and the problem
     */
    default void inspect(Scene scene) {
    }

    /**
     * Analyses the photos and prepares the frames. Fails fast with {@link ai.gaga.InvalidPhotoException} on unusable
     * photos, before any expensive work of the render.
     */
    FrameRenderer prepare(Scene scene, Timeline timeline, VideoFormat format);

    @Override
    default void close() {
    }
}
