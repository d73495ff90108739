package ai.gaga.voice.language;

/**
 * Guesses the language of one script line. Kept for the voice selection code that uses it; the detector itself lives
 * in gaga-core as {@link ai.gaga.direction.LanguageDetector}, where the script analyser needs it too. Stateless and
 * thread-safe.
 */
public final class LanguageDetector {
    private final ai.gaga.direction.LanguageDetector detector = new ai.gaga.direction.LanguageDetector();

    /** The BCP-47 primary language subtag of the text, e.g. {@code en}, {@code zh}; {@code en} when nothing tells. */
    public String detect(String text) {
        return detector.detect(text);
    }
}
