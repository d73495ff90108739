package ai.gaga;

import java.time.Duration;

/** The scene's spoken length exceeds {@code maxDuration}. GAGA never truncates silently. */
public class SceneTooLongException extends InvalidSceneException {
    private final Duration length;
    private final Duration limit;

    public SceneTooLongException(Duration length, Duration limit) {
        super(String.format(java.util.Locale.ROOT,
                "Scene is %.2f s long, %.2f s over the %.2f s limit (maxDuration). "
                        + "Shorten the text or pauses, or raise Scene.builder().maxDuration(...).",
                seconds(length), seconds(length.minus(limit)), seconds(limit)));
        this.length = length;
        this.limit = limit;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    public Duration length() {
        return length;
    }

    public Duration limit() {
        return limit;
    }

    /** How much has to go. */
    public Duration overflow() {
        return length.minus(limit);
    }
}
