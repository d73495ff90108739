package ai.gaga.direction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a line into {@link Token}s. Latin words split at spaces and hyphens, French elisions ({@code j'adore},
 * {@code n'est}) into two words; Chinese, written without spaces, by longest match against the lexicon, one character
 * per token where nothing matches. Stateless.
 */
final class Tokenizer {
    private static final Set<String> ELISIONS = Set.of("l'", "d'", "j'", "n'", "m'", "t'", "s'", "c'", "qu'",
            "jusqu'", "lorsqu'", "puisqu'");

    private Tokenizer() {
    }

    static List<Token> tokenize(String text, Lexicon lexicon) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                int end = hanMatch(text, i, lexicon);
                tokens.add(new Token(text.substring(i, end), i, end, Token.Kind.WORD, false));
                i = end;
            } else if (Character.isLetterOrDigit(cp)) {
                int end = i;
                while (end < n) {
                    int c = text.codePointAt(end);
                    boolean apostrophe = (c == '\'' || c == '’') && end + 1 < n
                            && Character.isLetter(text.codePointAt(end + 1));
                    if (!(Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                            || apostrophe) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                        break;
                    }
                    end += Character.charCount(c);
                }
                word(text, i, end, lexicon, tokens);
                i = end;
            } else if (cp == '.' && text.startsWith("...", i)) {
                int end = i;
                while (end < n && text.charAt(end) == '.') {
                    end++;
                }
                tokens.add(new Token("…", i, end, Token.Kind.PUNCT, false));
                i = end;
            } else {
                String punct = punct(cp);
                if (punct != null) {
                    tokens.add(new Token(punct, i, i + len, Token.Kind.PUNCT, false));
                } else if (Emojis.isEmoji(cp)) {
                    tokens.add(new Token(new String(Character.toChars(cp)), i, i + len, Token.Kind.EMOJI, false));
                }
                i += len;
            }
        }
        return tokens;
    }

    private static void word(String text, int start, int end, Lexicon lexicon, List<Token> out) {
        String original = text.substring(start, end);
        String lower = original.toLowerCase(Locale.ROOT).replace('’', '\'');
        boolean shouted = original.codePoints().filter(Character::isLetter).count() >= 2
                && original.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        int apostrophe = lower.indexOf('\'');
        if (lexicon != null && lexicon.language().equals("fr") && apostrophe > 0
                && ELISIONS.contains(lower.substring(0, apostrophe + 1)) && apostrophe + 1 < lower.length()) {
            out.add(new Token(lower.substring(0, apostrophe + 1), start, start + apostrophe + 1, Token.Kind.WORD,
                    shouted));
            out.add(new Token(lower.substring(apostrophe + 1), start + apostrophe + 1, end, Token.Kind.WORD, shouted));
            return;
        }
        out.add(new Token(lower, start, end, Token.Kind.WORD, shouted));
    }

    /** The longest lexicon entry starting at {@code start}, or one character. */
    private static int hanMatch(String text, int start, Lexicon lexicon) {
        if (lexicon != null) {
            for (int len = Math.min(lexicon.longestHan(), text.length() - start); len > 1; len--) {
                if (lexicon.contains(text.substring(start, start + len))) {
                    return start + len;
                }
            }
        }
        return start + Character.charCount(text.codePointAt(start));
    }

    /** Punctuation in ASCII spelling (full-width Chinese marks included), or null. */
    private static String punct(int cp) {
        return switch (cp) {
            case '!', '！', '¡' -> "!";
            case '?', '？', '¿' -> "?";
            case '.', '。' -> ".";
            case ',', '，', '、' -> ",";
            case ';', '；' -> ";";
            case ':', '：' -> ":";
            case '…' -> "…";
            default -> null;
        };
    }
}
