package ai.gaga.direction;

import ai.gaga.GagaException;
import ai.gaga.scene.Actor;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneElement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scene's lines as the director reads them: per line the language, the emotion with its intensity and arc, the
 * delivery, and whether each came from the script's markup or from inference. Made by
 * {@link ScriptDirector#direct(Scene)}; {@link #applyTo(Scene)} gives the scene its inferred emotions and deliveries;
 * {@link #toJson()} prints it.
 *
 * @param lines one per spoken line, in order
 */
public record DirectedScript(List<DirectedLine> lines) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DirectedScript {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    /**
     * The scene with every emotion and delivery its script left open filled in from this direction; what the script
     * gave stays as it was. Returns the same scene when nothing changes, so directing twice costs nothing.
     *
     * @throws IllegalArgumentException when the scene's lines are not the ones this script was made from
     */
    public Scene applyTo(Scene scene) {
        List<Line> sceneLines = scene.lines();
        if (sceneLines.size() != lines.size()) {
            throw new IllegalArgumentException("This direction has " + lines.size() + " lines, the scene "
                    + sceneLines.size() + ": direct the scene itself with ScriptDirector.direct(scene)");
        }
        Line[] directed = new Line[lines.size()];
        boolean changed = false;
        for (int i = 0; i < lines.size(); i++) {
            Line line = sceneLines.get(i);
            DirectedLine d = lines.get(i);
            if (!line.text().equals(d.text())) {
                throw new IllegalArgumentException("Line " + (i + 1) + " is \"" + line.text()
                        + "\" in the scene but \"" + d.text() + "\" in this direction");
            }
            Line next = line;
            if (!line.emotionGiven()) {
                next = next.withInferredEmotion(d.emotion(), d.intensity(), d.arc());
            }
            if (!line.deliveryGiven()) {
                next = next.withInferredDelivery(d.delivery());
            }
            directed[i] = next.equals(line) ? line : next;
            changed |= directed[i] != line;
        }
        return changed ? scene.withLines(java.util.Arrays.asList(directed)) : scene;
    }

    /** The direction as a JSON tree: {@code {"lines": [{"index", "actor", "text", "language", "emotion", …}]}}. */
    public ObjectNode toJsonTree() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode ls = root.putArray("lines");
        for (DirectedLine d : lines) {
            ObjectNode n = ls.addObject();
            n.put("index", d.index()).put("actor", d.actor()).put("text", d.text()).put("language", d.language());
            n.put("emotion", name(d.emotion())).put("intensity", d.intensity())
                    .put("emotionSource", name(d.emotionSource()));
            n.put("delivery", name(d.delivery())).put("deliverySource", name(d.deliverySource()));
            ArrayNode arc = n.putArray("arc");
            for (var s : d.arc().segments()) {
                arc.addObject().put("start", s.start()).put("end", s.end()).put("emotion", name(s.emotion()))
                        .put("intensity", s.intensity());
            }
            ObjectNode reading = n.putObject("reading");
            reading.put("emotion", name(d.reading().emotion())).put("intensity", d.reading().intensity());
            ObjectNode scores = reading.putObject("scores");
            for (Emotion e : Emotion.values()) {
                if (d.reading().scores().containsKey(e)) {
                    scores.put(name(e), Math.round(d.reading().score(e) * 1000) / 1000.0);
                }
            }
        }
        return root;
    }

    /** The direction as indented JSON (see {@link #toJsonTree()}). */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(toJsonTree());
        } catch (JsonProcessingException e) {
            throw new GagaException("Cannot write the direction as JSON", e);
        }
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
