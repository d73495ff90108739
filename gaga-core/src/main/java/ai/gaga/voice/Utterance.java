package ai.gaga.voice;

import ai.gaga.audio.PcmAudio;

import java.util.List;
import java.util.Objects;

/**
 * A spoken line: its audio and when each phone is heard (what lip sync follows).
 *
 * @param audio  mono PCM at {@link PcmAudio#STANDARD_RATE}
 * @param phones phone timeline in order, covering the audio
 * @param engine id of the engine that spoke it
 */
public record Utterance(PcmAudio audio, List<PhoneTiming> phones, String engine) {
    public Utterance {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(engine, "engine");
        phones = List.copyOf(phones);
    }

    public double durationSeconds() {
        return audio.durationSeconds();
    }
}
