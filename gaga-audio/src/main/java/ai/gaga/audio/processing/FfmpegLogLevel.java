package ai.gaga.audio.processing;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * Keeps FFmpeg's own console output to warnings and errors. FFmpeg logs at "info" by default, so filters such as
 * {@code ebur128} would print their summaries to stderr of the user's process; gaga-video's log bridge lowers the
 * level the same way when it installs, but the soundtrack is mixed before any video is opened.
 */
final class FfmpegLogLevel {
    private FfmpegLogLevel() {
    }

    /** Lowers FFmpeg's log level to warnings unless someone set it lower (quieter) already. */
    static synchronized void quiet() {
        if (avutil.av_log_get_level() > avutil.AV_LOG_WARNING) {
            avutil.av_log_set_level(avutil.AV_LOG_WARNING);
        }
    }
}
