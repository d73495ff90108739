package ai.gaga.encode.ffmpeg;

import ai.gaga.audio.PcmAudio;
import ai.gaga.encode.VideoSink;
import ai.gaga.encode.VideoSinkFactory;
import ai.gaga.render.VideoFormat;
import ai.gaga.spi.ServiceContext;

import java.nio.file.Path;

/**
 * Registers {@link FfmpegVideoSink} (id {@code ffmpeg}) with {@link java.util.ServiceLoader}: MP4 with H.264 video and
 * AAC audio through the FFmpeg libraries bundled by JavaCV. The encoder and preset come from the engine's
 * {@link ai.gaga.GagaSettings}.
 */
public final class FfmpegVideoSinkFactory implements VideoSinkFactory {
    /** Service id. */
    public static final String ID = "ffmpeg";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public VideoSink open(ServiceContext context, Path file, VideoFormat format, PcmAudio soundtrack) {
        return FfmpegVideoSink.open(context.settings(), file, format, soundtrack);
    }
}
