package ai.gaga.encode.ffmpeg;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

/**
 * Sends FFmpeg's native log to SLF4J (logger {@code ai.gaga.encode.ffmpeg.native}) instead of the process's stderr,
 * where FFmpeg writes by default (x264's statistics, stream dumps, ...). FFmpeg's log callback is process-wide, so this
 * is installed once and affects every FFmpeg user in the JVM; it only changes where the text goes and, unless that
 * logger is at debug, drops FFmpeg's info chatter (level set to warning).
 *
 * <p>FFmpeg's errors reach callers as exceptions anyway, so they are logged at warn; info and more verbose text at
 * debug/trace.
 */
final class FfmpegLogBridge extends LogCallback {
    private static final Logger LOG = LoggerFactory.getLogger("ai.gaga.encode.ffmpeg.native");
    private static FfmpegLogBridge installed;
    /** Set while this thread tries an encoder that may legitimately fail (NVENC without a GPU). */
    private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> Boolean.FALSE);
    /** FFmpeg's last error text on this thread: JavaCV's exceptions only carry the numeric code. */
    private static final ThreadLocal<String> LAST_ERROR = new ThreadLocal<>();

    private FfmpegLogBridge() {
    }

    /** Installs the bridge once per JVM. Must run after the natives are loaded. */
    static synchronized void install() {
        if (installed != null) {
            return;
        }
        // retainReference: the native side keeps calling this object; it must never be deallocated.
        installed = new FfmpegLogBridge().retainReference();
        setLogCallback(installed);
        // Below info, JavaCV also skips its "rejected options" notes, which it prints through JavaCPP's own logger
        // (stderr): the muxer option movflags is always "rejected" by avio_open2 before the muxer consumes it.
        av_log_set_level(LOG.isDebugEnabled() ? AV_LOG_INFO : AV_LOG_WARNING);
    }

    /**
     * Until the returned handle is closed, FFmpeg warnings and errors raised on this thread go to debug: trying NVENC
     * on a machine without a GPU makes FFmpeg log several errors that are expected, and the caller logs one line;
     * aborting a file makes the AAC encoder complain about the frames it drops.
     */
    static Quiet quiet() {
        QUIET.set(Boolean.TRUE);
        return () -> QUIET.set(Boolean.FALSE);
    }

    /** Handle returned by {@link #quiet()}. */
    interface Quiet extends AutoCloseable {
        @Override
        void close();
    }

    /** The last error FFmpeg logged on this thread since the previous call, without its object address, or null. */
    static String takeLastError() {
        String e = LAST_ERROR.get();
        LAST_ERROR.remove();
        return e;
    }

    @Override
    public void call(int level, BytePointer msg) {
        if (level > av_log_get_level() || msg == null || msg.isNull()) {
            return;
        }
        String text = msg.getString().strip();
        if (text.isEmpty()) {
            return;
        }
        if (level <= AV_LOG_ERROR) {
            LAST_ERROR.set(text.replaceAll(" @ 0x[0-9a-fA-F]+", ""));
        }
        if (level <= AV_LOG_WARNING && QUIET.get()) {
            LOG.debug("FFmpeg (expected here): {}", text);
        } else if (text.contains("bEnableFrameSkip = 0")) {
            // OpenH264 warns on every open that it cannot hold the bit rate exactly without dropping frames; dropped
            // frames would break the audio sync, so frame skipping stays off on purpose.
            LOG.debug("{}", text);
        } else if (level <= AV_LOG_WARNING) {
            LOG.warn(level <= AV_LOG_ERROR ? "FFmpeg error: {}" : "FFmpeg: {}", text);
        } else if (level <= AV_LOG_INFO) {
            LOG.debug("{}", text);
        } else {
            LOG.trace("{}", text);
        }
    }
}
