package ai.gaga.examples;

import ai.gaga.GagaException;
import ai.gaga.evaluate.ClipEvaluator;
import ai.gaga.evaluate.ClipReport;
import ai.gaga.evaluate.EvaluationOptions;
import ai.gaga.models.ModelStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gaga check clip.mp4}: re-detects the face in every frame of a clip (any clip, not only GAGA's) and prints
 * what the evaluator measures as JSON: lip sync (A/V offset, sync score), mouth closed in silences, stability (jitter,
 * drift) and, with {@code --blendshapes}, the expression read back per emotion. A clip in which no frame shows a face
 * exits with 3 (bad input) after printing its report: there is nothing to measure.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Measure a clip's lip sync, silences and stability (re-detecting the face) and print JSON.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CLIP", description = "An MP4 (or any video FFmpeg reads) with a face.")
    Path clip;

    @Option(names = "--blendshapes", description = "Also read the 52 blendshapes on every frame (about 3x slower).")
    boolean blendshapes;

    @Option(names = "--frames", description = "Include the per-frame track in the JSON.")
    boolean frames;

    @Option(names = "--models", paramLabel = "DIR",
            description = "Model directory (default: $GAGA_MODEL_DIR, then ~/.cache/gaga/models).")
    Path models;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(clip)) {
            throw new BadInputException("Clip " + clip + " does not exist or is not a file");
        }
        Path dir = models != null ? models : ModelStore.standard().modelDir()
                .orElseThrow(() -> new GagaException("No model directory: set GAGA_MODEL_DIR or pass --models DIR"));
        try (ClipEvaluator evaluator = ClipEvaluator.open(dir)) {
            ClipReport report = evaluator.evaluate(clip, EvaluationOptions.builder().blendshapes(blendshapes)
                    .build());
            JsonNode json = new ObjectMapper().readTree(report.toJson());
            if (!frames) {
                ((ObjectNode) json).remove("track");
            }
            System.out.println(json.toPrettyString());
            if (report.frameCount() > 0 && report.faceFrames() == 0) {
                // The report is printed (it says so too), but nothing it measures means anything: not a pass.
                System.err.println("gaga: no face found in any of the " + report.frameCount() + " frames of " + clip
                        + ": lip sync, silences and stability were not measured");
                return GagaCli.EXIT_INPUT;
            }
        }
        return 0;
    }
}
