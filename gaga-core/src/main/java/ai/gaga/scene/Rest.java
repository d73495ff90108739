package ai.gaga.scene;

/**
 * The face an actor acts from, between and beneath the expressions and speech of the script.
 *
 * <ul>
 *   <li>{@link #NEUTRAL} (the default): the photo's own expression is relaxed first: an open mouth is closed (the
 *   photo's teeth hidden behind the lips), a grin relaxed, raised or knitted brows let down; the head pose, the
 *   person's look and everything else of the photo stay. Emotions and speech then play on that rest, so a photo
 *   taken mid-laugh can still apologise, and the lips meet between phrases. Each change is reported as a warning.
 *   <li>{@link #AS_PHOTOGRAPHED}: the photo's expression is the rest, exactly as photographed (a grinning photo keeps
 *   grinning through every line).
 * </ul>
 */
public enum Rest {
    /** The photo's expression relaxed to a neutral face (lips together, no grin, brows at rest). */
    NEUTRAL,
    /** The photo's expression as it is. */
    AS_PHOTOGRAPHED
}
