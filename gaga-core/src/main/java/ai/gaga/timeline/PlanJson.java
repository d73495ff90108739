package ai.gaga.timeline;

import ai.gaga.scene.ActionCue;
import ai.gaga.scene.Actor;
import ai.gaga.scene.Beat;
import ai.gaga.scene.CameraCue;
import ai.gaga.scene.Line;
import ai.gaga.scene.Pause;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneElement;
import ai.gaga.scene.SceneHeading;
import ai.gaga.scene.SoundCue;
import ai.gaga.scene.TagCue;
import ai.gaga.scene.TransitionCue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The plan of a render as JSON, for {@code gaga analyze} and for people who want to preview or edit it: the scene
 * settings and actors, every line with language, emotion, delivery, start rule and beats, and the timeline (lines,
 * pauses and cues with start/end seconds and frames, each line's mouth shapes and word timings, and the shots of the
 * cut with layout, subjects, size, camera move, grade and, when the photos were known, source scale). Built as an explicit tree so the format does not change
 * when a record gains a component.
 */
@ai.gaga.Internal
public final class PlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    /** The plan as indented JSON text. */
    public static String write(Scene scene, Timeline timeline) {
        try {
            return MAPPER.writeValueAsString(tree(scene, timeline));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the plan as JSON", e); // a tree of plain nodes always writes
        }
    }

    /** The plan as a JSON tree, each line's language read from its words (see {@link ai.gaga.voice.LineVoices}). */
    public static ObjectNode tree(Scene scene, Timeline timeline) {
        List<Line> lines = scene.lines();
        return tree(scene, timeline, i -> scene.actor(lines.get(i).actor())
                .map(a -> ai.gaga.voice.LineVoices.forLine(a.voice(), lines.get(i).text()).language()).orElse(""));
    }

    /** The plan as a JSON tree, with the language each line is spoken in given by {@code lineLanguage(index)}. */
    public static ObjectNode tree(Scene scene, Timeline timeline, java.util.function.IntFunction<String> lineLanguage) {
        int fps = scene.fps();
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode s = root.putObject("scene");
        s.put("resolution", scene.resolution().toString());
        s.put("fps", fps);
        s.put("seed", scene.seed());
        s.put("maxDurationSeconds", scene.maxDuration().toNanos() / 1e9);
        ArrayNode actors = s.putArray("actors");
        for (Actor a : scene.actors()) {
            actors.addObject().put("name", a.name()).put("photo", a.photo().toString())
                    .put("language", a.voice().language()).put("face", a.face().toString())
                    .put("rest", a.rest().name().toLowerCase(java.util.Locale.ROOT));
        }
        List<Line> lines = scene.lines();
        ArrayNode ls = root.putArray("lines");
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            ObjectNode n = ls.addObject();
            n.put("index", i);
            n.put("actor", l.actor());
            n.put("text", l.text());
            if (l.hasMarkup()) {
                n.put("markup", l.markup());
            }
            n.put("language", lineLanguage.apply(i));
            n.put("emotion", l.emotion().name().toLowerCase(java.util.Locale.ROOT));
            n.put("intensity", l.intensity());
            n.put("delivery", l.delivery().name().toLowerCase(java.util.Locale.ROOT));
            n.putObject("start").put("kind", l.start().kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("offsetSeconds", l.start().offset().toNanos() / 1e9);
            ArrayNode beats = n.putArray("pauses");
            for (Beat b : l.pauses()) {
                beats.addObject().put("at", b.at()).put("seconds", b.duration().toNanos() / 1e9);
            }
        }
        ObjectNode t = root.putObject("timeline");
        t.put("durationSeconds", timeline.durationSeconds());
        t.put("frameCount", timeline.frameCount(fps));
        ArrayNode entries = t.putArray("entries");
        for (TimelineEntry e : timeline.entries()) {
            ObjectNode n = entries.addObject().put("line", indexOf(lines, e.line())).put("actor", e.line().actor())
                    .put("text", e.line().text()).put("start", e.start()).put("end", e.end())
                    .put("startFrame", e.startFrame(fps)).put("endFrame", e.endFrame(fps))
                    .put("engine", e.utterance().engine());
            // the mouth shapes lip sync follows, in seconds from the line's start
            ArrayNode visemes = n.putArray("visemes");
            for (ai.gaga.voice.viseme.Viseme v : e.utterance().visemes().visemes()) {
                visemes.addObject().put("viseme", v.shape().code()).put("start", round(v.start()))
                        .put("end", round(v.end()));
            }
            // when each word is heard, in seconds from the line's start (karaoke captions, editing)
            ArrayNode words = n.putArray("words");
            for (ai.gaga.voice.WordTiming w : e.utterance().words()) {
                words.addObject().put("word", w.word()).put("start", round(w.start())).put("end", round(w.end()));
            }
        }
        ArrayNode cues = t.putArray("cues");
        for (TimedCue c : timeline.cues()) {
            ObjectNode n = cues.addObject();
            describe(n, c.element());
            n.put("start", c.start()).put("startFrame", c.startFrame(fps));
        }
        ArrayNode shots = t.putArray("shots");
        for (Shot shot : timeline.shots()) {
            ObjectNode n = shots.addObject();
            n.put("start", shot.start()).put("end", shot.end()).put("startFrame", shot.startFrame())
                    .put("endFrame", shot.endFrame())
                    .put("layout", shot.layout().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            ArrayNode subjects = n.putArray("subjects");
            shot.subjects().forEach(subjects::add);
            n.put("size", shot.size().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .put("move", shot.move().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .put("strength", shot.strength());
            if (shot.hasSourceScale()) {
                // face width on screen over face width in the photo, at the shot's closest
                n.put("sourceScale", Math.round(shot.sourceScale() * 1000) / 1000.0);
            }
            n.putObject("grade").put("look", shot.grade().look().jsonName())
                    .put("intensity", shot.grade().intensity()).put("warmth", shot.grade().warmth());
        }
        return root;
    }

    private static int indexOf(List<Line> lines, Line line) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == line) { // identity first: two equal lines are still two lines
                return i;
            }
        }
        return lines.indexOf(line);
    }

    private static void describe(ObjectNode n, SceneElement e) {
        if (e instanceof Pause p) {
            n.put("type", "pause").put("seconds", p.duration().toNanos() / 1e9);
        } else if (e instanceof SoundCue s) {
            n.put("type", s.kind().tag()).put("description", s.description());
        } else if (e instanceof CameraCue c) {
            n.put("type", "camera").put("camera", c.camera().scriptName());
        } else if (e instanceof ActionCue a) {
            n.put("type", "action").put("text", a.text());
        } else if (e instanceof SceneHeading h) {
            n.put("type", "heading").put("text", h.text());
        } else if (e instanceof TransitionCue tr) {
            n.put("type", "transition").put("text", tr.text());
        } else if (e instanceof TagCue tag) {
            n.put("type", "tag").put("name", tag.name()).put("argument", tag.argument());
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10_000) / 10_000.0;
    }
}
