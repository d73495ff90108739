package ai.gaga.voice.espeak;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * espeak-ng's IPA for a text, for neural engines that speak phonemes (Piper, Kokoro). Runs the binary as a separate
 * process, like {@link EspeakEngine}. Thread-safe.
 */
public final class EspeakPhonemizer {
    private EspeakPhonemizer() {
    }

    /** Whether espeak-ng is installed (or configured with {@code gaga.espeak.binary}). */
    public static boolean available() {
        return EspeakProcess.available(EspeakProcess.binary());
    }

    /**
     * The IPA of a text in an espeak voice ({@code en-us}, {@code fr-fr}, {@code cmn}…), words separated by single
     * spaces. espeak prints one line per clause and drops the punctuation; the lines are joined with spaces.
     *
     * @throws ai.gaga.GagaException when espeak-ng is missing or fails (e.g. an unknown voice)
     */
    public static String ipa(String voice, String text) {
        String out = new String(EspeakProcess.run(EspeakProcess.binary(), List.of("-q", "--ipa", "-v", voice), text),
                StandardCharsets.UTF_8);
        return out.trim().replaceAll("\\s+", " ");
    }

    /** Punctuation that ends a clause and is kept in the phoneme string (Piper's and Kokoro's clause marks). */
    public static final String CLAUSE_PUNCTUATION = ".,;:!?";

    /**
     * The IPA of a text with its clause punctuation kept, as Piper and Kokoro were trained on: each clause's IPA
     * followed by its closing mark ({@code həlˈoʊ, wˈɜːld.}), clauses separated by a space. espeak itself drops the
     * marks, so the text is cut into clauses first and each is phonemised on its own.
     */
    public static String ipaWithPunctuation(String voice, String text) {
        StringBuilder out = new StringBuilder();
        for (String clause : clauses(text)) {
            String trimmed = clause.strip();
            char last = trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
            boolean marked = CLAUSE_PUNCTUATION.indexOf(last) >= 0;
            String words = marked ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
            String phonemes = words.isBlank() ? "" : ipa(voice, words);
            if (phonemes.isEmpty() && !marked) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(phonemes);
            if (marked) {
                out.append(last);
            }
        }
        return out.toString();
    }

    /** Clauses with their closing punctuation ({@code "Hello,"}, {@code " world."}); a mark inside a word (3.5) is kept. */
    static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            current.append(c);
            if (CLAUSE_PUNCTUATION.indexOf(c) >= 0
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString());
        }
        return out;
    }
}
