package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;

import ai.gaga.InvalidSceneException;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a user's audio file in any format FFmpeg knows (WAV, MP3, FLAC, Ogg, AAC/M4A, Opus, even a video's sound
 * track), converted by FFmpeg's swresample to the mix's rate and channel count: mono, stereo and 5.1 are downmixed
 * or upmixed, any sample rate is resampled.
 */
public final class AudioFiles {
    /** Longest file read: a minute of music is all a clip can use; this bounds memory for huge files. */
    public static final double MAX_SECONDS = 600;

    private AudioFiles() {
    }

    /**
     * The file's audio as float PCM at {@code rate} Hz with {@code channels} channels (up to {@link #MAX_SECONDS}).
     *
     * @throws InvalidSceneException naming the file when it is missing, unreadable, not audio or empty
     */
    public static PcmAudio read(Path file, int rate, int channels) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSceneException("Audio file not found: " + file.toAbsolutePath());
        }
        if (!Files.isReadable(file)) {
            throw new InvalidSceneException("Audio file is not readable: " + file.toAbsolutePath());
        }
        int max = (int) Math.min(Integer.MAX_VALUE - 16, MAX_SECONDS * rate * channels);
        float[] out = new float[Math.min(max, rate * channels * 30)];
        int n = 0;
        FfmpegLogLevel.quiet();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
            g.setSampleRate(rate);
            g.setAudioChannels(channels);
            g.start();
            if (!g.hasAudio() || g.getAudioChannels() <= 0) {
                throw new InvalidSceneException("No audio stream in " + file.toAbsolutePath()
                        + " (expected a sound file such as WAV, MP3, FLAC, Ogg or M4A)");
            }
            Frame f;
            while (n < max && (f = g.grabSamples()) != null) {
                if (f.samples == null || f.samples.length == 0) {
                    continue;
                }
                FloatBuffer b = (FloatBuffer) f.samples[0];
                int len = Math.min(b.remaining(), max - n);
                if (n + len > out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(max, Math.max(n + len, (long) out.length * 2)));
                }
                b.get(out, n, len);
                n += len;
            }
            g.stop();
        } catch (FrameGrabber.Exception e) {
            throw new InvalidSceneException("Cannot read audio file " + file.toAbsolutePath() + ": " + e.getMessage()
                    + " (expected a sound file FFmpeg can decode, such as WAV, MP3, FLAC, Ogg or M4A)");
        } catch (ClassCastException e) {
            throw new InvalidSceneException("Unsupported sample layout in " + file.toAbsolutePath());
        }
        n -= n % channels;
        if (n == 0) {
            throw new InvalidSceneException("Audio file " + file.toAbsolutePath() + " contains no sound");
        }
        return new PcmAudio(Arrays.copyOf(out, n), rate, channels);
    }
}
