package ai.gaga.render;

import ai.gaga.RenderPlan;
import ai.gaga.scene.Scene;

import java.util.List;

/**
 * Turns a plan into pictures: finds each actor's face in their photo once ({@link #cast}), then draws the plan's frames
 * ({@link #prepare}). Thread-safe; one instance serves many renders.
 */
public interface Performer extends AutoCloseable {
    String id();

    /**
     * Loads every actor's photo and finds the face that plays them, before any voice speaks, so that an unusable photo
     * fails in milliseconds rather than after the slow steps. Implementations cache what they learn for
     * {@link #prepare}.
     *
     * @return one member per actor, in {@link Scene#actors()} order
     * @throws ai.gaga.InvalidPhotoException naming the photo and the problem
     */
    List<CastMember> cast(Scene scene);

    /** The renderer of the plan's frames: {@code plan.frameCount()} frames of {@code plan.format()}. */
    FrameRenderer prepare(RenderPlan plan);

    @Override
    default void close() {
    }
}
