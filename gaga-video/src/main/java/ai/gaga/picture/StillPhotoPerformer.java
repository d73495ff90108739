package ai.gaga.picture;

import ai.gaga.RenderPlan;
import ai.gaga.render.CastMember;

import ai.gaga.InvalidPhotoException;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.PersonMask;
import ai.gaga.face.PersonSegmenter;
import ai.gaga.face.PhotoLoader;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.Performer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Actor;
import ai.gaga.scene.FacePick;
import ai.gaga.scene.Scene;
import ai.gaga.spi.ServiceContext;
import ai.gaga.timeline.Shot;
import ai.gaga.timeline.ShotPlanner;
import ai.gaga.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The picture from still photos ({@value #ID}): every actor's photo, shown in the shots of the timeline's cut
 * ({@link Timeline#shots()}, planned here with {@link ShotPlanner} when the timeline has none) by a
 * {@link ShotCompositor}: singles framed at the shot size, two-shots with the actors cut out by their person mask,
 * split screens, camera moves, grades and rain. Photos are loaded, their faces found (and, for two-shots, the person
 * segmented) once; frames are then cheap resamplings. The plates come from a {@link PlateSource}, so an animated face
 * drops in without changing the picture.
 *
 * <p>Every actor's photo is checked, so a bad photo fails the render early whichever actor it belongs to. A photo
 * without a detectable face is refused unless the scene {@linkplain Scene#allowNoFace() allows it}, in which case the
 * whole photo is shown centred.
 *
 * <p>Thread-safe: analyses are cached (a few photos, keyed by file, modification time and size) so that
 * {@link #cast} and {@link #prepare(RenderPlan)} of one render load and analyse each photo once.
 */
public final class StillPhotoPerformer implements Performer {
    private static final Logger LOG = LoggerFactory.getLogger(StillPhotoPerformer.class);

    /** Performer id. */
    public static final String ID = "still-photo";
    /** Reason given when no face is found and the scene does not allow that. */
    public static final String NO_FACE = "no face found; use a photo with a clearly visible face, or "
            + "Scene.builder().allowNoFace(true)";
    /** Analyses kept: decoded photos are up to 4096x4096x3 bytes, so only a handful. */
    private static final int CACHE_SIZE = 4;

    private final FaceDetector detector;
    /** Person segmentation for two-shots; null when unavailable (two-shots then become split screens). */
    private final Function<BufferedImage, PersonMask> segmenter;
    private final PlateSourceFactory plates;
    private final Map<PhotoKey, Detected> cache = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<PhotoKey, Detected> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** A performer whose face detection and person segmentation use the context's models and ONNX sessions. */
    public StillPhotoPerformer(ServiceContext context) {
        this(context, PlateSource.STILL);
    }

    /** A performer with the context's models whose actors are drawn by {@code plates}. */
    public StillPhotoPerformer(ServiceContext context, PlateSource plates) {
        this(context, (PlateSourceFactory) (scene, timeline, format) -> plates);
    }

    /** A performer with the context's models whose actors are drawn by the plates {@code plates} makes per scene. */
    public StillPhotoPerformer(ServiceContext context, PlateSourceFactory plates) {
        this(new FaceDetector(Objects.requireNonNull(context, "context")), lazySegmenter(context), plates);
    }

    /** A performer over an existing face detector, without person segmentation (two-shots become split screens). */
    public StillPhotoPerformer(FaceDetector detector) {
        this(detector, null, PlateSource.STILL);
    }

    /**
     * A performer over existing parts.
     *
     * @param segmenter person mask of a photo, or null to show two-shots as split screens
     */
    public StillPhotoPerformer(FaceDetector detector, Function<BufferedImage, PersonMask> segmenter,
                               PlateSource plates) {
        this(detector, segmenter, (PlateSourceFactory) (scene, timeline, format) -> plates);
    }

    /** A performer over existing models, with plates made per scene by {@code plates}. */
    public StillPhotoPerformer(FaceDetector detector, Function<BufferedImage, PersonMask> segmenter,
                               PlateSourceFactory plates) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.segmenter = segmenter;
        this.plates = Objects.requireNonNull(plates, "plates");
    }

    /** Opens the segmentation model on first use only: scenes without two-shots never need it. */
    private static Function<BufferedImage, PersonMask> lazySegmenter(ServiceContext context) {
        PersonSegmenter[] holder = new PersonSegmenter[1];
        return image -> {
            synchronized (holder) {
                if (holder[0] == null) {
                    holder[0] = PersonSegmenter.create(context);
                }
            }
            return holder[0].segment(image);
        };
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Loads every actor's photo and finds its face, failing with {@link InvalidPhotoException} on the first unusable
     * one; each member lists every face of its photo (left to right) and what the plates will make of it.
     */
    @Override
    public List<CastMember> cast(Scene scene) {
        Objects.requireNonNull(scene, "scene");
        List<CastMember> cast = new java.util.ArrayList<>();
        Map<String, PhotoAnalysis> analyses = new LinkedHashMap<>();
        for (Actor actor : scene.actors()) {
            analyses.put(actor.name(), analyse(actor, scene.allowNoFace()));
        }
        Map<String, List<String>> framing = ShotCompositor.framingWarnings(analyses, scene.resolution().width(),
                scene.resolution().height());
        for (Actor actor : scene.actors()) {
            PhotoAnalysis a = analyses.get(actor.name());
            List<FaceBox> faces;
            synchronized (cache) {
                PhotoKey key = PhotoKey.of(actor.photo());
                Detected d = key == null ? null : cache.get(key);
                faces = d == null ? a.face().stream().toList() : d.faces();
            }
            List<FaceBox> leftToRight = faces.stream().sorted(java.util.Comparator.comparingDouble(FaceBox::centerX))
                    .toList();
            List<ai.gaga.render.FaceArea> areas = leftToRight.stream().map(StillPhotoPerformer::area).toList();
            int index = a.face().map(leftToRight::indexOf).orElse(-1);
            List<String> warnings = new java.util.ArrayList<>();
            // Which face plays is news only where the renderer chose it (the largest); a face the user picked is not.
            if (leftToRight.size() > 1 && index >= 0 && actor.face().equals(FacePick.LARGEST)) {
                warnings.add("the photo shows " + leftToRight.size() + " faces; face #" + (index + 1)
                        + " from the left plays " + actor.name());
            }
            warnings.addAll(plates.warnings(actor, a));
            warnings.addAll(framing.get(actor.name()));
            cast.add(new CastMember(actor.name(), actor.photo(), a.image().getWidth(), a.image().getHeight(), index,
                    areas, warnings));
        }
        return cast;
    }

    private static ai.gaga.render.FaceArea area(FaceBox f) {
        return new ai.gaga.render.FaceArea(f.x(), f.y(), f.width(), f.height(), f.eyeCenter().y());
    }

    @Override
    public FrameRenderer prepare(RenderPlan plan) {
        return prepare(plan.scene(), plan.timeline(), plan.format());
    }

    /**
     * The renderer of {@code scene}'s frames in {@code format}, following {@code timeline} (for tools and tests that
     * hold no {@link RenderPlan}; the cut is planned again when the timeline's was made at another frame rate).
     */
    public FrameRenderer prepare(Scene scene, Timeline timeline, VideoFormat format) {
        Objects.requireNonNull(scene, "scene");
        // The still picture does not react to speech: the push-in spans the format's frames, and the timeline only
        // matters to performers that animate the face.
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(format, "format");
        List<Shot> shots = shots(scene, timeline, format);
        java.util.Set<String> cutOut = new java.util.HashSet<>();
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (Shot shot : shots) {
            for (String name : shot.subjects()) {
                shown.add(name.toLowerCase(java.util.Locale.ROOT));
                if (shot.layout() == Shot.Layout.TWO_SHOT && !samePhoto(scene, shot.subjects())) {
                    cutOut.add(name.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        List<ShotCompositor.Member> cast = new java.util.ArrayList<>();
        for (Actor actor : scene.actors()) {
            String key = actor.name().toLowerCase(java.util.Locale.ROOT);
            if (!shown.contains(key)) {
                continue;
            }
            PhotoAnalysis a = analyse(actor, scene.allowNoFace());
            if (cutOut.contains(key) && segmenter != null && a.faces() <= 1) {
                a = segmented(actor.photo(), a);
            }
            cast.add(new ShotCompositor.Member(actor, a));
            BufferedImage photo = a.image();
            LOG.info("Photo of '{}' ({}x{}): {}{}", actor.name(), photo.getWidth(), photo.getHeight(),
                    a.face().map(FaceBox::toString).orElse("no face, whole photo"),
                    a.person().map(m -> String.format(java.util.Locale.ROOT, ", person covers %.0f%%",
                            100 * m.coverage())).orElse(""));
        }
        LOG.info("Picture {}x{}, {} frames in {} shot(s)", format.width(), format.height(), format.frameCount(),
                shots.size());
        return ShotCompositor.create(cast, shots, format, scene.seed(), plates.forScene(scene, timeline, format));
    }

    /** Whether every subject plays from the same photo file (a group photo acts in place: nothing is cut out). */
    private static boolean samePhoto(Scene scene, List<String> subjects) {
        return subjects.stream().map(n -> scene.actor(n).map(a -> a.photo().toAbsolutePath().normalize())
                .orElse(null)).distinct().count() == 1;
    }

    /** The timeline's cut at the format's rate, planned here if the timeline has none. */
    static List<Shot> shots(Scene scene, Timeline timeline, VideoFormat format) {
        if (!timeline.shots().isEmpty() && scene.fps() == format.fps()) {
            return timeline.shots();
        }
        Scene atRate = scene.fps() == format.fps() || !Scene.SUPPORTED_FPS.contains(format.fps()) ? scene
                : scene.toBuilder().fps(format.fps()).build();
        List<Shot> shots = new ShotPlanner().plan(atRate, timeline);
        if (shots.isEmpty()) { // an empty timeline: one opening shot over the format's frames
            shots = new ShotPlanner().plan(atRate, new Timeline(List.of(), format.durationSeconds()));
        }
        if (shots.isEmpty()) {
            throw new IllegalArgumentException("Nothing to draw: the video format has no frames");
        }
        return shots;
    }

    /** The analysis with its person mask, segmenting once per photo version. */
    private PhotoAnalysis segmented(Path photo, PhotoAnalysis a) {
        if (a.person().isPresent()) {
            return a;
        }
        PersonMask mask = segmenter.apply(a.image());
        PhotoKey key = PhotoKey.of(photo);
        if (key != null) {
            synchronized (cache) {
                Detected d = cache.get(key);
                if (d != null && d.image() == a.image()) {
                    cache.put(key, new Detected(d.image(), d.faces(), Optional.of(mask), d.turned()));
                }
            }
        }
        return a.withPerson(mask);
    }

    /** The photo and its largest face, from the cache when the file is unchanged. */
    PhotoAnalysis analyse(Path photo, boolean allowNoFace) {
        return analyse(photo, FacePick.LARGEST, allowNoFace);
    }

    /** The actor's photo and the face that plays them ({@link Actor#face()}). */
    PhotoAnalysis analyse(Actor actor, boolean allowNoFace) {
        return analyse(actor.photo(), actor.face(), allowNoFace);
    }

    private PhotoAnalysis analyse(Path photo, FacePick pick, boolean allowNoFace) {
        PhotoKey key = PhotoKey.of(photo);
        Detected d = null;
        if (key != null) {
            synchronized (cache) {
                d = cache.get(key);
            }
        }
        if (d == null) {
            BufferedImage image = PhotoLoader.load(photo);
            FaceDetector.Upright up = detector.detectUpright(image);
            d = new Detected(up.image(), up.faces(), Optional.empty(), up.turned());
            LOG.debug("Photo {}: {} face(s), turned {} quarter(s)", photo, d.faces().size(), d.turned());
            if (key != null) {
                synchronized (cache) {
                    cache.put(key, d);
                }
            }
        }
        if (d.faces().isEmpty()) {
            if (!allowNoFace) {
                throw new InvalidPhotoException(photo, NO_FACE);
            }
            return new PhotoAnalysis(d.image(), Optional.empty(), d.person(), 0, List.of(), d.turned());
        }
        FaceBox chosen = choose(d.faces(), pick, photo, d.image().getWidth(), d.image().getHeight());
        return new PhotoAnalysis(d.image(), Optional.of(chosen), d.person(), d.faces().size(),
                d.faces().stream().filter(f -> f != chosen).toList(), d.turned());
    }

    /**
     * The face a pick names among the detected ones (largest first): by position from the left, or the one whose box
     * holds the point (else the nearest centre; a point off the {@code width x height} photo is refused).
     */
    static FaceBox choose(List<FaceBox> faces, FacePick pick, Path photo, int width, int height) {
        if (pick.index() >= 0) {
            if (pick.index() >= faces.size()) {
                throw new InvalidPhotoException(photo, "asked for face #" + (pick.index() + 1) + " from the left "
                        + "(counting from 1), but the photo shows " + faces.size() + " face(s) (#1.."
                        + faces.size() + ")");
            }
            return faces.stream().sorted(java.util.Comparator.comparingDouble(FaceBox::centerX)).toList()
                    .get(pick.index());
        }
        if (pick.byPoint()) {
            // A point off the photo is a mistake, not a pick of whichever face lies nearest (seen: (-5000, -5000)
            // silently picked the leftmost face); a point on the photo beside a face (its body) picks the nearest.
            if (pick.x() < 0 || pick.y() < 0 || pick.x() >= width || pick.y() >= height) {
                throw new InvalidPhotoException(photo, String.format(java.util.Locale.ROOT, "the face was picked "
                        + "at (%.0f, %.0f), outside the %dx%d photo", pick.x(), pick.y(), width, height));
            }
            FaceBox.Point p = new FaceBox.Point(pick.x(), pick.y());
            return faces.stream().filter(f -> f.contains(p)).findFirst().orElseGet(() -> faces.stream()
                    .min(java.util.Comparator.comparingDouble(f -> Math.hypot(f.centerX() - pick.x(),
                            f.centerY() - pick.y()))).orElseThrow());
        }
        return faces.get(0);
    }

    /** A decoded photo, every face found in it (largest first) and, once a layout needed it, its person mask. */
    private record Detected(BufferedImage image, List<FaceBox> faces, Optional<PersonMask> person, int turned) {
    }

    @Override
    public void close() {
        synchronized (cache) {
            cache.clear();
        }
    }

    /** Identifies one version of a photo file. */
    private record PhotoKey(Path path, FileTime modified, long size) {
        /** The key of a readable regular file, or null (then PhotoLoader reports the problem). */
        static PhotoKey of(Path photo) {
            try {
                BasicFileAttributes attrs = Files.readAttributes(photo, BasicFileAttributes.class);
                if (!attrs.isRegularFile()) {
                    return null;
                }
                return new PhotoKey(photo.toAbsolutePath().normalize(), attrs.lastModifiedTime(), attrs.size());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
