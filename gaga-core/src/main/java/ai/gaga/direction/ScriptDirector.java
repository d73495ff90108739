package ai.gaga.direction;

import ai.gaga.scene.ActionCue;
import ai.gaga.scene.Actor;
import ai.gaga.scene.Voice;
import ai.gaga.voice.LineVoices;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneElement;
import ai.gaga.scene.SceneHeading;
import ai.gaga.scene.SoundCue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a whole scene into a {@link DirectedScript}: each line's language, emotion (with arc) and delivery. The
 * script's own markup always wins; inference fills only what it left open. The scene's heading, ambience and music
 * set a weak mood for the lines after them (until the next heading), and a stage direction weighs on the line right
 * after it. Stateless and thread-safe.
 *
 * <pre>{@code
 * DirectedScript direction = new ScriptDirector().direct(scene);
 * System.out.println(direction.toJson());
 * Scene acted = direction.applyTo(scene);   // or new ScriptDirector().directed(scene)
 * }</pre>
 */
public final class ScriptDirector {
    /** How much of a stage direction's emotion carries into the next line. */
    private static final double ACTION_WEIGHT = 0.5;

    private final EmotionAnalyzer emotions = new EmotionAnalyzer();
    private final DeliveryAnalyzer deliveries = new DeliveryAnalyzer();
    private final LanguageDetector languages = new LanguageDetector();

    /** The direction of every line of the scene. */
    public DirectedScript direct(Scene scene) {
        return direct(scene, true);
    }

    /**
     * The direction of every line; with {@code infer} false, only what the script says (the rest stays neutral and
     * normal, {@link Source#DEFAULT}), though languages and voices are still read from the words.
     */
    public DirectedScript direct(Scene scene, boolean infer) {
        Objects.requireNonNull(scene, "scene");
        List<DirectedLine> out = new ArrayList<>();
        List<String> mood = new ArrayList<>();
        SceneContext context = SceneContext.NONE;
        String action = "";
        for (SceneElement e : scene.elements()) {
            if (e instanceof SceneHeading h) {
                mood.clear();
                mood.add(h.text());
                context = SceneContext.of(mood);
            } else if (e instanceof SoundCue s && s.kind() != SoundCue.Kind.SFX) {
                mood.add(s.description());
                context = SceneContext.of(mood);
            } else if (e instanceof ActionCue a) {
                action = action.isEmpty() ? a.text() : action + ". " + a.text();
            } else if (e instanceof Line line) {
                Voice actorVoice = scene.actor(line.actor()).map(Actor::voice).orElse(Voice.DEFAULT);
                String detected = languages.detect(line.text());
                Voice voice = LineVoices.forLine(actorVoice, line.text(), detected);
                String language = lexiconLanguage(detected, actorVoice.primaryLanguage());
                out.add(infer ? direct(out.size(), line, language, voice, context, action)
                        : asWritten(out.size(), line, language, voice));
                action = "";
            }
        }
        return new DirectedScript(out);
    }

    /** The scene with its inferred emotions and deliveries applied ({@code direct(scene).applyTo(scene)}). */
    public Scene directed(Scene scene) {
        return direct(scene).applyTo(scene);
    }

    /** The line as its script wrote it, nothing inferred. */
    private static DirectedLine asWritten(int index, Line line, String language, Voice voice) {
        return new DirectedLine(index, line.actor(), line.text(), language, voice, EmotionReading.NEUTRAL,
                line.emotion(), line.intensity(), line.emotionGiven() ? Source.MARKUP : Source.DEFAULT, line.arc(),
                line.delivery(), line.deliveryGiven() ? Source.MARKUP : Source.DEFAULT);
    }

    private DirectedLine direct(int index, Line line, String language, Voice voice, SceneContext mood,
                                String action) {
        SceneContext context = mood;
        if (!action.isEmpty()) {
            Map<Emotion, Double> fromAction = new EnumMap<>(Emotion.class);
            emotions.analyze(action, language(action, language)).scores()
                    .forEach((e, w) -> fromAction.put(e, w * ACTION_WEIGHT));
            context = mood.plus(fromAction);
        }
        EmotionReading reading = emotions.analyze(line.text(), language, context);
        Emotion emotion = line.emotionGiven() ? line.emotion() : reading.emotion();
        double intensity = line.emotionGiven() ? line.intensity() : reading.intensity();
        EmotionArc arc = line.emotionGiven() ? line.arc() : reading.arc();
        Delivery delivery = line.deliveryGiven() ? line.delivery()
                : deliveries.infer(line.text(), language, reading, action).orElse(Delivery.NORMAL);
        return new DirectedLine(index, line.actor(), line.text(), language, voice, reading, emotion, intensity,
                line.emotionGiven() ? Source.MARKUP : Source.INFERRED, arc, delivery,
                line.deliveryGiven() ? Source.MARKUP : Source.INFERRED);
    }

    /**
     * The language of the words; when the detector names one without a lexicon (short Latin lines are often taken
     * for Spanish or Italian) and the actor's voice speaks one with a lexicon, the voice's language.
     */
    String language(String text, String voiceLanguage) {
        return lexiconLanguage(languages.detect(text), voiceLanguage);
    }

    /** {@link #language}, for words whose language was already detected. */
    private static String lexiconLanguage(String detected, String voiceLanguage) {
        if (Lexicon.of(detected) == null && Lexicon.of(voiceLanguage) != null) {
            return voiceLanguage;
        }
        return detected;
    }
}
