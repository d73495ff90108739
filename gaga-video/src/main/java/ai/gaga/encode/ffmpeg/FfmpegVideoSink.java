package ai.gaga.encode.ffmpeg;

import ai.gaga.GagaSettings;
import ai.gaga.OutputException;
import ai.gaga.audio.PcmAudio;
import ai.gaga.encode.EncodedVideo;
import ai.gaga.encode.VideoSink;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.VideoFormat;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_HIGH;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/**
 * Writes an MP4 (H.264 yuv420p video, AAC-LC 48 kHz stereo audio, {@code moov} at the front) with JavaCV's
 * {@link FFmpegFrameRecorder}. Frames come in as packed BGR and are converted to YUV by FFmpeg's swscale inside the
 * recorder; the soundtrack given at open time is fed to the recorder just ahead of each frame so that the muxer can
 * interleave the two streams without buffering the whole clip. Not thread-safe: one writer thread.
 *
 * <p>Open with {@link FfmpegVideoSinkFactory} (or {@link #open}); {@link #finish()} completes the file,
 * {@link #close()} without {@code finish()} aborts and frees every native resource.
 */
public final class FfmpegVideoSink implements VideoSink {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegVideoSink.class);

    /** AAC output: the pipeline's standard rate, stereo, transparent bit rate for speech and music. */
    static final int AUDIO_RATE = PcmAudio.STANDARD_RATE;
    static final int AUDIO_CHANNELS = 2;
    static final int AUDIO_BITRATE = 192_000;
    /** Sample frames handed to the recorder per call; the recorder reuses its native copy while chunks fit. */
    private static final int AUDIO_CHUNK = 4096;
    /** Key frame every this many seconds: seekable clips at a small cost in size. */
    private static final int GOP_SECONDS = 2;

    /** JavaCV's own suffix on every recorder exception; noise in our messages. */
    private static final String JAVACV_HINT = " (For more details, make sure FFmpegLogCallback.set() has been called.)";
    private static final Pattern FFMPEG_ERROR = Pattern.compile("error (-\\d+)");

    private final Path file;
    private final VideoFormat format;
    private final PcmAudio soundtrack;
    private final String encoder;
    private final FFmpegFrameRecorder recorder;
    /** Native copy of one frame, reused: see {@link #write}. */
    private final BytePointer frameMemory;
    private final ByteBuffer frameView;
    private final float[] audioChunk = new float[AUDIO_CHUNK * AUDIO_CHANNELS];
    private long audioWritten;
    private long frames;
    private boolean finished;
    private boolean closed;
    private boolean frameMemoryFreed;

    private FfmpegVideoSink(Path file, VideoFormat format, PcmAudio soundtrack, String encoder,
                            FFmpegFrameRecorder recorder) {
        this.file = file;
        this.format = format;
        this.soundtrack = soundtrack;
        this.encoder = encoder;
        this.recorder = recorder;
        long size = (long) format.width() * format.height() * 3;
        this.frameMemory = new BytePointer(size);
        this.frameView = frameMemory.asBuffer();
    }

    /**
     * Opens {@code file} (any name: the container is always MP4) and starts the encoders chosen from
     * {@code settings} (see {@link H264Encoders#candidates}).
     *
     * @throws OutputException when no requested H.264 encoder can be opened or the file cannot be created
     */
    public static FfmpegVideoSink open(GagaSettings settings, Path file, VideoFormat format, PcmAudio soundtrack) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(soundtrack, "soundtrack");
        try {
            H264Encoders.loadNatives();
        } catch (IllegalStateException e) {
            throw new OutputException(file, e.getMessage(), e);
        }
        FfmpegLogBridge.install();
        List<String> candidates = H264Encoders.candidates(settings, file);
        H264Encoders.Setup setup;
        for (int i = 0; ; i++) {
            String name = candidates.get(i);
            boolean last = i == candidates.size() - 1;
            try {
                setup = H264Encoders.setup(name, ai.gaga.encode.EncodingSettings.of(settings).preset().id(), format);
            } catch (IllegalArgumentException e) {
                throw new OutputException(file, e.getMessage(), e);
            }
            FFmpegFrameRecorder recorder = newRecorder(file, format, setup);
            FfmpegLogBridge.takeLastError(); // forget errors of earlier calls: reason() quotes the newest
            try (FfmpegLogBridge.Quiet ignored = last ? null : FfmpegLogBridge.quiet()) {
                recorder.start();
            } catch (Exception e) {
                release(recorder);
                String reason = reason(e);
                // Only a failure to open the video encoder is worth trying the next candidate for; a file that
                // cannot be created fails the same way with every encoder.
                if (!last && reason.contains("Could not open video codec")) {
                    // a fallback (no NVENC without a GPU): details at debug, the encoder chosen at info below
                    LOG.debug("H.264 encoder {} is not usable here ({}); trying {}", name, reason,
                            candidates.get(i + 1));
                    continue;
                }
                throw new OutputException(file, "cannot start encoding with " + name + ": " + reason, e);
            }
            verifyOpened(recorder, name, file);
            LOG.info("Encoding {} with {}: {}x{} @ {} fps, yuv420p, GOP {} s, AAC {} Hz stereo {} kb/s, preset {}",
                    file.getFileName(), setup.summary(), format.width(), format.height(), format.fps(), GOP_SECONDS,
                    AUDIO_RATE, AUDIO_BITRATE / 1000, ai.gaga.encode.EncodingSettings.of(settings).preset().id());
            try {
                return new FfmpegVideoSink(file, format, soundtrack, name, recorder);
            } catch (RuntimeException | Error e) { // e.g. no native memory for the frame buffer
                release(recorder);
                throw e;
            }
        }
    }

    private static FFmpegFrameRecorder newRecorder(Path file, VideoFormat format, H264Encoders.Setup setup) {
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toAbsolutePath().toString(), format.width(),
                format.height(), AUDIO_CHANNELS);
        // The pipeline writes to a temporary name without ".mp4": never let FFmpeg guess the container.
        r.setFormat("mp4");
        r.setOption("movflags", "+faststart");
        // Name plus id: the recorder looks the name up first and, only if that fails, the id, so with the name
        // checked beforehand it can never fall back to MPEG-4 (the MP4 default).
        r.setVideoCodecName(setup.encoder());
        r.setVideoCodec(AV_CODEC_ID_H264);
        r.setPixelFormat(AV_PIX_FMT_YUV420P);
        r.setFrameRate(format.fps());
        r.setGopSize(GOP_SECONDS * format.fps());
        // JavaCV defaults H.264 to Constrained Baseline (no B-frames, no CABAC): ~15-20 % more bits for the same
        // quality. High is what every player since ~2010 decodes.
        r.setVideoProfile(AV_PROFILE_H264_HIGH);
        r.setVideoBitrate(setup.bitrate());
        setup.options().forEach(r::setVideoOption);
        // swscale converts BGR with the BT.601 matrix into limited-range YUV; say so, or players assume BT.709 for
        // HD sizes and shift the colours. Primaries and transfer are those of sRGB pictures (= BT.709).
        r.setVideoOption("colorspace", "smpte170m");
        r.setVideoOption("color_primaries", "bt709");
        r.setVideoOption("color_trc", "bt709");
        r.setVideoOption("color_range", "tv");
        r.setAudioCodecName("aac");
        r.setAudioCodec(AV_CODEC_ID_AAC);
        r.setSampleRate(AUDIO_RATE);
        r.setAudioBitrate(AUDIO_BITRATE);
        return r;
    }

    /**
     * Checks that the codec FFmpeg really opened is the requested H.264 encoder. The recorder does not expose its
     * {@code AVCodecContext}; its private field {@code video_c} is read reflectively (works on the class path). If the
     * field cannot be read (JavaCV on the module path, or renamed in a later version) the check by name before opening
     * still guarantees the codec, so that is only logged.
     */
    private static void verifyOpened(FFmpegFrameRecorder recorder, String name, Path file) {
        AVCodecContext video = codecContext(recorder, "video_c");
        AVCodecContext audio = codecContext(recorder, "audio_c");
        if (video == null || audio == null) {
            LOG.debug("Cannot inspect the opened codecs of FFmpegFrameRecorder; relying on the check by name");
            return;
        }
        String opened = video.codec() == null ? "?" : video.codec().name().getString();
        if (video.codec_id() != AV_CODEC_ID_H264 || !name.equals(opened) || video.pix_fmt() != AV_PIX_FMT_YUV420P) {
            release(recorder);
            throw new OutputException(file, "asked FFmpeg for " + name + " but it opened " + opened + " ("
                    + avcodec_get_name(video.codec_id()).getString() + ", pixel format " + video.pix_fmt() + ")");
        }
        if (audio.codec_id() != AV_CODEC_ID_AAC || audio.sample_rate() != AUDIO_RATE
                || audio.ch_layout().nb_channels() != AUDIO_CHANNELS) {
            release(recorder);
            throw new OutputException(file, "FFmpeg opened audio codec " + avcodec_get_name(audio.codec_id())
                    .getString() + " at " + audio.sample_rate() + " Hz, " + audio.ch_layout().nb_channels()
                    + " channels instead of AAC 48000 Hz stereo");
        }
    }

    private static AVCodecContext codecContext(FFmpegFrameRecorder recorder, String field) {
        try {
            Field f = FFmpegFrameRecorder.class.getDeclaredField(field);
            f.setAccessible(true);
            return (AVCodecContext) f.get(recorder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The encoder that really opened, e.g. {@code libopenh264}. */
    public String encoder() {
        return encoder;
    }

    /**
     * Encodes the next frame, after the soundtrack up to the frame's end time.
     *
     * <p>The pixels are copied into one reusable native buffer: handing the recorder a heap {@code ByteBuffer}
     * makes JavaCPP allocate and free a native copy of the whole frame on every call.
     */
    @Override
    public void write(FrameBuffer frame) {
        ensureWritable();
        if (frame.width() != format.width() || frame.height() != format.height()) {
            throw new IllegalArgumentException("Frame is " + frame.width() + "x" + frame.height() + ", the video is "
                    + format.width() + "x" + format.height());
        }
        try {
            writeAudioUntil(audioFramesUntil(frames + 1));
            frameMemory.position(0).put(frame.bgr(), 0, frame.bgr().length);
            frameView.clear();
            recorder.recordImage(frame.width(), frame.height(), Frame.DEPTH_UBYTE, 3, frame.stride(),
                    AV_PIX_FMT_BGR24, frameView);
            frames++;
        } catch (Exception e) {
            abort();
            throw new OutputException(file, "encoding frame " + frames + " failed: " + reason(e), e);
        }
    }

    /** Source sample frames that fall before the end of video frame {@code videoFrames - 1}. */
    private long audioFramesUntil(long videoFrames) {
        long end = Math.round(videoFrames * (double) soundtrack.sampleRate() / format.fps());
        return Math.min(end, soundtrack.frames());
    }

    /**
     * Hands the soundtrack to the recorder up to sample frame {@code end}. Mono is copied to both channels here
     * because JavaCV 1.5.14's recorder describes any input to swresample with the output's channel layout; rate and
     * sample format are converted by swresample inside the recorder.
     */
    private void writeAudioUntil(long end) throws Exception {
        float[] src = soundtrack.samples();
        int inChannels = soundtrack.channels();
        while (audioWritten < end) {
            int n = (int) Math.min(AUDIO_CHUNK, end - audioWritten);
            int from = Math.toIntExact(audioWritten * inChannels);
            if (inChannels == AUDIO_CHANNELS) {
                System.arraycopy(src, from, audioChunk, 0, n * AUDIO_CHANNELS);
            } else {
                for (int k = 0; k < n; k++) {
                    float s = src[from + k];
                    audioChunk[2 * k] = s;
                    audioChunk[2 * k + 1] = s;
                }
            }
            recorder.recordSamples(soundtrack.sampleRate(), AUDIO_CHANNELS,
                    FloatBuffer.wrap(audioChunk, 0, n * AUDIO_CHANNELS));
            audioWritten += n;
        }
    }

    /** Writes the rest of the soundtrack, flushes both encoders and writes the index (moved to the front). */
    @Override
    public EncodedVideo finish() {
        ensureWritable();
        try {
            writeAudioUntil(soundtrack.frames());
            recorder.stop(); // flushes the encoders and swresample, writes the trailer, releases everything
            finished = true;
        } catch (Exception e) {
            abort();
            throw new OutputException(file, "finishing the video failed: " + reason(e), e);
        } finally {
            freeFrameMemory();
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new OutputException(file, "the finished video cannot be read back: " + e.getMessage(), e);
        }
        LOG.debug("Wrote {}: {} frames, {} bytes", file.getFileName(), frames, bytes);
        if (frames != format.frameCount()) {
            LOG.debug("{} has {} frames, the format said {}", file.getFileName(), frames, format.frameCount());
        }
        return new EncodedVideo(encoder, "h264", "aac", frames, bytes);
    }

    /** Without {@link #finish()}: aborts, freeing the encoders and closing the file (left incomplete). */
    @Override
    public void close() {
        if (!finished && !closed) {
            abort();
        }
        closed = true;
    }

    private void abort() {
        closed = true;
        try (FfmpegLogBridge.Quiet ignored = FfmpegLogBridge.quiet()) {
            release(recorder);
        }
        freeFrameMemory();
    }

    private void freeFrameMemory() {
        if (!frameMemoryFreed) {
            frameMemoryFreed = true;
            frameMemory.close();
        }
    }

    private void ensureWritable() {
        if (finished || closed) {
            throw new IllegalStateException("Video sink for " + file + " is already " + (finished ? "finished"
                    : "closed"));
        }
    }

    /** Frees the recorder's native resources (codecs, swscale/swresample, the open file) without throwing. */
    private static void release(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (Exception e) {
            LOG.debug("Releasing the FFmpeg recorder failed", e);
        }
    }

    /**
     * The recorder's message without JavaCV's hint, plus FFmpeg's text for the error code it quotes and the last error
     * FFmpeg logged on this thread (e.g. "Cannot load libcuda.so.1", which the exception does not carry).
     */
    static String reason(Throwable e) {
        String msg = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        if (msg.endsWith(JAVACV_HINT)) {
            msg = msg.substring(0, msg.length() - JAVACV_HINT.length());
        }
        Matcher m = FFMPEG_ERROR.matcher(msg);
        if (m.find()) {
            byte[] buf = new byte[256];
            if (av_strerror(Integer.parseInt(m.group(1)), buf, buf.length) == 0) {
                int len = 0;
                while (len < buf.length && buf[len] != 0) {
                    len++;
                }
                msg = msg + " (" + new String(buf, 0, len, StandardCharsets.UTF_8) + ")";
            }
        }
        String logged = FfmpegLogBridge.takeLastError();
        return logged == null ? msg : msg + "; FFmpeg said: " + logged;
    }
}
