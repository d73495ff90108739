package ai.gaga.direction;

import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Infers how a line is spoken when the script does not say: delivery words in the line or in the stage direction just
 * before it ("whispers", "chuchote", "低声", "shh"), stammering ("I-I can't") for trembling, capitals and repeated
 * exclamation marks for shouting, and strong emotion: furious exclamations are shouted, terrified hesitations
 * tremble. Stateless and thread-safe.
 */
@ai.gaga.Internal
public final class DeliveryAnalyzer {
    private static final Pattern STAMMER = Pattern.compile("(?i)(?<!\\p{L})(\\p{L}{1,2})-\\1");

    /**
     * The delivery the words ask for, or empty when nothing stands out (the line is then spoken normally).
     *
     * @param text           the line
     * @param language       its language
     * @param reading        what the {@link EmotionAnalyzer} read in it
     * @param stageDirection the action just before the line ("MAYA leans in and whispers"), or ""
     */
    public Optional<Delivery> infer(String text, String language, EmotionReading reading, String stageDirection) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reading, "reading");
        Lexicon lexicon = Lexicon.of(EmotionAnalyzer.primary(Objects.requireNonNull(language, "language")));
        Optional<Delivery> named = named(stageDirection == null ? "" : stageDirection, lexicon);
        if (named.isEmpty()) {
            named = named(text, lexicon);
        }
        if (named.isPresent()) {
            return named;
        }
        if (STAMMER.matcher(text).find()) {
            return Optional.of(Delivery.TREMBLING);
        }
        List<Token> tokens = Tokenizer.tokenize(text, lexicon);
        long shouted = tokens.stream().filter(Token::shouted).count();
        long words = tokens.stream().filter(t -> t.kind() == Token.Kind.WORD).count();
        long exclaims = tokens.stream().filter(t -> t.is("!")).count();
        boolean ellipsis = tokens.stream().anyMatch(t -> t.is("…"));
        if ((shouted > 0 && (shouted >= 2 || shouted == words)) || text.contains("!!") || text.contains("！！")) {
            return Optional.of(Delivery.SHOUT);
        }
        if (reading.emotion() == Emotion.ANGER && reading.intensity() >= 0.8 && exclaims > 0) {
            return Optional.of(Delivery.SHOUT);
        }
        if (reading.emotion() == Emotion.FEAR && reading.intensity() >= 0.7 && ellipsis) {
            return Optional.of(Delivery.TREMBLING);
        }
        return Optional.empty();
    }

    private static Optional<Delivery> named(String text, Lexicon lexicon) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        // A stage direction may be in another language than the line: try the line's lexicon, then the others.
        List<Lexicon> lexicons = new java.util.ArrayList<>();
        if (lexicon != null) {
            lexicons.add(lexicon);
        }
        for (String lang : Lexicon.languages()) {
            Lexicon other = Lexicon.of(lang);
            if (other != lexicon) {
                lexicons.add(other);
            }
        }
        for (Lexicon lex : lexicons) {
            List<Token> tokens = Tokenizer.tokenize(text, lex);
            for (int i = 0; i < tokens.size(); i++) {
                for (int n = Math.min(lex.longestPhrase(), tokens.size() - i); n >= 1; n--) {
                    StringBuilder key = new StringBuilder(tokens.get(i).text());
                    for (int k = i + 1; k < i + n; k++) {
                        key.append(' ').append(tokens.get(k).text());
                    }
                    Delivery d = lex.delivery(key.toString());
                    if (d != null) {
                        return Optional.of(d);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
