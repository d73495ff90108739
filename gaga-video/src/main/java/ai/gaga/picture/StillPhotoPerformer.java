package ai.gaga.picture;

import ai.gaga.InvalidPhotoException;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.PhotoLoader;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.Performer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Actor;
import ai.gaga.scene.Scene;
import ai.gaga.spi.ServiceContext;
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

/**
 * The first picture: the actor's still photo in a medium close-up with a slow camera push-in towards the face
 * ({@value #ID}). The photo is loaded and its face found once per scene; frames are then cheap resamplings (see
 * {@code StillPhotoRenderer}).
 *
 * <p>Only the first actor of a scene is shown; every actor's photo is still checked, so a bad photo fails the render
 * early whichever actor it belongs to. A photo without a detectable face is refused unless the scene
 * {@linkplain Scene#allowNoFace() allows it}, in which case the whole photo is shown centred.
 *
 * <p>Thread-safe: analyses are cached (a few photos, keyed by file, modification time and size) so that
 * {@link #inspect} and {@link #prepare} of one render load and analyse each photo once.
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
    private final Map<PhotoKey, PhotoAnalysis> cache = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<PhotoKey, PhotoAnalysis> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** A performer whose face detection uses the context's models and ONNX sessions. */
    public StillPhotoPerformer(ServiceContext context) {
        this(new FaceDetector(Objects.requireNonNull(context, "context")));
    }

    /** A performer over an existing face detector. */
    public StillPhotoPerformer(FaceDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Loads every actor's photo and finds its face, failing with {@link InvalidPhotoException} on the first unusable
     * one. (Declared without {@code @Override} so this class also compiles against a gaga-core without
     * {@code Performer.inspect}.)
     */
    public void inspect(Scene scene) {
        Objects.requireNonNull(scene, "scene");
        for (Actor actor : scene.actors()) {
            analyse(actor.photo(), scene.allowNoFace());
        }
    }

    @Override
    public FrameRenderer prepare(Scene scene, Timeline timeline, VideoFormat format) {
        Objects.requireNonNull(scene, "scene");
        // The still picture does not react to speech: the push-in spans the format's frames, and the timeline only
        // matters to performers that animate the face.
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(format, "format");
        inspect(scene);
        Actor actor = scene.actors().get(0);
        PhotoAnalysis a = analyse(actor.photo(), scene.allowNoFace());
        BufferedImage photo = a.image();
        Framing framing = a.face()
                .map(f -> Framing.closeUp(photo.getWidth(), photo.getHeight(), f, format.width(), format.height()))
                .orElseGet(() -> Framing.whole(photo.getWidth(), photo.getHeight(), format.width(),
                        format.height()));
        LOG.info("Still photo of '{}' ({}x{}): {}, scale {} into {}x{}, {} frames", actor.name(), photo.getWidth(),
                photo.getHeight(), a.face().map(FaceBox::toString).orElse("no face, whole photo"),
                String.format(java.util.Locale.ROOT, "%.3f", framing.scale()), format.width(), format.height(),
                format.frameCount());
        return new StillPhotoRenderer(photo, framing, format);
    }

    /** The photo and its largest face, from the cache when the file is unchanged. */
    PhotoAnalysis analyse(Path photo, boolean allowNoFace) {
        PhotoKey key = PhotoKey.of(photo);
        PhotoAnalysis a = null;
        if (key != null) {
            synchronized (cache) {
                a = cache.get(key);
            }
        }
        if (a == null) {
            BufferedImage image = PhotoLoader.load(photo);
            List<FaceBox> faces = detector.detect(image);
            a = new PhotoAnalysis(image, faces.isEmpty() ? Optional.empty() : Optional.of(faces.get(0)));
            LOG.debug("Photo {}: {} face(s), largest {}", photo, faces.size(), a.face().orElse(null));
            if (key != null) {
                synchronized (cache) {
                    cache.put(key, a);
                }
            }
        }
        if (a.face().isEmpty() && !allowNoFace) {
            throw new InvalidPhotoException(photo, NO_FACE);
        }
        return a;
    }

    @Override
    public void close() {
        synchronized (cache) {
            cache.clear();
        }
    }

    /**
     * A decoded photo and the largest face in it.
     *
     * @param image the upright BGR photo
     * @param face  its largest face, if any
     */
    record PhotoAnalysis(BufferedImage image, Optional<FaceBox> face) {
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
