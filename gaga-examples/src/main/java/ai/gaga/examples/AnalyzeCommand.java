package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.direction.DirectedScript;
import ai.gaga.direction.ScriptDirector;
import ai.gaga.scene.Scene;
import ai.gaga.subtitles.Subtitles;
import ai.gaga.timeline.PlanJson;
import ai.gaga.timeline.Timeline;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code gaga analyze scene.fountain --actor MAYA=maya.jpg}: parses the script, speaks the lines (for exact timing)
 * and prints the plan as JSON without rendering, with the direction of every line (language, emotion, arc, delivery
 * and whether each came from the script or was inferred) under {@code "direction"}; optionally writes subtitles.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Print the plan of a script (lines, timing, cues, shots) as JSON without rendering.")
final class AnalyzeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeCommand.class);

    @Parameters(index = "0", paramLabel = "SCRIPT-OR-TEXT", description = "A UTF-8 script file or the text itself.")
    String script;

    @Option(names = {"-a", "--actor"}, required = true, paramLabel = "[NAME=]PHOTO",
            description = "An actor's photo, named as in the script (repeat for each actor).")
    List<String> actors;

    @Option(names = "--srt", paramLabel = "FILE", description = "Also write SRT subtitles.")
    Path srt;

    @Option(names = "--vtt", paramLabel = "FILE", description = "Also write WebVTT subtitles.")
    Path vtt;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Scene parsed = RenderCommand.parseScript(script, actors);
        long t0 = System.nanoTime();
        DirectedScript direction = new ScriptDirector().direct(parsed);
        long t1 = System.nanoTime();
        // The directed scene is what the engine plans (planning it again changes nothing, so lines stay the same).
        Scene scene = direction.applyTo(parsed);
        try (Gaga gaga = engine.build()) {
            long t2 = System.nanoTime();
            Timeline timeline = gaga.plan(scene);
            LOG.info("Analysed {} lines ({} s of scene): direction {} ms, timing and plan {} ms (engine start-up and "
                    + "model loading included, logged above)", scene.lines().size(),
                    String.format(java.util.Locale.ROOT, "%.1f", timeline.durationSeconds()), (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000);
            ObjectNode plan = PlanJson.tree(scene, timeline);
            plan.set("direction", direction.toJsonTree());
            plan.set("photos", photos(gaga, scene));
            System.out.println(plan.toPrettyString());
            write(srt, Subtitles.toSrt(timeline));
            write(vtt, Subtitles.toWebVtt(timeline));
        }
        return 0;
    }

    /**
     * Every photo of the cast with the faces found in it, numbered from the left as {@code --actor NAME=PHOTO#N}
     * counts them, and which actor plays which face.
     */
    private static com.fasterxml.jackson.databind.node.ArrayNode photos(Gaga gaga, Scene scene) {
        com.fasterxml.jackson.databind.node.ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.arrayNode();
        try (ai.gaga.onnx.OnnxSessions onnx = new ai.gaga.onnx.OnnxSessions(ai.gaga.onnx.ExecutionDevice.CPU, 2)) {
            ai.gaga.face.FaceDetector detector = new ai.gaga.face.FaceDetector(
                    ai.gaga.spi.ServiceContext.of(gaga.models(), onnx, gaga.settings()));
            java.util.Map<Path, List<ai.gaga.scene.Actor>> byPhoto = new java.util.LinkedHashMap<>();
            for (ai.gaga.scene.Actor a : scene.actors()) {
                byPhoto.computeIfAbsent(a.photo(), k -> new java.util.ArrayList<>()).add(a);
            }
            for (var e : byPhoto.entrySet()) {
                ai.gaga.picture.PhotoFaces found = ai.gaga.picture.PhotoFaces.find(detector, e.getKey());
                ObjectNode p = out.addObject();
                p.put("photo", e.getKey().toString()).put("width", found.width()).put("height", found.height());
                var faces = p.putArray("faces");
                for (int i = 0; i < found.faces().size(); i++) {
                    ai.gaga.face.FaceBox f = found.faces().get(i);
                    faces.addObject().put("number", i + 1).put("x", Math.round(f.x())).put("y", Math.round(f.y()))
                            .put("width", Math.round(f.width())).put("height", Math.round(f.height()))
                            .put("score", Math.round(f.score() * 1000) / 1000.0);
                }
                var actors = p.putArray("actors");
                for (ai.gaga.scene.Actor a : e.getValue()) {
                    actors.addObject().put("name", a.name()).put("face", found.numberOf(a.face()));
                }
            }
        }
        return out;
    }

    private static void write(Path file, String text) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
