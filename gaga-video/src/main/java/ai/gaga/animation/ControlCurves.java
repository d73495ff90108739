package ai.gaga.animation;

import ai.gaga.rig.FaceControl;
import ai.gaga.rig.FaceControls;
import ai.gaga.rig.FacePerformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The face controls of every frame of a clip, as curves: what a {@link FacePerformance} produced, kept for looking at
 * (CSV for a spreadsheet or plot, JSON for the plan and tools). Immutable.
 */
public final class ControlCurves {
    private final int fps;
    private final int frames;
    /** Frame-major: the controls of frame f are values[f * count .. (f + 1) * count). */
    private final float[] values;

    private ControlCurves(int fps, int frames, float[] values) {
        this.fps = fps;
        this.frames = frames;
        this.values = values;
    }

    /**
     * Records {@code frameCount} frames of any performance.
     *
     * @throws IllegalArgumentException for a non-positive rate or a negative frame count
     */
    public static ControlCurves record(FacePerformance performance, int frameCount, int fps) {
        Objects.requireNonNull(performance, "performance");
        if (fps <= 0) {
            throw new IllegalArgumentException("fps must be positive, got " + fps);
        }
        if (frameCount < 0) {
            throw new IllegalArgumentException("frameCount must not be negative, got " + frameCount);
        }
        int n = FaceControl.count();
        float[] values = new float[frameCount * n];
        FaceControls c = new FaceControls();
        for (int f = 0; f < frameCount; f++) {
            performance.controlsAt(f, c);
            for (int i = 0; i < n; i++) {
                values[f * n + i] = c.get(FaceControl.of(i));
            }
        }
        return new ControlCurves(fps, frameCount, values);
    }

    /** Curves from per-control arrays (index = control ordinal), already clamped to the controls' ranges. */
    static ControlCurves of(int fps, float[][] channels, int frames) {
        int n = FaceControl.count();
        float[] values = new float[frames * n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < frames; f++) {
                values[f * n + i] = channels[i][f];
            }
        }
        return new ControlCurves(fps, frames, values);
    }

    /** Frames per second of the curves. */
    public int fps() {
        return fps;
    }

    /** Number of frames. */
    public int frameCount() {
        return frames;
    }

    /** The value of one control in one frame. */
    public float value(int frame, FaceControl control) {
        checkFrame(frame);
        return values[frame * FaceControl.count() + control.ordinal()];
    }

    /** One control over all frames (a copy). */
    public float[] curve(FaceControl control) {
        int n = FaceControl.count();
        float[] out = new float[frames];
        for (int f = 0; f < frames; f++) {
            out[f] = values[f * n + control.ordinal()];
        }
        return out;
    }

    /** Fills {@code out} with the controls of a frame, without allocating. */
    public void fill(int frame, FaceControls out) {
        checkFrame(frame);
        int n = FaceControl.count();
        int base = frame * n;
        for (int i = 0; i < n; i++) {
            out.set(FaceControl.of(i), values[base + i]);
        }
    }

    /** CSV: a header {@code frame,time,JAW_OPEN,…}, then one row per frame; seconds, values to 4 decimals. */
    public String toCsv() {
        int n = FaceControl.count();
        StringBuilder s = new StringBuilder(64 + frames * n * 8);
        s.append("frame,time");
        for (int i = 0; i < n; i++) {
            s.append(',').append(FaceControl.of(i).name());
        }
        s.append('\n');
        for (int f = 0; f < frames; f++) {
            s.append(f).append(',').append(number(f / (double) fps));
            for (int i = 0; i < n; i++) {
                s.append(',').append(number(values[f * n + i]));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /**
     * JSON: {@code {"fps":25,"frameCount":N,"controls":{"JAW_OPEN":[…],…}}}, one array of N values per control, in
     * {@link FaceControl} order.
     */
    public String toJson() {
        int n = FaceControl.count();
        StringBuilder s = new StringBuilder(64 + frames * n * 8);
        s.append("{\"fps\":").append(fps).append(",\"frameCount\":").append(frames).append(",\"controls\":{");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",").append('"').append(FaceControl.of(i).name()).append("\":[");
            for (int f = 0; f < frames; f++) {
                s.append(f == 0 ? "" : ",").append(number(values[f * n + i]));
            }
            s.append(']');
        }
        return s.append("}}").toString();
    }

    /** Writes {@link #toCsv()} as UTF-8. */
    public void writeCsv(Path file) {
        write(file, toCsv());
    }

    /** Writes {@link #toJson()} as UTF-8. */
    public void writeJson(Path file) {
        write(file, toJson());
    }

    private static void write(Path file, String text) {
        Objects.requireNonNull(file, "file");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write face control curves to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.equals("-0.0000") ? "0.0000" : s;
    }

    private void checkFrame(int frame) {
        if (frame < 0 || frame >= frames) {
            throw new IndexOutOfBoundsException("Frame " + frame + " is outside 0.." + (frames - 1));
        }
    }
}
