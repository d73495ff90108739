package ai.gaga.direction;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A word-by-word English gloss of a French line ({@code gloss-fr-en.txt}), so that the English sentence model can read
 * its meaning: no French sentence model is published as an in-process jar on Maven Central, and MiniLM on French text
 * sees little more than spelling. The gloss is crude (no word order, no agreement) but keeps the content words, which
 * is what the embedding mostly weighs. Words it does not know stay as they are (many are cognates). Stateless.
 */
final class FrenchGloss {
    private static final Map<String, String> GLOSS = load();
    private static final int LONGEST = 4;

    private FrenchGloss() {
    }

    /** The English gloss of a French line, punctuation kept. */
    static String gloss(String text) {
        List<Token> tokens = Tokenizer.tokenize(text, Lexicon.of("fr"));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != Token.Kind.WORD) {
                out.append(t.text());
                continue;
            }
            int used = 1;
            String english = null;
            for (int n = Math.min(LONGEST, tokens.size() - i); n >= 2 && english == null; n--) {
                String key = phrase(tokens, i, n);
                if (key != null && GLOSS.containsKey(key)) {
                    english = GLOSS.get(key);
                    used = n;
                }
            }
            if (english == null) {
                english = word(t.text());
            }
            if (!english.isEmpty()) {
                out.append(' ').append(english);
            }
            i += used - 1;
        }
        return out.toString().strip();
    }

    private static String phrase(List<Token> tokens, int i, int n) {
        StringBuilder key = new StringBuilder();
        for (int k = i; k < i + n; k++) {
            Token t = tokens.get(k);
            if (t.kind() != Token.Kind.WORD) {
                return null;
            }
            if (k > i && !tokens.get(k - 1).text().endsWith("'")) {
                key.append(' ');
            }
            key.append(t.text());
        }
        return key.toString();
    }

    private static String word(String w) {
        String english = GLOSS.get(w);
        if (english != null) {
            return english;
        }
        for (String lemma : EmotionAnalyzer.frenchLemmas(w)) {
            english = GLOSS.get(lemma);
            if (english != null) {
                return english;
            }
        }
        return w;
    }

    private static Map<String, String> load() {
        Map<String, String> gloss = new HashMap<>();
        for (DataFile.Entry e : DataFile.read("gloss-fr-en.txt")) {
            String[] pair = e.pair("french<TAB>english");
            String key = pair[0].toLowerCase(Locale.ROOT).replace('’', '\'').replace('-', ' ');
            gloss.putIfAbsent(key, pair[1]); // the first, commonest sense wins
        }
        return Map.copyOf(gloss);
    }
}
