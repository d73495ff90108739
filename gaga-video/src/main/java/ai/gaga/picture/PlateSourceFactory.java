package ai.gaga.picture;

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
}
