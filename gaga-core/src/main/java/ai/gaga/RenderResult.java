package ai.gaga;

import ai.gaga.scene.Resolution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A finished clip and how it was made.
 *
 * @param output       the MP4 written
 * @param duration     clip length
 * @param frames       video frames
 * @param resolution   frame size
 * @param fps          frame rate
 * @param videoEncoder H.264 encoder that was used (libx264, libopenh264, h264_nvenc)
 * @param audioCodec   audio codec (aac)
 * @param bytes        file size
 * @param stageTimes   wall time per stage; RENDER and ENCODE overlap in time
 * @param wallTime     total wall time of the render
 * @param sideFiles    the files written beside the clip (stems, subtitles, plan)
 * @param warnings     what the render noticed and the user should know ({@link RenderPlan#warnings()})
 */
public record RenderResult(Path output, Duration duration, int frames, Resolution resolution, int fps,
                           String videoEncoder, String audioCodec, long bytes, Map<RenderStage, Duration> stageTimes,
                           Duration wallTime, List<Path> sideFiles, List<String> warnings) {
    public RenderResult {
        stageTimes = Collections.unmodifiableMap(new EnumMap<>(stageTimes));
        sideFiles = List.copyOf(sideFiles);
        warnings = List.copyOf(warnings);
    }

    /** A result without warnings. */
    public RenderResult(Path output, Duration duration, int frames, Resolution resolution, int fps, String videoEncoder,
                        String audioCodec, long bytes, Map<RenderStage, Duration> stageTimes, Duration wallTime,
                        List<Path> sideFiles) {
        this(output, duration, frames, resolution, fps, videoEncoder, audioCodec, bytes, stageTimes, wallTime,
                sideFiles, List.of());
    }

    /** A result without side files. */
    public RenderResult(Path output, Duration duration, int frames, Resolution resolution, int fps, String videoEncoder,
                        String audioCodec, long bytes, Map<RenderStage, Duration> stageTimes, Duration wallTime) {
        this(output, duration, frames, resolution, fps, videoEncoder, audioCodec, bytes, stageTimes, wallTime,
                List.of());
    }

    /** Real-time factor: render seconds per second of video (lower is faster). */
    public double realTimeFactor() {
        double d = duration.toNanos() / 1e9;
        return d == 0 ? 0 : wallTime.toNanos() / 1e9 / d;
    }
}
