package ai.gaga.direction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BERT uncased tokenizer that sentence-embedding models expect: clean, lower-case, strip accents, split at
 * spaces, punctuation and CJK characters, then greedy longest-match WordPiece against the model's vocabulary (read from
 * its Hugging Face {@code tokenizer.json}). Immutable and thread-safe.
 */
final class WordPiece {
    static final int CLS = 101;
    static final int SEP = 102;
    private static final int MAX_WORD = 100;

    private final Map<String, Integer> vocab;
    private final int unknown;

    private WordPiece(Map<String, Integer> vocab) {
        this.vocab = vocab;
        this.unknown = vocab.getOrDefault("[UNK]", 100);
    }

    /** Reads the vocabulary of a {@code tokenizer.json} on the class path. */
    static WordPiece fromResource(String resource) {
        try (InputStream in = WordPiece.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing tokenizer resource " + resource);
            }
            JsonNode vocabNode = new ObjectMapper().readTree(in).path("model").path("vocab");
            Map<String, Integer> vocab = new HashMap<>(vocabNode.size() * 2);
            vocabNode.fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
            if (vocab.isEmpty()) {
                throw new IllegalStateException("No WordPiece vocabulary in " + resource);
            }
            return new WordPiece(vocab);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** Token ids with {@code [CLS]} first and {@code [SEP]} last, at most {@code maxLength} in all. */
    long[] encode(String text, int maxLength) {
        List<Integer> ids = new ArrayList<>();
        ids.add(CLS);
        for (String word : words(text)) {
            pieces(word, ids);
            if (ids.size() >= maxLength - 1) {
                break;
            }
        }
        int n = Math.min(ids.size(), maxLength - 1);
        long[] out = new long[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = ids.get(i);
        }
        out[n] = SEP;
        return out;
    }

    private static List<String> words(String text) {
        String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{Mn}+", "");
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                flush(current, words);
            } else if (isPunctuation(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flush(current, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                current.appendCodePoint(cp);
            }
        }
        flush(current, words);
        return words;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    /** BERT's idea of punctuation: ASCII symbols as well as Unicode punctuation. */
    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private void pieces(String word, List<Integer> out) {
        if (word.length() > MAX_WORD) {
            out.add(unknown);
            return;
        }
        int start = 0;
        List<Integer> found = new ArrayList<>();
        while (start < word.length()) {
            int end = word.length();
            Integer id = null;
            while (end > start) {
                String piece = (start > 0 ? "##" : "") + word.substring(start, end);
                id = vocab.get(piece);
                if (id != null) {
                    break;
                }
                end--;
            }
            if (id == null) {
                out.add(unknown); // one unknown word, not a few pieces of it
                return;
            }
            found.add(id);
            start = end;
        }
        out.addAll(found);
    }
}
