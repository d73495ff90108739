package ai.gaga.scene;

import ai.gaga.SceneTooLongException;

import java.time.Duration;
import java.util.List;

/**
 * A scene's least spoken length, from its text alone, so that a scene that clearly cannot fit its
 * {@link Scene#maxDuration()} is refused before any voice speaks (speaking a 10,000-line script first took 400 s).
 *
 * <p>The estimate is a lower bound: every letter or digit is spoken at a fast rate ({@value #LATIN_PER_SECOND} per
 * second in alphabetic scripts, {@value #SYLLABIC_PER_SECOND} per second for Chinese characters, kana and hangul, each
 * a syllable), plus the pauses the scene asks for. Real voices are slower (MaryTTS: about 12 letters per second, espeak
 * Chinese about 4 characters), so a scene the estimate refuses would have failed after speaking anyway; a scene near
 * the limit is left to the exact check after timing. Recorded lines count as nothing here. Stateless.
 */
@ai.gaga.Internal
public final class SceneLimits {
    /** Letters and digits per second at a fast rate in alphabetic scripts. */
    public static final double LATIN_PER_SECOND = 20;
    /** Syllabic characters (Han, kana, hangul) per second at a fast rate. */
    public static final double SYLLABIC_PER_SECOND = 8;

    private SceneLimits() {
    }

    /** The least time the line's words and its own pauses take to speak. */
    public static Duration leastLength(Line line) {
        if (line.recorded().isPresent()) {
            return Duration.ZERO;
        }
        double seconds = textSeconds(line.text());
        for (Beat b : line.pauses()) {
            seconds += b.duration().toNanos() / 1e9;
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** Seconds the text takes at least, at the fast rates above. */
    static double textSeconds(String text) {
        long latin = 0;
        long syllabic = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
                syllabic++;
            } else {
                latin++;
            }
        }
        return latin / LATIN_PER_SECOND + syllabic / SYLLABIC_PER_SECOND;
    }

    /**
     * The scene's least length: when every line follows the one before, the sum of the lines and the pauses between
     * them; when some line overlaps or is placed at a time, the latest least end of a single line.
     */
    public static Duration leastLength(Scene scene) {
        List<SceneElement> elements = scene.elements();
        boolean sequential = true;
        double total = 0;
        double latestEnd = 0;
        for (SceneElement e : elements) {
            if (e instanceof Pause p) {
                total += p.duration().toNanos() / 1e9;
            } else if (e instanceof Line line) {
                double length = leastLength(line).toNanos() / 1e9;
                LineStart start = line.start();
                double offset = start.offset().toNanos() / 1e9;
                switch (start.kind()) {
                    case SEQUENTIAL -> total += length;
                    case AFTER -> total += offset + length;
                    default -> sequential = false;
                }
                latestEnd = Math.max(latestEnd, (start.kind() == LineStart.Kind.AT ? offset : 0) + length);
            }
        }
        double seconds = sequential ? total : latestEnd;
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /**
     * Refuses a scene whose least length is over its limit.
     *
     * @throws SceneTooLongException saying how long the scene takes at least and the limit
     */
    public static void check(Scene scene) {
        Duration least = leastLength(scene);
        if (least.compareTo(scene.maxDuration()) > 0) {
            throw SceneTooLongException.estimated(least, scene.maxDuration(), scene.lines().size());
        }
    }
}
