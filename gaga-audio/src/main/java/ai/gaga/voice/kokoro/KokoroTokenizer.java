package ai.gaga.voice.kokoro;

import ai.gaga.GagaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * espeak-ng IPA to Kokoro-82M token ids. Kokoro's vocabulary has one IPA code point per token and writes affricates as
 * ligatures (ʧ ʤ ʦ ʣ), where espeak writes two letters, sometimes tied; code points it lacks are dropped.
 */
final class KokoroTokenizer {
    /** The most tokens one run takes (the voice tables have 510 rows; ids are padded to 512). */
    static final int MAX_TOKENS = 510;
    private static final Map<Integer, Integer> VOCAB = load();

    private KokoroTokenizer() {
    }

    /**
     * A token and the phone it stands for.
     *
     * @param id     vocabulary id
     * @param symbol the IPA code point(s) it came from ({@code tʃ} for ʧ), as viseme mapping wants them
     */
    record Token(int id, String symbol) {
    }

    /** Kokoro's spelling of espeak's IPA: NFC, ligatures for affricates, no tie bars or clitic hyphens. */
    static String normalize(String ipa) {
        // Only tied t͡s/d͡z are affricates; an untied "ts" is two phones (cats).
        String s = Normalizer.normalize(ipa, Normalizer.Form.NFC)
                .replace("t\u0361ʃ", "ʧ").replace("d\u0361ʒ", "ʤ").replace("t\u0361s", "ʦ").replace("d\u0361z", "ʣ")
                .replace("tʃ", "ʧ").replace("dʒ", "ʤ")
                .replace("\u0361", "").replace("\u035C", "").replace("-", "")
                .replace("ɝ", "ɜɹ").replace("ɫ", "l").replace("ɬ", "l");
        return s.replaceAll(" +", " ").strip();
    }

    /** Tokens of a phoneme string; unknown code points are counted into {@code missing}. */
    static List<Token> tokens(String phonemes, Map<String, Integer> missing) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < phonemes.length(); ) {
            int cp = phonemes.codePointAt(i);
            i += Character.charCount(cp);
            Integer id = VOCAB.get(cp);
            String symbol = new String(Character.toChars(cp));
            if (id == null) {
                missing.merge(symbol, 1, Integer::sum);
                continue;
            }
            out.add(new Token(id, expand(symbol)));
        }
        return out;
    }

    private static String expand(String symbol) {
        return switch (symbol) {
            case "ʧ" -> "tʃ";
            case "ʤ" -> "dʒ";
            case "ʦ" -> "ts";
            case "ʣ" -> "dz";
            default -> symbol;
        };
    }

    /** One more than the largest vocabulary id (178 for Kokoro-82M). */
    static int vocabularySize() {
        return VOCAB.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    private static Map<Integer, Integer> load() {
        try (InputStream in = KokoroTokenizer.class.getResourceAsStream("vocab.json")) {
            if (in == null) {
                throw new GagaException("gaga-audio is missing ai/gaga/voice/kokoro/vocab.json");
            }
            JsonNode vocab = new ObjectMapper().readTree(in).path("vocab");
            Map<Integer, Integer> out = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey().codePointAt(0), e.getValue().asInt());
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new GagaException("Cannot read Kokoro vocabulary: " + e.getMessage(), e);
        }
    }
}
