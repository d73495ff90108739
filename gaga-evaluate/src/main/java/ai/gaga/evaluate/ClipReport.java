package ai.gaga.evaluate;

import ai.gaga.face.Blendshapes;
import ai.gaga.scene.Emotion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The quality measures of one clip, from {@link ClipEvaluator#evaluate}. Immutable.
 *
 * <p><b>Lip sync.</b> {@link #avOffsetFrames()} is the lag {@code L} in {@code [-maxLag, maxLag]} that maximises the
 * Pearson correlation of {@code aperture[i + L]} with {@code audioRms[i]}: <em>positive means the video is late</em>
 * (the mouth moves {@code L} frames after the sound it belongs to), negative that it is early (the sound lags).
 * {@link #syncScore()} is that peak correlation (-1..1; a talking face in sync scores well above 0.5, a still
 * face around 0).
 *
 * <p><b>Silences.</b> {@link #mouthClosedRatio()} is the share of face frames inside silent stretches (see
 * {@link EvaluationOptions}) whose aperture is at most {@link #closedThreshold()}; {@code NaN} when the clip has no
 * such silence.
 *
 * <p><b>Stability.</b> {@link #jitter()} is the RMS frame-to-frame motion of stable landmarks (forehead, nose
 * bridge, eye corners, cheek edges) inside the still ranges, in inter-ocular units; {@link #restDrift()} the mean
 * distance between those landmarks' mean positions in the first and the last window, in inter-ocular units (camera
 * moves and head motion count); {@link #shapeDrift()} the drift of the whole mesh's shape with those removed;
 * {@link #restPoseDrift()} the drift of the whole mesh at rest (frames with the eyes open and the mouth closed),
 * nothing removed: with a still camera, the project's stability target (under 0.01 over 60 s).
 */
public final class ClipReport {
    /** Below this sync score the best lag is noise, and the summary says so. */
    static final double UNRELIABLE_SYNC = 0.3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String source;
    private final int width;
    private final int height;
    private final double fps;
    private final List<FrameSample> frames;
    private final boolean hasAudio;
    private final int maxLagFrames;
    private final int avOffsetFrames;
    private final double syncScore;
    private final double[] correlationByLag;
    private final double speechLevel;
    private final double silenceLevel;
    private final double restAperture;
    private final double openAperture;
    private final double closedThreshold;
    private final int silentFrames;
    private final double mouthClosedRatio;
    private final double jitter;
    private final double restDrift;
    private final double shapeDrift;
    private final double restPoseDrift;
    private final double restPoseDriftMax;
    private final int restFramesFirst;
    private final int restFramesLast;
    private final List<EmotionScore> emotions;
    private final int neutralFrames;
    private final int detections;
    private final double analysisSeconds;

    private ClipReport(Builder b) {
        this.source = b.source;
        this.width = b.width;
        this.height = b.height;
        this.fps = b.fps;
        this.frames = List.copyOf(b.frames);
        this.hasAudio = b.hasAudio;
        this.maxLagFrames = b.maxLagFrames;
        this.avOffsetFrames = b.avOffsetFrames;
        this.syncScore = b.syncScore;
        this.correlationByLag = b.correlationByLag.clone();
        this.speechLevel = b.speechLevel;
        this.silenceLevel = b.silenceLevel;
        this.restAperture = b.restAperture;
        this.openAperture = b.openAperture;
        this.closedThreshold = b.closedThreshold;
        this.silentFrames = b.silentFrames;
        this.mouthClosedRatio = b.mouthClosedRatio;
        this.jitter = b.jitter;
        this.restDrift = b.restDrift;
        this.shapeDrift = b.shapeDrift;
        this.restPoseDrift = b.restPoseDrift;
        this.restPoseDriftMax = b.restPoseDriftMax;
        this.restFramesFirst = b.restFramesFirst;
        this.restFramesLast = b.restFramesLast;
        this.emotions = List.copyOf(b.emotions);
        this.neutralFrames = b.neutralFrames;
        this.detections = b.detections;
        this.analysisSeconds = b.analysisSeconds;
    }

    /** The evaluated file, as given. */
    public String source() {
        return source;
    }

    /** Frame width, pixels. */
    public int width() {
        return width;
    }

    /** Frame height, pixels. */
    public int height() {
        return height;
    }

    /** Video frame rate. */
    public double fps() {
        return fps;
    }

    /** Number of video frames decoded. */
    public int frameCount() {
        return frames.size();
    }

    /** Clip length from the video frames, seconds. */
    public double durationSeconds() {
        return frames.size() / fps;
    }

    /** The per-frame track. */
    public List<FrameSample> frames() {
        return frames;
    }

    /** Frames in which a face was tracked. */
    public int faceFrames() {
        return (int) frames.stream().filter(FrameSample::faceFound).count();
    }

    /** Whether the clip has an audio stream with any sound. */
    public boolean hasAudio() {
        return hasAudio;
    }

    /** The audio RMS envelope, one value per video frame (mono mix). */
    public double[] audioEnvelope() {
        return frames.stream().mapToDouble(FrameSample::audioRms).toArray();
    }

    /** Mouth aperture per frame ({@code NaN} where no face was found). */
    public double[] apertures() {
        return frames.stream().mapToDouble(FrameSample::aperture).toArray();
    }

    /** A/V offset in frames; positive = video late. 0 when it could not be measured (see {@link #syncScore()}). */
    public int avOffsetFrames() {
        return avOffsetFrames;
    }

    /** Peak normalised correlation of aperture and audio envelope; {@code NaN} without audio or face. */
    public double syncScore() {
        return syncScore;
    }

    /** Largest lag searched, frames. */
    public int maxLagFrames() {
        return maxLagFrames;
    }

    /** Correlation at each lag from {@code -maxLag} to {@code +maxLag} ({@code NaN} where too few frames). */
    public double[] correlationByLag() {
        return correlationByLag.clone();
    }

    /** Speech level: 95th percentile of the per-frame audio RMS. */
    public double speechLevel() {
        return speechLevel;
    }

    /** Per-frame RMS below which a frame counts as silent. */
    public double silenceLevel() {
        return silenceLevel;
    }

    /** The actor's rest aperture (5th percentile), inter-ocular units. */
    public double restAperture() {
        return restAperture;
    }

    /** The actor's open aperture during sound (90th percentile), inter-ocular units. */
    public double openAperture() {
        return openAperture;
    }

    /** Aperture at or below which the mouth counts as closed, inter-ocular units. */
    public double closedThreshold() {
        return closedThreshold;
    }

    /** Face frames counted inside long silences. */
    public int silentFrames() {
        return silentFrames;
    }

    /** Share of {@link #silentFrames()} with the mouth closed; {@code NaN} when there are none. */
    public double mouthClosedRatio() {
        return mouthClosedRatio;
    }

    /** RMS frame-to-frame motion of stable landmarks in still ranges, inter-ocular units; {@code NaN} if unmeasured. */
    public double jitter() {
        return jitter;
    }

    /** Rest-pose drift between the first and last window, inter-ocular units; {@code NaN} if unmeasured. */
    public double restDrift() {
        return restDrift;
    }

    /**
     * Rest-shape drift: mean distance of all 468 mesh points between the first and last window after the last
     * window's shape is aligned onto the first by a similarity transform fitted on the stable landmarks, in
     * inter-ocular units. Unlike {@link #restDrift()} it ignores camera moves and head motion and measures only
     * the face's own shape (expression at rest) drifting; {@code NaN} if unmeasured.
     */
    public double shapeDrift() {
        return shapeDrift;
    }

    /**
     * Rest-pose drift: the mean distance of all 468 mesh points between the face at rest in the first window and at
     * rest in the last, in inter-ocular units, with nothing aligned or removed (camera moves count, so measure it on a
     * still camera). A frame is at rest when a face was found, its eyes are open (no blink: openness at least
     * {@value ClipEvaluator#OPEN_EYES} of the clip's median) and its mouth is closed (aperture at most
     * {@link #closedThreshold()}); each window's rest frames are averaged first. {@code NaN} when a window has none.
     */
    public double restPoseDrift() {
        return restPoseDrift;
    }

    /** The largest single mesh point's rest-pose drift, inter-ocular units ({@link #restPoseDrift()}). */
    public double restPoseDriftMax() {
        return restPoseDriftMax;
    }

    /** Frames at rest averaged in the first window for {@link #restPoseDrift()}. */
    public int restFramesFirst() {
        return restFramesFirst;
    }

    /** Frames at rest averaged in the last window for {@link #restPoseDrift()}. */
    public int restFramesLast() {
        return restFramesLast;
    }

    /** One score per emotion labelled in the options (neutral excluded), in order of first appearance. */
    public List<EmotionScore> emotions() {
        return emotions;
    }

    /** The score of one emotion, if it was labelled. */
    public Optional<EmotionScore> emotion(Emotion emotion) {
        return emotions.stream().filter(e -> e.emotion() == emotion).findFirst();
    }

    /** Frames used as the neutral reference. */
    public int neutralFrames() {
        return neutralFrames;
    }

    /** Full face detections run (the first frame, and every time tracking was lost). */
    public int detections() {
        return detections;
    }

    /** Wall time of the evaluation, seconds. */
    public double analysisSeconds() {
        return analysisSeconds;
    }

    /** Frames evaluated per second of wall time. */
    public double analysisFps() {
        return analysisSeconds > 0 ? frames.size() / analysisSeconds : Double.NaN;
    }

    /** The whole report, per-frame track included, as indented JSON ({@code NaN} written as null). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", source);
        root.put("width", width);
        root.put("height", height);
        num(root, "fps", fps);
        root.put("frames", frames.size());
        root.put("faceFrames", faceFrames());
        root.put("detections", detections);
        num(root, "analysisSeconds", analysisSeconds);
        num(root, "analysisFps", analysisFps());
        ObjectNode sync = root.putObject("lipSync");
        sync.put("hasAudio", hasAudio);
        sync.put("avOffsetFrames", avOffsetFrames);
        sync.put("offsetSign", "positive = video late");
        num(sync, "syncScore", syncScore);
        sync.put("maxLagFrames", maxLagFrames);
        ArrayNode lags = sync.putArray("correlationByLag");
        for (double c : correlationByLag) {
            add(lags, c);
        }
        ObjectNode silence = root.putObject("silence");
        num(silence, "speechLevel", speechLevel);
        num(silence, "silenceLevel", silenceLevel);
        num(silence, "restAperture", restAperture);
        num(silence, "openAperture", openAperture);
        num(silence, "closedThreshold", closedThreshold);
        silence.put("silentFrames", silentFrames);
        num(silence, "mouthClosedRatio", mouthClosedRatio);
        ObjectNode stability = root.putObject("stability");
        num(stability, "jitter", jitter);
        num(stability, "restDrift", restDrift);
        num(stability, "shapeDrift", shapeDrift);
        num(stability, "restPoseDrift", restPoseDrift);
        num(stability, "restPoseDriftMax", restPoseDriftMax);
        stability.put("restFramesFirst", restFramesFirst);
        stability.put("restFramesLast", restFramesLast);
        ObjectNode emo = root.putObject("emotions");
        emo.put("neutralFrames", neutralFrames);
        for (EmotionScore e : emotions) {
            ObjectNode n = emo.putObject(e.emotion().name().toLowerCase(Locale.ROOT));
            n.put("frames", e.frames());
            num(n, "mean", e.mean());
            num(n, "neutralMean", e.neutralMean());
            num(n, "delta", e.delta());
            n.put("peakFrame", e.peakFrame());
            num(n, "peak", e.peak());
        }
        ArrayNode track = root.putArray("track");
        for (FrameSample f : frames) {
            ObjectNode n = track.addObject();
            n.put("i", f.index());
            num(n, "t", f.time());
            n.put("face", f.faceFound());
            num(n, "aperture", f.aperture());
            num(n, "eyeOpenness", f.eyeOpenness());
            num(n, "yaw", f.yaw());
            num(n, "pitch", f.pitch());
            num(n, "roll", f.roll());
            num(n, "interOcular", f.interOcular());
            num(n, "audioRms", f.audioRms());
            if (f.blendshapes() != null) {
                ObjectNode bs = n.putObject("blendshapes");
                float[] w = f.blendshapes().weights();
                for (Blendshapes.Name name : Blendshapes.Name.values()) {
                    bs.put(name.name(), Math.round(w[name.ordinal()] * 1e4) / 1e4);
                }
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as JSON: " + e.getMessage(), e);
        }
    }

    /** A few readable lines: the headline numbers. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %dx%d, %d frames @ %.2f fps (%.2f s), face in %d, %d detection(s), "
                        + "analysed at %.1f frames/s%n", source, width, height, frames.size(), fps, durationSeconds(),
                faceFrames(), detections, analysisFps()));
        if (hasAudio) {
            sb.append(String.format(Locale.ROOT, "lip sync: A/V offset %+d frame(s) (positive = video late), "
                    + "sync score %.3f%s%n", avOffsetFrames, syncScore, syncScore < UNRELIABLE_SYNC
                    ? " (too low for the offset to mean anything: the mouth does not follow the sound)" : ""));
        } else {
            sb.append("lip sync: no audio\n");
        }
        sb.append(String.format(Locale.ROOT, "silences: mouth closed in %s of %d frame(s) (closed <= %.3f IOD, "
                        + "rest %.3f, open %.3f)%n", pct(mouthClosedRatio), silentFrames, closedThreshold,
                restAperture, openAperture));
        sb.append(String.format(Locale.ROOT, "stability: jitter %.4f IOD/frame, rest drift %.4f IOD, shape drift %.4f "
                        + "IOD, rest-pose drift %.4f IOD (largest point %.4f; %d and %d frames at rest)%n", jitter,
                restDrift, shapeDrift, restPoseDrift, restPoseDriftMax, restFramesFirst, restFramesLast));
        for (EmotionScore e : emotions) {
            sb.append(String.format(Locale.ROOT, "%s: signature %.3f vs neutral %.3f (delta %+.3f) over %d frames, "
                            + "peak %.3f at frame %d%n", e.emotion().name().toLowerCase(Locale.ROOT), e.mean(),
                    e.neutralMean(), e.delta(), e.frames(), e.peak(), e.peakFrame()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    private static String pct(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }

    private static void num(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, Math.round(v * 1e6) / 1e6);
        } else {
            n.putNull(key);
        }
    }

    private static void add(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(Math.round(v * 1e6) / 1e6);
        } else {
            a.addNull();
        }
    }

    /** Filled in by the evaluator. */
    static final class Builder {
        String source = "";
        int width;
        int height;
        double fps;
        List<FrameSample> frames = new ArrayList<>();
        boolean hasAudio;
        int maxLagFrames;
        int avOffsetFrames;
        double syncScore = Double.NaN;
        double[] correlationByLag = new double[0];
        double speechLevel;
        double silenceLevel;
        double restAperture = Double.NaN;
        double openAperture = Double.NaN;
        double closedThreshold = Double.NaN;
        int silentFrames;
        double mouthClosedRatio = Double.NaN;
        double jitter = Double.NaN;
        double restDrift = Double.NaN;
        double shapeDrift = Double.NaN;
        double restPoseDrift = Double.NaN;
        double restPoseDriftMax = Double.NaN;
        int restFramesFirst;
        int restFramesLast;
        List<EmotionScore> emotions = new ArrayList<>();
        int neutralFrames;
        int detections;
        double analysisSeconds;

        ClipReport build() {
            return new ClipReport(this);
        }
    }
}
