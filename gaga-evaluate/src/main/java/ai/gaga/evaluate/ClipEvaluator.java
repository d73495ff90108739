package ai.gaga.evaluate;

import ai.gaga.GagaSettings;
import ai.gaga.face.BlendshapeModel;
import ai.gaga.face.CanonicalFaceMesh;
import ai.gaga.face.Blendshapes;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.FaceMesh;
import ai.gaga.face.FaceMeshModel;
import ai.gaga.face.HeadPose;
import ai.gaga.face.IrisModel;
import ai.gaga.face.Landmarks478;
import ai.gaga.face.MouthMeasure;
import ai.gaga.models.ModelStore;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.spi.ServiceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Measures a rendered MP4 the way the project's quality targets are stated: it re-detects and tracks the face in
 * every frame, decodes the audio, and reports lip sync (A/V offset and sync score), mouth closure in silences,
 * landmark jitter, rest-pose drift and per-emotion blendshape signatures in a {@link ClipReport}.
 *
 * <p>The video is streamed: one frame is in memory at a time. The face is detected once and then followed with the
 * mesh model on a crop from the previous landmarks (re-detected when lost), so a frame costs about one mesh run
 * (plus two iris runs and the blendshape regressor when blendshapes are asked for).
 *
 * <p>Thread-safe: {@link #evaluate} may run on several clips at once. Closing releases the ONNX sessions only when
 * this evaluator created them ({@link #open}); an evaluator over a {@link ServiceContext} leaves them to their owner.
 */
public final class ClipEvaluator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClipEvaluator.class);

    /**
     * Landmarks that move with the head but hardly with speech or expression: forehead and nose-bridge line, nose
     * tip, eye corners and the face's side edges. Jitter and drift are measured on these.
     */
    static final int[] STABLE = {10, 151, 9, 8, 168, 6, 197, 195, 5, 4, 33, 133, 362, 263, 234, 454};
    /**
     * A frame's eyes count as open (no blink) when their openness is at least this share of the clip's median: a
     * blink's closing and opening frames fall under it, a glance up or down does not.
     */
    static final double OPEN_EYES = 0.85;

    private final FaceDetector detector;
    private final FaceMeshModel mesh;
    private final CanonicalFaceMesh canonical;
    private final ServiceContext context;
    private final OnnxSessions owned;
    private volatile IrisModel iris;
    private volatile BlendshapeModel blend;
    private volatile boolean closed;

    /** An evaluator over the context's models and sessions (not closed by {@link #close()}). */
    public ClipEvaluator(ServiceContext context) {
        this(context, null);
    }

    private ClipEvaluator(ServiceContext context, OnnxSessions owned) {
        this.context = Objects.requireNonNull(context, "context");
        this.owned = owned;
        this.detector = new FaceDetector(context);
        this.mesh = FaceMeshModel.create(context);
        this.canonical = CanonicalFaceMesh.load(context.models());
    }

    /**
     * An evaluator with its own CPU sessions over the face models in {@code modelDir} (offline: nothing is
     * downloaded). Close it to release the sessions.
     */
    public static ClipEvaluator open(Path modelDir) {
        Objects.requireNonNull(modelDir, "modelDir");
        ModelStore store = ModelStore.builder().modelDir(modelDir).offline(true).build();
        GagaSettings settings = GagaSettings.defaults();
        OnnxSessions sessions = new OnnxSessions(ExecutionDevice.CPU, settings.threads());
        try {
            return new ClipEvaluator(ServiceContext.of(store, sessions, settings), sessions);
        } catch (RuntimeException e) {
            sessions.close();
            throw e;
        }
    }

    /** Evaluates a clip with the default options. */
    public ClipReport evaluate(Path mp4) {
        return evaluate(mp4, EvaluationOptions.defaults());
    }

    /**
     * Evaluates a clip.
     *
     * @throws ai.gaga.GagaException when the file cannot be opened or decoded
     */
    public ClipReport evaluate(Path mp4, EvaluationOptions options) {
        Objects.requireNonNull(mp4, "mp4");
        Objects.requireNonNull(options, "options");
        if (closed) {
            throw new IllegalStateException("This ClipEvaluator is closed");
        }
        long t0 = System.nanoTime();
        boolean withBlend = options.blendshapes();
        IrisModel irisModel = withBlend ? iris() : null;
        BlendshapeModel blendModel = withBlend ? blend() : null;
        FaceTracker tracker = new FaceTracker(detector, mesh);
        Track track = new Track();
        RestShape shape = new RestShape(options.driftWindowSeconds());
        ClipDecoder.Result decoded = ClipDecoder.decode(mp4, true, (index, time, frame) -> {
            if (!options.analyses(time)) {
                // Skipped frames leave the tracker's crop where it was: on a still camera the next analysed stretch is
                // measured on the same crop as the last, as rest drift needs (the mesh's points move by up to 0.02
                // IOD with where the face sits in its crop); a face that moved meanwhile is followed or found again.
                return true;
            }
            FaceMesh m = tracker.track(frame);
            if (m != null) {
                track.add(index, measure(m, irisModel == null ? null : tracker.asDetected(frame, m), irisModel,
                        canonical, blendModel, frame));
                shape.add(index, time, m);
            }
            return true;
        });
        ClipReport.Builder b = new ClipReport.Builder();
        b.source = mp4.toString();
        b.width = decoded.width();
        b.height = decoded.height();
        b.fps = decoded.fps();
        b.detections = tracker.detections();
        b.maxLagFrames = options.maxLagFrames();
        double[] env = decoded.frameRms();
        int n = decoded.frames();
        for (int i = 0; i < n; i++) {
            Measured m = track.get(i);
            b.frames.add(m == null
                    ? new FrameSample(i, i / b.fps, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, env[i], null)
                    : new FrameSample(i, i / b.fps, true, m.aperture, m.eyeOpenness, m.pose.yaw(), m.pose.pitch(),
                    m.pose.roll(), m.iod, m.faceX, m.faceY, env[i], m.blendshapes));
        }
        double[] aperture = new double[n];
        for (int i = 0; i < n; i++) {
            aperture[i] = b.frames.get(i).aperture();
        }
        lipSync(b, aperture, env, decoded.hasAudio(), options);
        silences(b, aperture, env, options);
        stability(b, track, n, options);
        b.shapeDrift = shape.drift(n / b.fps, STABLE);
        restPose(b, shape, n);
        EmotionScoring.score(b, options.emotionRanges());
        b.analysisSeconds = (System.nanoTime() - t0) / 1e9;
        ClipReport report = b.build();
        LOG.info("Evaluated {}", report.summary().trim());
        return report;
    }

    private record Measured(double aperture, double eyeOpenness, HeadPose pose, double iod, double faceX,
                            double faceY, Blendshapes blendshapes, float[] stable) {
    }

    /** {@code m} as tracked; {@code expression}: the same face on the detector's crop, read for blendshapes. */
    private static Measured measure(FaceMesh m, FaceMesh expression, IrisModel irisModel,
                                    CanonicalFaceMesh canonical, BlendshapeModel blendModel, BufferedImage frame) {
        Blendshapes bs = null;
        FaceMesh eyes = m;
        if (irisModel != null) {
            Landmarks478 refined = irisModel.refine(frame, expression);
            bs = blendModel.run(refined);
            eyes = refined.mesh(expression.presence());
        }
        float[] stable = new float[STABLE.length * 2];
        for (int k = 0; k < STABLE.length; k++) {
            FaceMesh.Landmark p = m.get(STABLE[k]);
            stable[2 * k] = (float) p.x();
            stable[2 * k + 1] = (float) p.y();
        }
        FaceBox.Point c = m.centroid(FaceMesh.FACE_OVAL);
        return new Measured(MouthMeasure.aperture(m), eyeOpenness(eyes), HeadPose.of(m, canonical), m.interOcularDistance(),
                c.x(), c.y(), bs, stable);
    }

    /** Lid gap over eye width, both eyes averaged. */
    static double eyeOpenness(FaceMesh m) {
        return (ratio(m, 159, 145, 33, 133) + ratio(m, 386, 374, 362, 263)) / 2;
    }

    private static double ratio(FaceMesh m, int top, int bottom, int corner1, int corner2) {
        return dist(m.get(top), m.get(bottom)) / Math.max(1e-6, dist(m.get(corner1), m.get(corner2)));
    }

    private static double dist(FaceMesh.Landmark a, FaceMesh.Landmark b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    private static void lipSync(ClipReport.Builder b, double[] aperture, double[] env, boolean hasAudio,
                                EvaluationOptions o) {
        b.hasAudio = hasAudio;
        int maxLag = o.maxLagFrames();
        if (!hasAudio) {
            b.correlationByLag = new double[2 * maxLag + 1];
            Arrays.fill(b.correlationByLag, Double.NaN);
            return;
        }
        b.correlationByLag = Metrics.correlationByLag(aperture, env, maxLag);
        int best = Metrics.bestLagIndex(b.correlationByLag);
        if (best >= 0) {
            b.avOffsetFrames = best - maxLag;
            b.syncScore = b.correlationByLag[best];
        } else {
            // No timing to read (still face or flat sound): no correlation at all.
            b.syncScore = 0;
        }
    }

    private static void silences(ClipReport.Builder b, double[] aperture, double[] env, EvaluationOptions o) {
        b.speechLevel = Metrics.quantile(env, 0.95);
        b.silenceLevel = b.speechLevel * Math.pow(10, o.silenceDb() / 20);
        boolean[] silent = b.hasAudio
                ? Metrics.longSilences(env, b.silenceLevel, o.minSilenceSeconds() * b.fps, o.silenceGuardFrames())
                : new boolean[env.length];
        double[] sounding = new double[aperture.length];
        for (int i = 0; i < aperture.length; i++) {
            sounding[i] = b.hasAudio && env[i] >= b.silenceLevel ? aperture[i] : Double.NaN;
        }
        b.restAperture = Metrics.quantile(aperture, 0.05);
        double open = Metrics.quantile(sounding, 0.90);
        b.openAperture = Double.isNaN(open) ? Metrics.quantile(aperture, 0.90) : open;
        b.closedThreshold = b.restAperture + Math.max(o.closedFraction() * (b.openAperture - b.restAperture),
                o.closedMargin());
        int counted = 0;
        int closedCount = 0;
        for (int i = 0; i < aperture.length; i++) {
            if (silent[i] && Double.isFinite(aperture[i])) {
                counted++;
                if (aperture[i] <= b.closedThreshold) {
                    closedCount++;
                }
            }
        }
        b.silentFrames = counted;
        b.mouthClosedRatio = counted == 0 ? Double.NaN : (double) closedCount / counted;
    }

    private static void stability(ClipReport.Builder b, Track track, int n, EvaluationOptions o) {
        List<TimeRange> still = o.stillRanges().isEmpty()
                ? List.of(new TimeRange(0, Math.max(n, 1) / b.fps)) : o.stillRanges();
        double sumSq = 0;
        long pairs = 0;
        for (int i = 1; i < n; i++) {
            Measured a = track.get(i - 1);
            Measured c = track.get(i);
            double t = i / b.fps;
            if (a == null || c == null || !inAny(still, t) || !inAny(still, (i - 1) / b.fps)) {
                continue;
            }
            double iod = (a.iod + c.iod) / 2;
            for (int k = 0; k < STABLE.length; k++) {
                double dx = (c.stable[2 * k] - a.stable[2 * k]) / iod;
                double dy = (c.stable[2 * k + 1] - a.stable[2 * k + 1]) / iod;
                sumSq += dx * dx + dy * dy;
                pairs++;
            }
        }
        b.jitter = pairs == 0 ? Double.NaN : Math.sqrt(sumSq / pairs);
        double window = o.driftWindowSeconds();
        double duration = n / b.fps;
        double[] first = meanStable(track, n, b.fps, 0, window);
        double[] last = meanStable(track, n, b.fps, duration - window, duration);
        if (first != null && last != null) {
            double iod = (first[2 * STABLE.length] + last[2 * STABLE.length]) / 2;
            double sum = 0;
            for (int k = 0; k < STABLE.length; k++) {
                sum += Math.hypot(last[2 * k] - first[2 * k], last[2 * k + 1] - first[2 * k + 1]);
            }
            b.restDrift = sum / STABLE.length / iod;
        }
    }

    /**
     * Rest-pose drift: the face's mesh at rest (eyes open, mouth closed) in the first window against the last, with
     * nothing removed.
     */
    private static void restPose(ClipReport.Builder b, RestShape shape, int n) {
        double[] eyes = new double[n];
        for (int i = 0; i < n; i++) {
            eyes[i] = b.frames.get(i).eyeOpenness();
        }
        double open = OPEN_EYES * Metrics.quantile(eyes, 0.5);
        RestShape.Drift d = shape.restDrift(n / b.fps, i -> {
            FrameSample f = b.frames.get(i);
            return f.faceFound() && f.eyeOpenness() >= open && f.aperture() <= b.closedThreshold;
        });
        b.restPoseDrift = d.mean();
        b.restPoseDriftMax = d.max();
        b.restFramesFirst = d.firstFrames();
        b.restFramesLast = d.lastFrames();
    }

    /** Mean stable-landmark positions (then the mean inter-ocular distance) over frames starting in [from, to). */
    private static double[] meanStable(Track track, int n, double fps, double from, double to) {
        double[] sum = new double[2 * STABLE.length + 1];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double t = i / fps;
            Measured m = track.get(i);
            if (m == null || t < from || t >= to) {
                continue;
            }
            for (int k = 0; k < 2 * STABLE.length; k++) {
                sum[k] += m.stable[k];
            }
            sum[2 * STABLE.length] += m.iod;
            count++;
        }
        if (count == 0) {
            return null;
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= count;
        }
        return sum;
    }

    private static boolean inAny(List<TimeRange> ranges, double t) {
        for (TimeRange r : ranges) {
            if (r.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private IrisModel iris() {
        IrisModel m = iris;
        if (m == null) {
            synchronized (this) {
                m = iris;
                if (m == null) {
                    m = IrisModel.create(context);
                    iris = m;
                }
            }
        }
        return m;
    }

    private BlendshapeModel blend() {
        BlendshapeModel m = blend;
        if (m == null) {
            synchronized (this) {
                m = blend;
                if (m == null) {
                    m = BlendshapeModel.create(context);
                    blend = m;
                }
            }
        }
        return m;
    }

    /** Idempotent; evaluations already running finish on their own, later ones are refused. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owned != null) {
            owned.close();
        }
    }

    /** Per-frame measures by frame index (frames without a face hold null). */
    private static final class Track {
        private Measured[] items = new Measured[256];

        void add(int index, Measured m) {
            if (index >= items.length) {
                items = Arrays.copyOf(items, Math.max(index + 1, items.length * 2));
            }
            items[index] = m;
        }

        Measured get(int index) {
            return index < items.length ? items[index] : null;
        }
    }
}
