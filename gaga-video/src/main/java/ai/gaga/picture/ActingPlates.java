package ai.gaga.picture;

import java.util.List;

import ai.gaga.GagaException;
import ai.gaga.animation.FaceAnimator;
import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceWarning;
import ai.gaga.face.PhotoExpression;
import ai.gaga.render.VideoFormat;
import ai.gaga.rig.AnimatedPlate;
import ai.gaga.rig.FaceControl;
import ai.gaga.rig.FacePerformance;
import ai.gaga.rig.NeutralRest;
import ai.gaga.scene.Rest;
import ai.gaga.scene.Scene;
import ai.gaga.spi.ServiceContext;
import ai.gaga.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashMap;

/**
 * Plates whose faces act the scene: each actor's photo is analysed once (478 landmarks, blendshapes, person mask),
 * rigged ({@link AnimatedPlate}) and driven by a {@link FaceAnimator} that follows the timeline — lip sync from the
 * viseme tracks, the emotions of the lines, blinks, gaze, head motion and listening. A photo whose face cannot be
 * rigged (eyes under {@value FaceAnalyzer#MIN_EYE_DISTANCE} px apart, or no face in an {@code allowNoFace} scene) is
 * shown still, with a warning in the log; a strong profile is animated with smaller head and mouth motion, a covered
 * mouth with much smaller mouth motion.
 */
public final class ActingPlates implements PlateSourceFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ActingPlates.class);

    private final FaceAnalyzer analyzer;
    private final BiFunction<BufferedImage, FaceBox, FaceAnalysis> reread;
    /**
     * Analyses per decoded photo and face (a group photo can give several actors): the performer caches photos, so
     * the same image object means the same file. A few entries, the latest used kept.
     */
    private final Map<FaceKey, FaceAnalysis> analyses = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<FaceKey, FaceAnalysis> eldest) {
            return size() > 8;
        }
    };

    private final Map<FaceKey, NeutralRest.Result> rests = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<FaceKey, NeutralRest.Result> eldest) {
            return size() > 8;
        }
    };

    /** Plates analysed with the context's face models. */
    public ActingPlates(ServiceContext context) {
        this(new FaceAnalyzer(Objects.requireNonNull(context, "context")));
    }

    /** Plates analysed by {@code analyzer}. */
    public ActingPlates(FaceAnalyzer analyzer) {
        this(analyzer, analyzer::analyze);
    }

    /**
     * Plates analysed by {@code analyzer}, whose neutral rests are checked by re-reading them with {@code reread}
     * (the rest image, the photo's face box): tests give a re-reader that keeps reading the photo's open mouth.
     */
    ActingPlates(FaceAnalyzer analyzer, BiFunction<BufferedImage, FaceBox, FaceAnalysis> reread) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.reread = Objects.requireNonNull(reread, "reread");
    }

    @Override
    public PlateSource forScene(Scene scene, Timeline timeline, VideoFormat format) {
        return (actor, photo, scale) -> {
            if (photo.face().isEmpty()) {
                return new StillPlate(actor, photo, scale);
            }
            FaceAnalysis face;
            try {
                face = analysis(photo);
            } catch (GagaException e) {
                LOG.warn("The face of '{}' cannot be animated ({}); showing the photo still", actor.name(),
                        e.getMessage());
                return new StillPlate(actor, photo, scale);
            }
            if (face.warnings().contains(FaceWarning.TOO_SMALL)) {
                // The plan carries the warning to the user (FaceWarning.TOO_SMALL says the photo is shown still).
                LOG.info("The face of '{}' is too small to animate; showing the photo still", actor.name());
                return new StillPlate(actor, photo, scale);
            }
            FacePerformance performance = FaceAnimator.of(scene, timeline, actor.name(), format.fps());
            if (actor.rest() == Rest.NEUTRAL) {
                NeutralRest.Result rest = neutral(photo, face);
                // The plan carries these to the user; the log repeats them for the record only.
                rest.relaxed().forEach(w -> LOG.info("'{}': {}", actor.name(), w.message()));
                return AnimatedPlate.create(rest.photo(), rest.analysis(), scale,
                        restrained(performance, rest.analysis()), rest.interior(), photo.others());
            }
            return AnimatedPlate.create(photo.image(), face, scale,
                    openRest(restrained(performance, face), PhotoExpression.of(face).lipGap()), photo.others());
        };
    }

    /** Lip gap (inter-ocular distances) that JAW_OPEN 1 adds, about: 0.7 parts the lips 0.30-0.34 on most faces. */
    static final double GAP_PER_JAW = 0.45;
    /** The most of its jaw motion an open rest gives up. */
    static final double MAX_JAW_CUT = 0.7;

    /**
     * An actor resting with the mouth open as photographed ({@link Rest#AS_PHOTOGRAPHED}) already shows part of
     * every opening: the jaw opens from there by what the speech asks for less what the photo shows, so a
     * mid-laugh photo does not open into a scream (a 0.28 IOD grin opened to 0.55 at the widest vowel, now 0.40). A
     * closed or barely parted rest is unchanged.
     */
    static FacePerformance openRest(FacePerformance performance, double restGap) {
        double cut = Math.min(MAX_JAW_CUT, Math.max(0, (restGap - 0.03) / GAP_PER_JAW));
        if (cut <= 0) {
            return performance;
        }
        LOG.info("Open mouth at rest (lip gap {} IOD): jaw motion x{}", String.format(java.util.Locale.ROOT, "%.2f",
                restGap), String.format(java.util.Locale.ROOT, "%.2f", 1 - cut));
        return (frame, out) -> {
            performance.controlsAt(frame, out);
            out.set(FaceControl.JAW_OPEN, out.get(FaceControl.JAW_OPEN) * (1 - cut));
        };
    }

    /** The neutral rest of an analysed face, derived once per photo and face. */
    private NeutralRest.Result neutral(PhotoAnalysis photo, FaceAnalysis face) {
        FaceKey key = new FaceKey(photo.image(), photo.face().orElseThrow());
        synchronized (rests) {
            NeutralRest.Result r = rests.get(key);
            if (r == null) {
                r = NeutralRest.of(photo.image(), face, rest -> reread.apply(rest, key.face()));
                rests.put(key, r);
            }
            return r;
        }
    }

    @Override
    public List<String> warnings(ai.gaga.scene.Actor actor, PhotoAnalysis photo) {
        if (photo.face().isEmpty()) {
            return List.of();
        }
        try {
            // What the neutral rest relaxes is said only for actors acting from it.
            FaceAnalysis face = analysis(photo);
            Set<FaceWarning> warnings = EnumSet.noneOf(FaceWarning.class);
            warnings.addAll(face.warnings());
            if (actor.rest() == Rest.NEUTRAL && !face.warnings().contains(FaceWarning.TOO_SMALL)
                    && face.warnings().stream().anyMatch(FaceWarning::aboutNeutralRest)) {
                // How well the rest came out (a mouth the face models still read open) is known once the rest is
                // derived and re-read; the render then takes the same rest from the cache.
                warnings.addAll(neutral(photo, face).relaxed());
            }
            return warnings.stream().sorted()
                    .filter(w -> actor.rest() == Rest.NEUTRAL || !w.aboutNeutralRest())
                    .map(FaceWarning::message).toList();
        } catch (GagaException e) {
            return List.of("the face cannot be animated (" + e.getMessage() + "); the photo is shown still");
        }
    }

    private FaceAnalysis analysis(PhotoAnalysis photo) {
        FaceKey key = new FaceKey(photo.image(), photo.face().orElseThrow());
        synchronized (analyses) {
            FaceAnalysis a = analyses.get(key);
            if (a == null) {
                a = analyzer.analyze(key.image(), key.face());
                analyses.put(key, a);
            }
            return a;
        }
    }

    /** A decoded photo (by identity) and one face in it. */
    private record FaceKey(BufferedImage image, FaceBox face) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FaceKey k && k.image == image && k.face.equals(face);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(image) * 31 + face.hashCode();
        }
    }

    private static final FaceControl[] HEAD = {FaceControl.HEAD_YAW, FaceControl.HEAD_PITCH, FaceControl.HEAD_ROLL};
    private static final FaceControl[] MOUTH = java.util.Arrays.stream(FaceControl.values())
            .filter(c -> c == FaceControl.JAW_OPEN || c.name().startsWith("MOUTH_")).toArray(FaceControl[]::new);

    /** Mouth motion of an actor whose mouth is covered (a mask, a hand): a hint of speech, not lips through cloth. */
    static final double OCCLUDED_MOUTH = 0.35;

    /**
     * A strong profile cannot turn much further, nor open its far side much, without showing what the photo never
     * had: such a face acts with scaled-down head and mouth motion. A covered mouth moves much less (the cover would
     * stretch and fold like skin); hidden eyes change nothing (blinks and gaze are simply not seen).
     */
    static FacePerformance restrained(FacePerformance performance, FaceAnalysis face) {
        boolean profile = face.warnings().contains(FaceWarning.STRONG_PROFILE);
        boolean covered = face.warnings().contains(FaceWarning.MOUTH_OCCLUDED);
        if (face.warnings().contains(FaceWarning.EYES_HIDDEN)) {
            LOG.info("{}", FaceWarning.EYES_HIDDEN.message());
        }
        if (!profile && !covered) {
            return performance;
        }
        double head = profile ? 0.4 : 1;
        double mouth = (profile ? 0.7 : 1) * (covered ? OCCLUDED_MOUTH : 1);
        if (profile) {
            LOG.info("Strong profile: animating conservatively (head motion x0.4, mouth x0.7)");
        }
        if (covered) {
            LOG.info("{} (mouth motion x{})", FaceWarning.MOUTH_OCCLUDED.message(), OCCLUDED_MOUTH);
        }
        return (frame, out) -> {
            performance.controlsAt(frame, out);
            for (FaceControl c : HEAD) {
                out.set(c, out.get(c) * head);
            }
            for (FaceControl c : MOUTH) {
                out.set(c, out.get(c) * mouth);
            }
        };
    }
}
