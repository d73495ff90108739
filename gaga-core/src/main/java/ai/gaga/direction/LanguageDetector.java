package ai.gaga.direction;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of one script line, so that a line without a language tag goes to an engine that speaks it.
 * First by writing system (the script with most letters wins: Han, Kana, Hangul, Cyrillic…); Latin text is then scored
 * on stop words and a few telltale letters for en, fr, de, es, it and pt, ties going to English. Short lines are a
 * guess; good enough for picking a voice, not for linguistics. Stateless and thread-safe.
 */
@ai.gaga.Internal
public final class LanguageDetector {
    private static final Map<Character.UnicodeScript, String> SCRIPTS = Map.ofEntries(
            Map.entry(Character.UnicodeScript.HAN, "zh"),
            Map.entry(Character.UnicodeScript.HIRAGANA, "ja"),
            Map.entry(Character.UnicodeScript.KATAKANA, "ja"),
            Map.entry(Character.UnicodeScript.HANGUL, "ko"),
            Map.entry(Character.UnicodeScript.CYRILLIC, "ru"),
            Map.entry(Character.UnicodeScript.ARABIC, "ar"),
            Map.entry(Character.UnicodeScript.GREEK, "el"),
            Map.entry(Character.UnicodeScript.HEBREW, "he"),
            Map.entry(Character.UnicodeScript.THAI, "th"),
            Map.entry(Character.UnicodeScript.DEVANAGARI, "hi"),
            Map.entry(Character.UnicodeScript.ARMENIAN, "hy"),
            Map.entry(Character.UnicodeScript.GEORGIAN, "ka"));

    /** Frequent short words, each language's own (words shared by several languages score for all of them). */
    private static final Map<String, Set<String>> STOP_WORDS = new LinkedHashMap<>();

    static {
        STOP_WORDS.put("en", Set.of("the", "and", "is", "are", "was", "you", "to", "of", "it", "that", "in", "i",
                "have", "this", "with", "for", "not", "my", "we", "what", "be", "do", "will", "can", "me", "your",
                "he", "she", "they", "at", "on", "all", "there", "here", "just", "know", "about", "would", "am",
                "were", "been", "from", "but", "so", "how", "why", "where", "our", "hello", "hi", "goodbye", "please",
                "thanks", "yes", "okay", "he's", "she's", "it's", "i'm", "you're", "don't", "can't", "won't", "let's", "i'll",
                "i've", "that's", "there's", "didn't", "isn't", "we're", "they're", "go", "now", "back", "one", "out",
                "up", "if", "an", "his", "her", "him", "them", "when", "who", "very", "oh", "did", "get", "got"));
        STOP_WORDS.put("fr", Set.of("le", "la", "les", "et", "est", "je", "tu", "il", "elle", "nous", "vous", "un",
                "une", "des", "du", "de", "que", "qui", "pas", "ne", "ce", "c'est", "dans", "pour", "sur", "avec",
                "mais", "ou", "au", "aux", "mon", "ma", "mes", "ton", "suis", "sont", "j'ai", "très", "bien", "oui", "me", "te", "se", "quand", "tout", "toute", "quelle",
                "quel", "vraiment", "toujours", "rien", "jamais", "où", "là", "va", "peux", "veux", "ses", "son", "sa",
                "depuis", "été", "à", "chez", "ici", "déjà", "voilà", "alors", "tellement", "quoi", "votre", "notre",
                "moi", "toi", "ça", "cette", "on", "bonjour", "merci", "salut", "au revoir", "l'", "d'", "j'", "qu'", "n'", "plus", "fait", "avons", "avez"));
        STOP_WORDS.put("de", Set.of("der", "die", "das", "und", "ist", "ich", "du", "er", "sie", "wir", "ihr", "nicht",
                "ein", "eine", "einen", "mit", "zu", "den", "dem", "auf", "für", "von", "auch", "es", "sich", "bin",
                "sind", "hat", "habe", "haben", "noch", "wie", "was", "aber", "mein", "meine", "dein", "nach", "heute",
                "schon", "wenn", "doch", "kann", "wird", "hier", "mir", "dich", "dir", "uns", "im", "ja", "nein", "wo",
                "warum", "aus", "hallo", "danke", "bitte", "tschüss", "etwas", "jemand", "meinem", "mich", "als", "dass", "um", "bis", "jetzt"));
        STOP_WORDS.put("es", Set.of("el", "la", "los", "las", "y", "es", "yo", "tú", "él", "ella", "nosotros", "un",
                "una", "de", "que", "en", "no", "por", "para", "con", "del", "al", "se", "lo", "mi", "muy", "pero",
                "está", "estoy", "son", "soy", "como", "más", "qué", "hay", "sí", "tengo", "tiene", "este", "esta",
                "todo", "ya", "cuando", "su", "nos", "me", "te", "usted", "hoy", "bien", "vamos", "hola", "gracias",
                "adiós"));
        STOP_WORDS.put("it", Set.of("il", "lo", "la", "gli", "le", "e", "è", "io", "tu", "lui", "lei", "noi", "voi",
                "un", "una", "di", "che", "non", "per", "con", "del", "della", "sono", "sei", "ho", "hai", "ha", "mi",
                "ti", "ci", "come", "più", "ma", "anche", "questo", "questa", "molto", "bene", "oggi", "nel", "alla",
                "al", "dei", "delle", "sì", "cosa", "perché", "siamo", "andiamo", "grazie", "ciao", "da", "dove", "ieri", "mia", "mio", "tuo",
                "tua", "qui", "quando", "chi", "adesso", "ancora", "sempre", "niente", "nessuno", "devo"));
        STOP_WORDS.put("pt", Set.of("o", "a", "os", "as", "e", "é", "eu", "tu", "ele", "ela", "nós", "vocês", "você",
                "um", "uma", "de", "que", "não", "por", "para", "com", "do", "da", "dos", "das", "no", "na", "em",
                "se", "meu", "minha", "muito", "mas", "está", "estou", "são", "sou", "como", "mais", "tem", "tenho",
                "isso", "isto", "hoje", "bem", "obrigado", "obrigada", "vamos", "também", "ao", "já", "aqui", "à",
                "onde", "estava", "olá", "tchau", "ontem", "agora", "quando", "ninguém", "porque"));
    }

    /** Letters (and letter pairs) that mostly belong to one language. */
    private static final Map<String, List<String>> TELLTALES = Map.of(
            "fr", List.of("ç", "œ", "eau", "oux", "ê", "è", "à", "ù", "û", "î", "aient"),
            "de", List.of("ß", "ä", "ö", "ü", "sch", "cht", "tz", "ei", "w"),
            "es", List.of("ñ", "¿", "¡", "ción", "ll"),
            "it", List.of("zz", "gli", "cch", "ò", "ì", "tà", "ss", "tt", "cc"),
            "pt", List.of("ã", "õ", "ção", "lh", "nh", "ê", "ô"),
            "en", List.of("th", "wh", "ing"));

    /**
     * The BCP-47 primary language subtag of the text, e.g. {@code en}, {@code zh}; {@code en} when nothing tells
     * (digits, punctuation, emoji only).
     */
    public String detect(String text) {
        Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
        text.codePoints().filter(Character::isLetter)
                .forEach(cp -> counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum));
        // Kana decide Japanese even when kanji outnumber them: Chinese has no kana.
        if (counts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
                + counts.getOrDefault(Character.UnicodeScript.KATAKANA, 0) > 0
                && counts.getOrDefault(Character.UnicodeScript.LATIN, 0) < counts.getOrDefault(
                Character.UnicodeScript.HAN, 0) + counts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
                + counts.getOrDefault(Character.UnicodeScript.KATAKANA, 0)) {
            return "ja";
        }
        Character.UnicodeScript top = counts.entrySet().stream()
                // Han characters carry a word each; weigh them like 2 Latin letters so that "我爱Paris" is Chinese.
                .max((a, b) -> Double.compare(weight(a.getKey()) * a.getValue(), weight(b.getKey()) * b.getValue()))
                .map(Map.Entry::getKey).orElse(Character.UnicodeScript.LATIN);
        if (top != Character.UnicodeScript.LATIN) {
            return SCRIPTS.getOrDefault(top, "en");
        }
        return latin(text);
    }

    private static double weight(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.HAN ? 2 : 1;
    }

    /** Stop words count 2 each, telltale letters 1 each; ties go to English (listed first). */
    private static String latin(String text) {
        String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC).replace('’', '\'');
        String[] words = lower.split("[^\\p{L}']+");
        String best = "en";
        double bestScore = 0;
        for (var entry : STOP_WORDS.entrySet()) {
            String lang = entry.getKey();
            double score = 0;
            for (String word : words) {
                if (word.isEmpty()) {
                    continue;
                }
                if (entry.getValue().contains(word)) {
                    score += 2;
                }
                // French and Italian elide: l'homme, d'accord, c'era.
                int apostrophe = word.indexOf('\'');
                if (apostrophe > 0 && entry.getValue().contains(word.substring(0, apostrophe + 1))) {
                    score += 2;
                }
            }
            if (lang.equals("it")) {
                // Italian words nearly all end in a vowel; Spanish and Portuguese ones often in s, n, r, l, m.
                for (String word : words) {
                    if (word.length() > 1 && "aeioàèéìòù".indexOf(word.charAt(word.length() - 1)) >= 0) {
                        score += 0.4;
                    }
                }
            }
            for (String telltale : TELLTALES.get(lang)) {
                for (int i = lower.indexOf(telltale); i >= 0; i = lower.indexOf(telltale, i + 1)) {
                    score += 1;
                }
            }
            if (score > bestScore) {
                best = lang;
                bestScore = score;
            }
        }
        return best;
    }
}
