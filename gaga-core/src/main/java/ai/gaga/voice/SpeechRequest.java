package ai.gaga.voice;

import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Voice;

import java.util.Objects;

/**
 * One line to speak, with how to speak it.
 *
 * @param text      the words
 * @param voice     language, engine and voice name
 * @param emotion   emotion to colour the prosody
 * @param intensity 0..1
 * @param delivery  whisper, shout…
 */
public record SpeechRequest(String text, Voice voice, Emotion emotion, double intensity, Delivery delivery) {
    public SpeechRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(delivery, "delivery");
    }

    /** Neutral, normally delivered text in a voice. */
    public static SpeechRequest of(String text, Voice voice) {
        return new SpeechRequest(text, voice, Emotion.NEUTRAL, 0, Delivery.NORMAL);
    }
}
