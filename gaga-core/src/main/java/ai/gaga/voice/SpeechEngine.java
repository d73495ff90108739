package ai.gaga.voice;

/**
 * A text-to-speech engine. Implementations must be thread-safe (they may serialise internally) and release native
 * resources or child processes in {@link #close()}.
 */
public interface SpeechEngine extends AutoCloseable {
    /** Stable id, e.g. {@code marytts}. */
    String id();

    /** Speaks one line. Output audio is mono at {@link ai.gaga.audio.PcmAudio#STANDARD_RATE}. */
    Utterance synthesize(SpeechRequest request);

    @Override
    default void close() {
    }
}
