package ai.gaga.picture;

import ai.gaga.scene.Actor;
import java.util.List;

import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;

/**
 * Makes the {@link PlateSource} of one prepared scene: animated plates need the scene's timeline (who says what, when)
 * to act it; still plates ignore it.
 */
@FunctionalInterface
public interface PlateSourceFactory {
    /** Plates of the unchanged photos, whatever the scene. */
    PlateSourceFactory STILL = (scene, timeline, format) -> PlateSource.STILL;

    /** The plate source for one render of {@code scene}. */
    PlateSource forScene(Scene scene, Timeline timeline, VideoFormat format);

    /**
     * What these plates will make of an actor's face, in the user's words (a face too small to animate, a strong
     * profile acted with less motion, eyes hidden…), for the plan's warnings. Analyses the face once (cached for
     * {@link #forScene}); still plates have nothing to say.
     */
    default List<String> warnings(Actor actor, PhotoAnalysis photo) {
        return List.of();
    }
}
