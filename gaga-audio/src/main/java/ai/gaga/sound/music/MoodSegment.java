package ai.gaga.sound.music;

import java.util.Objects;

/**
 * From {@code start} seconds on, the music follows {@code mood} (an emotion arc is a list of these).
 *
 * @param start seconds from the start of the clip
 * @param mood  the mood from then on
 */
public record MoodSegment(double start, Mood mood) {
    public MoodSegment {
        Objects.requireNonNull(mood, "mood");
        if (start < 0) {
            throw new IllegalArgumentException("Mood segment starts before the clip: " + start);
        }
    }
}
