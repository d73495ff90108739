package ai.gaga.studio;

import ai.gaga.Gaga;
import ai.gaga.RenderOptions;
import ai.gaga.RenderResult;
import ai.gaga.RenderPlan;
import ai.gaga.encode.EncodingSettings;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.PhotoLoader;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.scene.Scene;
import ai.gaga.sound.SoundSettings;
import ai.gaga.spi.ServiceContext;
import ai.gaga.subtitles.Subtitles;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The only place where the studio talks to the engine: photo inspection, planning and rendering. Kept small so that
 * the move to the engine's plan API (plan once, render that plan) touches one class.
 */
final class StudioEngine implements AutoCloseable {
    /** Faces analysed in full (mesh, warnings) per photo; more faces are still boxed, without warnings. */
    private static final int ANALYSED_FACES = 4;

    private final Gaga gaga;
    private final boolean ownsGaga;
    private final OnnxSessions inspectionSessions;
    private final FaceDetector detector;
    private final FaceAnalyzer analyzer;

    StudioEngine(Gaga gaga, boolean ownsGaga) {
        this.gaga = gaga;
        this.ownsGaga = ownsGaga;
        // Photo inspection runs the face models outside a render; the engine does not expose its own sessions today.
        this.inspectionSessions = new OnnxSessions(gaga.settings().device(), Math.max(1, gaga.settings().threads()));
        ServiceContext context = ServiceContext.of(gaga.models(), inspectionSessions, gaga.settings());
        this.detector = new FaceDetector(context);
        this.analyzer = new FaceAnalyzer(context);
    }

    /** A face found in a photo, in photo pixels, with what will limit its performance. */
    record Face(int index, double x, double y, double width, double height, List<String> warnings) {
    }

    /** What an uploaded photo holds. */
    record PhotoInfo(int width, int height, List<Face> faces, List<String> warnings) {
    }

    /**
     * Decodes a photo as the renderer will and finds its faces, left to right (the order of {@code FacePick.index}).
     *
     * @throws ai.gaga.InvalidPhotoException when the file is not a usable image
     */
    PhotoInfo inspect(Path photo) {
        BufferedImage image = PhotoLoader.load(photo);
        // As the renderer reads it: a photo lying on its side is stood upright, and the faces are numbered left to
        // right on the upright photo; their boxes are drawn where they lie on the photo as the page shows it.
        FaceDetector.Upright upright = detector.detectUpright(image);
        List<FaceBox> found = new ArrayList<>(upright.faces());
        List<FaceBox> analysed = List.copyOf(found.subList(0, Math.min(ANALYSED_FACES, found.size()))); // largest first
        found.sort(Comparator.comparingDouble(FaceBox::centerX));
        List<Face> faces = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            FaceBox box = found.get(i);
            List<String> warnings = List.of();
            if (analysed.contains(box)) {
                warnings = analyzer.analyze(upright.image(), box).warningMessages();
            }
            double[] b = upright.onOriginal(box, image.getWidth(), image.getHeight());
            faces.add(new Face(i, b[0], b[1], b[2], b[3], warnings));
        }
        List<String> warnings = new ArrayList<>();
        if (upright.turned() != 0) {
            warnings.add("This photo lies on its side (its file does not say which way is up): the film turns it "
                    + FaceDetector.Upright.turnWords(upright.turned()) + " to stand the faces upright");
        }
        if (faces.isEmpty()) {
            warnings.add("No face found in this photo: it can only be used with \"allow no face\", framed as a whole");
        } else if (faces.size() > 1) {
            warnings.add(faces.size() + " faces found: pick which face plays each actor (the largest by default)");
        }
        return new PhotoInfo(image.getWidth(), image.getHeight(), List.copyOf(faces), List.copyOf(warnings));
    }

    /** A planned scene: the engine's plan, reused by the render (no line is spoken twice). */
    record Planned(RenderPlan plan) {
        String srt() {
            return Subtitles.toSrt(plan.timeline());
        }

        String vtt() {
            return Subtitles.toWebVtt(plan.timeline());
        }

        /** The plan as {@code gaga analyze} prints it. */
        ObjectNode json() {
            return plan.toJsonTree();
        }
    }

    /** Casts, directs and plans a scene (times every line) without rendering. */
    Planned plan(Scene scene) {
        return new Planned(gaga.plan(scene));
    }

    /** Renders a plan to an MP4 with subtitles beside it; blocks; interrupting the thread cancels it. */
    RenderResult render(Planned planned, Path output, RenderOptions.Builder options) {
        return gaga.render(planned.plan(), output, options.subtitles(true).build());
    }

    /** Loudness of every soundtrack, LUFS. */
    double loudness() {
        return gaga.settings().plugin(SoundSettings.class).orElse(SoundSettings.DEFAULT).loudness();
    }

    /** The encoder preset, e.g. {@code fast}. */
    String preset() {
        return gaga.settings().plugin(EncodingSettings.class).map(e -> e.preset().name().toLowerCase(
                java.util.Locale.ROOT)).orElse("fast");
    }

    @Override
    public void close() {
        try {
            if (ownsGaga) {
                gaga.close();
            }
        } finally {
            inspectionSessions.close();
        }
    }
}
