package ai.gaga.sound;

import ai.gaga.RenderPlan;

/** Builds a plan's soundtrack: dialogue, music, ambience and effects, mixed to the engine's loudness. Thread-safe. */
public interface SoundDesigner extends AutoCloseable {
    String id();

    /**
     * The soundtrack of a voiced plan (every line's audio present): stereo at
     * {@link ai.gaga.audio.PcmAudio#STANDARD_RATE}, exactly {@link RenderPlan#durationSeconds()} long, with its stems
     * where the designer keeps them.
     */
    Soundtrack design(RenderPlan plan);

    @Override
    default void close() {
    }
}
