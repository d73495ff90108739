package ai.gaga.direction;

import ai.gaga.scene.Emotion;

import java.util.HashMap;
import java.util.Map;

/** The emoji that say an emotion plainly, the same in every language. */
final class Emojis {
    private static final Map<Integer, Emotion> EMOTIONS = new HashMap<>();

    static {
        put(Emotion.JOY, "😀😃😄😁😆😊🙂🥳🎉😂🤣😎👍");
        put(Emotion.SADNESS, "😢😭😞😔💔☹🙁😿😥");
        put(Emotion.ANGER, "😠😡🤬👿💢");
        put(Emotion.FEAR, "😱😨😰😧😬");
        put(Emotion.SURPRISE, "😮😲😯🤯😳");
        put(Emotion.DISGUST, "🤢🤮😖");
        put(Emotion.TENDERNESS, "❤💕💖💗🥰😘🤗😍💞");
    }

    private Emojis() {
    }

    private static void put(Emotion e, String emoji) {
        emoji.codePoints().forEach(cp -> EMOTIONS.put(cp, e));
    }

    static boolean isEmoji(int cp) {
        return EMOTIONS.containsKey(cp) || Character.getType(cp) == Character.OTHER_SYMBOL;
    }

    /** The emotion an emoji says, or null. */
    static Emotion emotion(String emoji) {
        return EMOTIONS.get(emoji.codePointAt(0));
    }
}
