package ai.gaga.sound;

import ai.gaga.audio.PcmAudio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A finished soundtrack and, when the designer keeps them apart, its stems.
 *
 * @param master the mix the clip plays: stereo at {@link PcmAudio#STANDARD_RATE}
 * @param stems  named parts that sum to the master ({@code dialogue}, {@code music}, {@code effects}), in order;
 *               empty when the designer has none
 */
public record Soundtrack(PcmAudio master, Map<String, PcmAudio> stems) {
    public Soundtrack {
        Objects.requireNonNull(master, "master");
        stems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stems));
    }
}
