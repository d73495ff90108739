package ai.gaga.voice;

import ai.gaga.direction.LanguageDetector;
import ai.gaga.scene.Voice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the voice for one line, so that a script mixing languages just works: an actor left on the default voice
 * speaks each line of three words or more in the language its words are in ({@code "Je dois partir."} in French),
 * and any line in another writing system in that system's language ({@code "我爱你"} in Chinese); an actor given a
 * voice keeps it, except for lines in another writing system, which it cannot read (a French voice given Chinese
 * characters speaks them with a Chinese voice).
 *
 * <p>A line that switches writing system ({@code "I told her: 我今天很高兴见到你。 Then she left."}) is cut into
 * {@link Run runs}, one per stretch of one writing system, and each run gets the voice of its own writing system:
 * the language of a writing system is detected once, on all of the line's text in it, and kept for its runs.
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

    /**
     * A stretch {@code [start, end)} of a line's text in one writing system, and the voice that speaks it.
     *
     * @param main whether this run is in the line's main writing system (the one with the most letters)
     */
    public record Run(int start, int end, Voice voice, boolean main) {
    }

    /**
     * The line cut where its writing system changes, each run with its voice; one run (the whole text, the voice
     * {@link #forLine} picks) when the line keeps to one writing system. Spaces, digits and punctuation belong to the
     * run they follow (the first run takes any before it). Runs cover the text without gaps.
     */
    public static List<Run> runs(Voice actorVoice, String text) {
        return runs(actorVoice, null, text);
    }

    /**
     * As {@link #runs(Voice, String)}, the runs of the line's main writing system spoken by {@code lineVoice}, the
     * voice the direction already chose for the line (its language is detected once and kept); null to choose here.
     */
    public static List<Run> runs(Voice actorVoice, Voice lineVoice, String text) {
        List<int[]> spans = new ArrayList<>(); // {start, end, system}
        int current = -1;
        int start = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int system = Character.isLetter(cp) ? system(cp) : -1;
            if (system >= 0 && system != current) {
                if (current >= 0) {
                    // the boundary sits at the start of this letter, after any spaces and punctuation
                    spans.add(new int[] {start, i, current});
                    start = i;
                }
                current = system;
            }
            i += Character.charCount(cp);
        }
        if (current < 0 || spans.isEmpty()) {
            return List.of(new Run(0, text.length(), lineVoice != null ? lineVoice : forLine(actorVoice, text), true));
        }
        spans.add(new int[] {start, text.length(), current});
        Map<Integer, StringBuilder> bySystem = new LinkedHashMap<>();
        Map<Integer, Integer> letters = new LinkedHashMap<>();
        for (int[] s : spans) {
            String t = text.substring(s[0], s[1]);
            bySystem.computeIfAbsent(s[2], k -> new StringBuilder()).append(t).append(' ');
            letters.merge(s[2], (int) t.codePoints().filter(Character::isLetter).count(), Integer::sum);
        }
        int mainSystem = letters.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<Integer, Voice> voices = new LinkedHashMap<>();
        bySystem.forEach((system, t) -> voices.put(system, forLine(actorVoice, t.toString().strip())));
        List<Run> runs = new ArrayList<>();
        for (int[] s : spans) {
            boolean main = s[2] == mainSystem;
            runs.add(new Run(s[0], s[1], main && lineVoice != null ? lineVoice : voices.get(s[2]), main));
        }
        return List.copyOf(runs);
    }

    /** The writing system of a letter: Han and kana count as one (Japanese mixes them). */
    private static int system(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, BOPOMOFO -> Character.UnicodeScript.HAN.ordinal();
            case COMMON, INHERITED -> Character.UnicodeScript.LATIN.ordinal();
            default -> script.ordinal();
        };
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
