package ai.gaga.voice;

import java.nio.file.Path;

/**
 * Turns a user's recording into an {@link Utterance}: its sound (mono, {@link ai.gaga.audio.PcmAudio#STANDARD_RATE})
 * and the mouth shapes read from it, so a face can lip-sync to any voice. Found with {@link java.util.ServiceLoader}
 * (gaga-audio provides one). Thread-safe.
 */
public interface RecordingReader extends ai.gaga.spi.Plugin {
    /**
     * The recording as an utterance.
     *
     * @throws ai.gaga.InvalidSceneException naming the file when it is missing, unreadable, not audio or silent
     */
    Utterance read(Path recording);
}
