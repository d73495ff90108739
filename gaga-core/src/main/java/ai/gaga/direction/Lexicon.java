package ai.gaga.direction;

import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of one language that tell emotion and delivery, read from {@code lexicon-<lang>.txt} next to this class:
 * emotion words and phrases (each with what it turns into when negated), intensifiers and diminishers, negators,
 * contrast words that turn a line, delivery words and scene words. Immutable once loaded; one instance per language.
 */
final class Lexicon {
    /** What a word or phrase of the text means to the analyser. */
    sealed interface Item permits Term, Modifier, Negator, Contrast {
    }

    /**
     * An emotion word. {@code negated} is what "not WORD" says; null means the default for the emotion.
     */
    record Term(Emotion emotion, double weight, Emotion negated, double negatedWeight) implements Item {
    }

    /** Scales the next emotion word: above 1 intensifies ("very"), below 1 softens ("a bit"). */
    record Modifier(double factor) implements Item {
    }

    /** Turns the emotion words that follow within its scope. */
    record Negator() implements Item {
    }

    /** Starts a new part of the line that weighs more than what came before ("but", "mais", "但是"). */
    record Contrast() implements Item {
    }

    private static final Pattern TERM = Pattern.compile("(.+?)\\s+([0-9.]+)(?:\\s+!\\s*(\\w+)\\s+([0-9.]+))?");
    private static final Map<String, Lexicon> LOADED = new ConcurrentHashMap<>();

    private final String language;
    private final Map<String, Item> items = new HashMap<>();
    private final Map<String, Map<Emotion, Double>> sceneWords = new HashMap<>();
    /** Apart from the other items: "trembling" is both a fear word and a delivery. */
    private final Map<String, Delivery> deliveryWords = new HashMap<>();
    private int longestPhrase = 1;
    private int longestHan = 1;

    private Lexicon(String language) {
        this.language = language;
    }

    /** The lexicon of a language, or null when there is none (the analyser then reads punctuation and emoji only). */
    static Lexicon of(String language) {
        String lang = language.toLowerCase(Locale.ROOT);
        if (!lang.equals("en") && !lang.equals("fr") && !lang.equals("zh")) {
            return null;
        }
        return LOADED.computeIfAbsent(lang, Lexicon::load);
    }

    /** The languages that have a lexicon. */
    static java.util.List<String> languages() {
        return java.util.List.of("en", "fr", "zh");
    }

    String language() {
        return language;
    }

    Item item(String key) {
        return items.get(key);
    }

    /** What a scene word (in a heading, an ambience or music cue) sets the mood to, or null. */
    Map<Emotion, Double> sceneWord(String key) {
        return sceneWords.get(key);
    }

    /** Most words in one phrase (Latin scripts). */
    int longestPhrase() {
        return longestPhrase;
    }

    /** Most characters in one entry written without spaces (Chinese). */
    int longestHan() {
        return longestHan;
    }

    /** The delivery a word or phrase names, or null. */
    Delivery delivery(String key) {
        return deliveryWords.get(key);
    }

    boolean contains(String key) {
        return items.containsKey(key) || sceneWords.containsKey(key) || deliveryWords.containsKey(key);
    }

    private static Lexicon load(String lang) {
        Lexicon lexicon = new Lexicon(lang);
        String section = null;
        for (DataFile.Entry e : DataFile.read("lexicon-" + lang + ".txt")) {
            String line = e.text();
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            if (section == null) {
                throw new IllegalStateException(e.where() + ": entry before any [section]");
            }
            lexicon.add(section, line, e.where());
        }
        return lexicon;
    }

    private void add(String section, String line, String where) {
        switch (section) {
            case "negator" -> put(line, new Negator());
            case "contrast" -> put(line, new Contrast());
            case "intensifier", "diminisher" -> {
                int space = line.lastIndexOf(' ');
                put(line.substring(0, space).strip(), new Modifier(Double.parseDouble(line.substring(space + 1))));
            }
            case "delivery" -> {
                int space = line.lastIndexOf(' ');
                String key = line.substring(0, space).strip().toLowerCase(Locale.ROOT).replace('’', '\'');
                deliveryWords.put(key, Delivery.valueOf(line.substring(space + 1).toUpperCase(Locale.ROOT)));
                measure(key);
            }
            case "scene" -> {
                String[] parts = line.split("\\s+");
                if (parts.length < 3) {
                    throw new IllegalStateException(where + ": scene word needs 'word emotion weight'");
                }
                String key = String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 2));
                Map<Emotion, Double> mood = sceneWords.computeIfAbsent(key, k -> new EnumMap<>(Emotion.class));
                mood.put(emotion(parts[parts.length - 2], where), Double.parseDouble(parts[parts.length - 1]));
                measure(key);
            }
            default -> {
                Emotion emotion = emotion(section, where);
                Matcher m = TERM.matcher(line);
                if (!m.matches()) {
                    throw new IllegalStateException(where + ": expected 'word weight [! emotion weight]', got "
                            + line);
                }
                Emotion negated = m.group(3) == null ? null : emotion(m.group(3), where);
                double negatedWeight = m.group(4) == null ? 0 : Double.parseDouble(m.group(4));
                put(m.group(1).strip(), new Term(emotion, Double.parseDouble(m.group(2)), negated, negatedWeight));
            }
        }
    }

    private static Emotion emotion(String word, String where) {
        try {
            return Emotion.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": unknown emotion '" + word + "'", e);
        }
    }

    private void put(String key, Item item) {
        // The tokenizer cuts at hyphens ("rends-moi" is two words), so a hyphenated entry is stored as its words.
        String k = key.toLowerCase(Locale.ROOT).replace('’', '\'').replace('-', ' ');
        items.put(k, item);
        measure(k);
    }

    private void measure(String key) {
        // French elisions are two tokens: "n'en reviens pas" is four
        int tokens = key.split(" ").length + key.replaceAll("[^']", "").length();
        longestPhrase = Math.max(longestPhrase, tokens);
        if (key.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            longestHan = Math.max(longestHan, key.length());
        }
    }
}
