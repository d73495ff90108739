package ai.gaga.examples;

import ai.gaga.RenderPlan;

import ai.gaga.Gaga;
import ai.gaga.direction.DirectedScript;
import ai.gaga.direction.ScriptDirector;
import ai.gaga.scene.Scene;
import ai.gaga.subtitles.Subtitles;
import ai.gaga.timeline.PlanJson;
import ai.gaga.timeline.Timeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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

    @Option(names = {"-a", "--actor"}, required = true, paramLabel = "[NAME=]PHOTO[#N]",
            description = "An actor's photo, named as in the script (repeat for each actor); PHOTO#N picks the N-th "
                    + "face from the left of a group photo (counting from 1)")
    List<String> actors;

    @Option(names = "--rest", defaultValue = "neutral", paramLabel = "neutral|photo",
            description = "The face the actors act from: neutral (the photo's expression relaxed) or photo "
                    + "(default: ${DEFAULT-VALUE}).")
    String rest;

    @Option(names = "--srt", paramLabel = "FILE", description = "Also write SRT subtitles.")
    Path srt;

    @Option(names = "--vtt", paramLabel = "FILE", description = "Also write WebVTT subtitles.")
    Path vtt;

    @Option(names = {"-q", "--quiet"}, description = "Log only errors (the plan still goes to stdout).")
    boolean quiet;

    @Option(names = "--max-duration", defaultValue = "60", paramLabel = "SECONDS",
            description = "Longest clip allowed (default: ${DEFAULT-VALUE}).")
    double maxDuration;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Scene parsed = RenderCommand.withRest(RenderCommand.parseScript(script, actors),
                RenderCommand.parseRest(rest)).toBuilder().maxDuration(RenderCommand.seconds(maxDuration)).build();
        InputChecks.photosAndLength(parsed); // before the emotion model and the voices load
        try (Gaga gaga = engine.build()) {
            long t0 = System.nanoTime();
            RenderPlan plan = gaga.plan(parsed);
            LOG.info("Analysed {} lines ({} s of scene): cast, direction, timing and plan in {} ms (engine start-up "
                    + "and model loading included, logged above)", parsed.lines().size(),
                    String.format(java.util.Locale.ROOT, "%.1f", plan.durationSeconds()),
                    (System.nanoTime() - t0) / 1_000_000);
            System.out.println(inCliWords(plan.toJson()));
            write(srt, Subtitles.toSrt(plan.timeline()));
            write(vtt, Subtitles.toWebVtt(plan.timeline()));
        }
        return 0;
    }

    /**
     * The plan's JSON with its warnings (at any depth, arrays named {@code warnings}) in the command line's words:
     * {@code --rest photo} where the library says {@code Rest.AS_PHOTOGRAPHED}. Nothing else changes.
     */
    static String inCliWords(String json) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode root = mapper.readTree(json);
            reword(root);
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reword(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("warnings") && e.getValue() instanceof ArrayNode a) {
                    for (int i = 0; i < a.size(); i++) {
                        if (a.get(i).isTextual()) {
                            a.set(i, a.textNode(GagaCli.cliWords(a.get(i).asText())));
                        }
                    }
                } else {
                    reword(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(AnalyzeCommand::reword);
        }
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
