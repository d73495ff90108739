package ai.gaga.voice;

import ai.gaga.direction.LanguageDetector;
import ai.gaga.scene.Voice;

import java.util.Locale;

/**
 * Picks the voice for one line, so that a script mixing languages just works: an actor left on the default voice
 * speaks each line of three words or more in the language its words are in ({@code "Je dois partir."} in French),
 * and any line in another writing system in that system's language ({@code "我爱你"} in Chinese); an actor given a
 * voice keeps it, except for lines in another writing system, which it cannot read (a French voice given Chinese
 * characters speaks them with a Chinese voice).
 */
@ai.gaga.Internal
public final class LineVoices {
    private static final LanguageDetector DETECTOR = new LanguageDetector();

    private LineVoices() {
    }

    /** The voice that speaks {@code text} for an actor whose voice is {@code actorVoice}. */
    public static Voice forLine(Voice actorVoice, String text) {
        return forLine(actorVoice, text, DETECTOR.detect(text));
    }

    /** As {@link #forLine(Voice, String)}, for words whose language was already detected ({@code detected}). */
    public static Voice forLine(Voice actorVoice, String text, String detected) {
        String current = primary(actorVoice.language());
        if (detected.equals(current)) {
            return actorVoice;
        }
        boolean otherScript = !latin(detected) || !latin(current);
        if (otherScript) {
            return Voice.of(detected);
        }
        // Between languages written in Latin letters, one or two words are too little evidence ("Wait!", "OK").
        if (actorVoice.equals(Voice.DEFAULT) && words(text) >= 3) {
            return Voice.of(detected);
        }
        return actorVoice;
    }

    private static int words(String text) {
        int n = 0;
        for (String w : text.split("[^\\p{L}']+")) {
            n += w.isEmpty() ? 0 : 1;
        }
        return n;
    }

    private static String primary(String language) {
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** Languages written in Latin letters (what the detector tells apart by words). */
    private static boolean latin(String lang) {
        return switch (lang) {
            case "zh", "ja", "ko", "ru", "ar", "el", "he", "th", "hi", "hy", "ka", "uk", "bg", "sr", "fa" -> false;
            default -> true;
        };
    }
}
