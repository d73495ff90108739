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

    /**
     * The timing {@link #synthesize} gives the same request: the same length to the sample, phones, words and
     * visemes, for planning a scene without hearing it ({@link ai.gaga.Gaga#plan}). The audio may be silence.
     * Engines that can time speech faster than they speak it override this; the default speaks it.
     */
    default Utterance time(SpeechRequest request) {
        return synthesize(request);
    }

    /**
     * Whether {@link #time} is much cheaper than {@link #synthesize} because it does not run the voice (MaryTTS plans
     * without its vocoder). Planning then only times each line and the render speaks it once; otherwise planning
     * speaks each line and the render reuses that speech.
     */
    default boolean timesWithoutSpeaking() {
        return false;
    }

    @Override
    default void close() {
    }
}
