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
     * Analyses the photos and prepares the frames. Fails fast with {@link ai.gaga.InvalidPhotoException} on unusable
     * photos, before any expensive work of the render.
     */
    FrameRenderer prepare(Scene scene, Timeline timeline, VideoFormat format);

    @Override
    default void close() {
    }
}
