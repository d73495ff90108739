package ai.gaga.direction;

import ai.gaga.scene.Emotion;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mood a scene sets before anyone speaks: its heading ({@code EXT. CEMETERY - NIGHT}), ambience and music
 * ({@code rain}, {@code melancholic piano}) and the stage direction just before a line. A weak prior: it decides
 * a line whose words say little, never one whose words are clear.
 *
 * @param prior evidence added to each emotion's score, 0 and up
 */
@ai.gaga.Internal
public record SceneContext(Map<Emotion, Double> prior) {
    /** No scene words at all. */
    public static final SceneContext NONE = new SceneContext(Map.of());
    /** The most any scene can add to one emotion: a clear line always outweighs its scene. */
    static final double MAX_PRIOR = 0.6;

    public SceneContext {
        Objects.requireNonNull(prior, "prior");
        prior = prior.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(prior));
    }

    /** The mood of scene descriptions (headings, ambience, music) in English, French or Chinese. */
    public static SceneContext of(String... descriptions) {
        return of(List.of(descriptions));
    }

    /** The mood of scene descriptions (headings, ambience, music) in English, French or Chinese. */
    public static SceneContext of(Collection<String> descriptions) {
        Map<Emotion, Double> prior = new EnumMap<>(Emotion.class);
        for (String description : descriptions) {
            for (String lang : Lexicon.languages()) {
                Lexicon lexicon = Lexicon.of(lang);
                List<Token> tokens = Tokenizer.tokenize(description, lexicon);
                for (int i = 0; i < tokens.size(); i++) {
                    Map<Emotion, Double> mood = lexicon.sceneWord(tokens.get(i).text());
                    if (mood == null && i + 1 < tokens.size()) {
                        mood = lexicon.sceneWord(tokens.get(i).text() + " " + tokens.get(i + 1).text());
                    }
                    if (mood != null) {
                        mood.forEach((e, w) -> prior.merge(e, w, Double::sum));
                    }
                }
            }
        }
        prior.replaceAll((e, w) -> Math.min(MAX_PRIOR, w));
        return new SceneContext(prior);
    }

    /** This mood and another one, each emotion capped like a single scene's. */
    public SceneContext plus(Map<Emotion, Double> more) {
        Map<Emotion, Double> sum = new EnumMap<>(Emotion.class);
        sum.putAll(prior);
        more.forEach((e, w) -> sum.merge(e, w, Double::sum));
        sum.replaceAll((e, w) -> Math.min(MAX_PRIOR, w));
        return new SceneContext(sum);
    }

    public double prior(Emotion e) {
        return prior.getOrDefault(e, 0.0);
    }
}
