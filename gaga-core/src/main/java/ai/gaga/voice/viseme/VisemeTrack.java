package ai.gaga.voice.viseme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mouth shapes of a whole utterance, in order and without gaps: what the face rig follows frame by frame.
 *
 * @param visemes contiguous visemes starting at 0 (each starts where the previous ends)
 */
public record VisemeTrack(List<Viseme> visemes) {
    private static final double EPSILON = 1e-6;

    public VisemeTrack {
        visemes = List.copyOf(visemes);
        double t = 0;
        for (Viseme v : visemes) {
            if (Math.abs(v.start() - t) > EPSILON) {
                throw new IllegalArgumentException("Viseme track has a gap or overlap at " + t + " s: " + v);
            }
            t = v.end();
        }
    }

    /** Builds a track from shapes and times, merging neighbours with the same shape and closing gaps with silence. */
    public static VisemeTrack of(List<Viseme> visemes) {
        List<Viseme> out = new ArrayList<>();
        double t = 0;
        for (Viseme v : visemes) {
            if (v.start() > t + EPSILON) {
                append(out, new Viseme(OculusViseme.SIL, t, v.start()));
            }
            double start = Math.max(t, v.start());
            if (v.end() > start) {
                append(out, new Viseme(v.shape(), start, v.end()));
                t = v.end();
            }
        }
        return new VisemeTrack(out);
    }

    private static void append(List<Viseme> out, Viseme v) {
        if (!out.isEmpty() && out.get(out.size() - 1).shape() == v.shape()) {
            Viseme last = out.remove(out.size() - 1);
            out.add(new Viseme(v.shape(), last.start(), v.end()));
        } else {
            // Snap to the previous end so that rounding never opens a gap.
            out.add(out.isEmpty() ? v : new Viseme(v.shape(), out.get(out.size() - 1).end(), v.end()));
        }
    }

    /** Length in seconds (the end of the last viseme). */
    public double duration() {
        return visemes.isEmpty() ? 0 : visemes.get(visemes.size() - 1).end();
    }

    /** The shape at time {@code t} (seconds); silence before the start and after the end. */
    public OculusViseme at(double t) {
        int lo = 0;
        int hi = visemes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Viseme v = visemes.get(mid);
            if (t < v.start()) {
                hi = mid - 1;
            } else if (t >= v.end()) {
                lo = mid + 1;
            } else {
                return v.shape();
            }
        }
        return OculusViseme.SIL;
    }

    /** JSON: {@code {"duration":1.25,"visemes":[{"viseme":"PP","start":0.0,"end":0.08},…]}}, times in seconds. */
    public String toJson() {
        StringBuilder json = new StringBuilder(32 + visemes.size() * 48);
        json.append(String.format(Locale.ROOT, "{\"duration\":%.4f,\"visemes\":[", duration()));
        for (int i = 0; i < visemes.size(); i++) {
            Viseme v = visemes.get(i);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"viseme\":\"%s\",\"start\":%.4f,\"end\":%.4f}", v.shape().code(), v.start(), v.end()));
        }
        return json.append("]}").toString();
    }
}
