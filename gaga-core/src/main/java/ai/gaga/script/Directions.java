package ai.gaga.script;

import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words of a parenthetical, {@code (very sad, whispering)}: emotion, intensity and delivery. A small fixed
 * vocabulary in English, French and Chinese; inferring emotion from free text is the analyser's job, not this one's.
 */
final class Directions {
    /** Intensity of an emotion named without a modifier: the same as {@code Scene.Builder.emotion(e)}. */
    static final double DEFAULT_INTENSITY = 0.7;

    private static final Map<String, Emotion> EMOTIONS = new HashMap<>();
    private static final Map<String, Delivery> DELIVERIES = new HashMap<>();
    private static final Map<String, Double> MODIFIERS = new HashMap<>();
    private static final Pattern NUMBER = Pattern.compile("(0(\\.\\d+)?|1(\\.0+)?|\\.\\d+)");

    static {
        words(Emotion.JOY, "happy happily joyful joyfully joy glad cheerful cheerfully excited joyeux joyeuse heureux "
                + "heureuse 开心 高兴");
        words(Emotion.SADNESS, "sad sadly sadness sorrowful tearful melancholic triste tristement 伤心 难过");
        words(Emotion.ANGER, "angry angrily anger furious furiously annoyed colère furieux furieuse 生气 愤怒");
        words(Emotion.FEAR, "afraid scared fearful fearfully frightened terrified nervous fear effrayé effrayée peur "
                + "害怕");
        words(Emotion.SURPRISE, "surprised amazed astonished shocked surprise surpris 惊讶");
        words(Emotion.DISGUST, "disgusted disgust repulsed dégoûté dégoûtée 厌恶");
        words(Emotion.TENDERNESS, "tender tenderly loving lovingly affectionate affectionately tendre tendrement 温柔");
        words(Emotion.NEUTRAL, "neutral flat neutre");
        for (String w : "whispering whispers whispered whisper chuchote chuchotant chuchotante murmuring 低声 耳语"
                .split(" ")) {
            DELIVERIES.put(w, Delivery.WHISPER);
        }
        for (String w : "softly soft quietly quiet gently doucement 轻声".split(" ")) {
            DELIVERIES.put(w, Delivery.SOFT);
        }
        for (String w : "shouting shouts shouted yelling yells screaming crie criant 大喊".split(" ")) {
            DELIVERIES.put(w, Delivery.SHOUT);
        }
        for (String w : "trembling shaky shaking tremblant tremblante 颤抖".split(" ")) {
            DELIVERIES.put(w, Delivery.TREMBLING);
        }
        DELIVERIES.put("normal", Delivery.NORMAL);
        DELIVERIES.put("normally", Delivery.NORMAL);
        MODIFIERS.put("slightly", 0.3);
        MODIFIERS.put("bit", 0.3);
        MODIFIERS.put("little", 0.3);
        MODIFIERS.put("peu", 0.3);
        MODIFIERS.put("somewhat", 0.5);
        MODIFIERS.put("quite", 0.5);
        MODIFIERS.put("very", 0.9);
        MODIFIERS.put("really", 0.9);
        MODIFIERS.put("so", 0.9);
        MODIFIERS.put("très", 0.9);
        MODIFIERS.put("extremely", 1.0);
        MODIFIERS.put("utterly", 1.0);
    }

    /** Filler words that only glue a modifier or a delivery phrase together ("a bit", "en colère", "un peu"). */
    private static final List<String> GLUE = List.of("a", "un", "en", "with", "avec");

    private Directions() {
    }

    private static void words(Emotion e, String words) {
        for (String w : words.split(" ")) {
            EMOTIONS.put(w, e);
        }
    }

    /**
     * What a parenthetical says.
     *
     * @param emotion   the emotion named, or null
     * @param intensity its intensity
     * @param delivery  the delivery named, or null
     * @param unknown   words that were not understood
     */
    record Parsed(Emotion emotion, double intensity, Delivery delivery, List<String> unknown) {
    }

    static Parsed parse(String content) {
        Emotion emotion = null;
        Delivery delivery = null;
        Double intensity = null;
        List<String> unknown = new ArrayList<>();
        // A second intensity, emotion or delivery replaces the first, which is reported as ignored (seen:
        // "(happy 0.5 0.9)" took 0.9 without a word).
        String intensityWord = null;
        String emotionWord = null;
        String deliveryWord = null;
        for (String part : content.split("[,;]")) {
            for (String raw : part.strip().split("\\s+")) {
                String w = raw.toLowerCase(Locale.ROOT);
                if (w.isEmpty() || GLUE.contains(w)) {
                    continue;
                }
                if (NUMBER.matcher(w).matches() || MODIFIERS.containsKey(w)) {
                    double value = MODIFIERS.containsKey(w) ? MODIFIERS.get(w) : Double.parseDouble(w);
                    if (intensityWord != null && value != intensity) {
                        unknown.add(intensityWord);
                    }
                    intensity = value;
                    intensityWord = raw;
                } else if (EMOTIONS.containsKey(w)) {
                    if (emotionWord != null && EMOTIONS.get(w) != emotion) {
                        unknown.add(emotionWord);
                    }
                    emotion = EMOTIONS.get(w);
                    emotionWord = raw;
                } else if (DELIVERIES.containsKey(w)) {
                    if (deliveryWord != null && DELIVERIES.get(w) != delivery) {
                        unknown.add(deliveryWord);
                    }
                    delivery = DELIVERIES.get(w);
                    deliveryWord = raw;
                } else {
                    unknown.add(raw);
                }
            }
        }
        double value = emotion == null ? 0.0 : intensity == null ? DEFAULT_INTENSITY : intensity;
        if (emotion == null && intensity != null) {
            unknown.add(String.valueOf(intensity));
        }
        return new Parsed(emotion, value, delivery, List.copyOf(unknown));
    }

    /**
     * The parenthetical content for a line's emotion and delivery, or empty when both are the defaults and neither
     * was asked for ({@code given}: a "(neutral)" or "(normally)" the user wrote is kept, so the analyser leaves it).
     */
    static String format(Emotion emotion, double intensity, Delivery delivery, boolean emotionGiven,
                         boolean deliveryGiven) {
        List<String> parts = new ArrayList<>();
        if (emotionGiven || !(emotion == Emotion.NEUTRAL && intensity == 0.0)) {
            String word = emotionWord(emotion);
            if (intensity == DEFAULT_INTENSITY) {
                parts.add(word);
            } else if (intensity == 0.3) {
                parts.add("slightly " + word);
            } else if (intensity == 0.5) {
                parts.add("somewhat " + word);
            } else if (intensity == 0.9) {
                parts.add("very " + word);
            } else if (intensity == 1.0) {
                parts.add("extremely " + word);
            } else {
                // Double.toString is the shortest spelling that reads back as the same double
                parts.add(word + " " + BigDecimal.valueOf(intensity).toPlainString());
            }
        }
        if (deliveryGiven || delivery != Delivery.NORMAL) {
            parts.add(deliveryWord(delivery));
        }
        return String.join(", ", parts);
    }

    static String emotionWord(Emotion e) {
        return switch (e) {
            case NEUTRAL -> "neutral";
            case JOY -> "happy";
            case SADNESS -> "sad";
            case ANGER -> "angry";
            case FEAR -> "afraid";
            case SURPRISE -> "surprised";
            case DISGUST -> "disgusted";
            case TENDERNESS -> "tender";
        };
    }

    static String deliveryWord(Delivery d) {
        return switch (d) {
            case NORMAL -> "normal";
            case SOFT -> "softly";
            case WHISPER -> "whispering";
            case SHOUT -> "shouting";
            case TREMBLING -> "trembling";
        };
    }
}
