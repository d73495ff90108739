package ai.gaga;

import java.time.Duration;

/** The scene's spoken length exceeds {@code maxDuration}. GAGA never truncates silently. */
public class SceneTooLongException extends InvalidSceneException {
    private final Duration length;
    private final Duration limit;

    /** How to raise the limit, in the API's words; the CLI names its {@code --max-duration} flag instead. */
    public static final String RAISE_HINT = "raise Scene.builder().maxDuration(...)";

    public SceneTooLongException(Duration length, Duration limit) {
        this(String.format(java.util.Locale.ROOT,
                "Scene is %.2f s long, %.2f s over the %.2f s limit (maxDuration). "
                        + "Shorten the text or pauses, or " + RAISE_HINT + ".",
                seconds(length), seconds(length.minus(limit)), seconds(limit)), length, limit);
    }

    private SceneTooLongException(String message, Duration length, Duration limit) {
        super(message);
        this.length = length;
        this.limit = limit;
    }

    /**
     * A scene refused before it was spoken: its text alone takes at least {@code atLeast} to say.
     *
     * @param lines how many lines the scene has (named in the message)
     */
    public static SceneTooLongException estimated(Duration atLeast, Duration limit, int lines) {
        return new SceneTooLongException(String.format(java.util.Locale.ROOT,
                "Scene needs at least %.1f s to speak (%d line%s, counted at a fast speaking rate), over the %.2f "
                        + "s limit (maxDuration); nothing was spoken. Shorten the text or pauses, or " + RAISE_HINT
                        + ".", seconds(atLeast), lines, lines == 1 ? "" : "s", seconds(limit)), atLeast, limit);
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
