package ai.gaga.encode;

import ai.gaga.audio.PcmAudio;
import ai.gaga.render.VideoFormat;
import ai.gaga.spi.ServiceContext;

import java.nio.file.Path;

/** Service-provider entry for an encoder ({@code META-INF/services/ai.gaga.encode.VideoSinkFactory}). */
public interface VideoSinkFactory extends ai.gaga.spi.Plugin {

    /**
     * Opens {@code file} for writing an MP4 of {@code format} with {@code soundtrack} (stereo or mono PCM, any rate).
     * Throws {@link ai.gaga.OutputException} when the file or the encoder cannot be opened.
     */
    VideoSink open(ServiceContext context, Path file, VideoFormat format, PcmAudio soundtrack);
}
