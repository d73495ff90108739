package ai.gaga.sound;

import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;

/** Builds the clip's soundtrack from the planned timeline: dialogue, and later music and effects. Thread-safe. */
public interface SoundDesigner extends AutoCloseable {
    String id();

    /** Stereo soundtrack at {@link PcmAudio#STANDARD_RATE}, exactly {@link Timeline#durationSeconds()} long. */
    PcmAudio mix(Scene scene, Timeline timeline);

    /** The soundtrack with its stems; designers that keep no stems return the {@link #mix} alone. */
    default Soundtrack design(Scene scene, Timeline timeline) {
        return new Soundtrack(mix(scene, timeline), java.util.Map.of());
    }

    @Override
    default void close() {
    }
}
