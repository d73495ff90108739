package ai.gaga.sound.music;

import ai.gaga.scene.Emotion;

/**
 * The musical moods the score generator knows, each a fixed recipe of key, mode, tempo, harmony and instruments.
 */
public enum Mood {
    /** Bright major, quick plucked arpeggios, light percussion. */
    JOYFUL(MoodProfile.of(62, Scale.MAJOR, 112, new int[] {0, 4, 5, 3}, 0.9, true, true, true)),
    /** Slow minor piano over a soft pad. */
    MELANCHOLIC(MoodProfile.of(57, Scale.MINOR, 66, new int[] {0, 5, 2, 6}, 0.35, false, true, false)),
    /** Driving minor ostinato with a pulse. */
    TENSE(MoodProfile.of(52, Scale.MINOR, 96, new int[] {0, 0, 5, 4}, 0.6, true, false, true)),
    /** Warm major pad and gentle piano. */
    TENDER(MoodProfile.of(60, Scale.MAJOR, 72, new int[] {0, 3, 5, 4}, 0.45, false, true, false)),
    /** Dark, sparse, low minor drone. */
    DARK(MoodProfile.of(45, Scale.MINOR, 58, new int[] {0, 1, 0, 5}, 0.25, false, false, false)),
    /** Neutral, unobtrusive major bed. */
    CALM(MoodProfile.of(60, Scale.MAJOR, 80, new int[] {0, 5, 3, 4}, 0.4, false, true, false));

    private final MoodProfile profile;

    Mood(MoodProfile profile) {
        this.profile = profile;
    }

    public MoodProfile profile() {
        return profile;
    }

    /** The mood that follows an emotion when the user names no music. */
    public static Mood forEmotion(Emotion emotion) {
        return switch (emotion) {
            case JOY, SURPRISE -> JOYFUL;
            case SADNESS -> MELANCHOLIC;
            case ANGER, FEAR -> TENSE;
            case TENDERNESS -> TENDER;
            case DISGUST -> DARK;
            case NEUTRAL -> CALM;
        };
    }

    /** Parses a mood name as written in scripts ({@code melancholic piano} → MELANCHOLIC); lists the known ones. */
    public static Mood parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        for (Mood m : values()) {
            if (t.startsWith(m.name().toLowerCase(java.util.Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown mood '" + text + "'. Known moods: "
                + java.util.Arrays.stream(values()).map(m -> m.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
