package ai.gaga.script;

import ai.gaga.InvalidSceneException;
import ai.gaga.ScriptException;
import ai.gaga.scene.Cue;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SoundCue;
import ai.gaga.scene.SceneHeading;
import ai.gaga.scene.TagCue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed script before actors have photos: every element with its source position, and the warnings.
 *
 * @param elements lines (actor = character cue as written), pauses and cues in order
 * @param warnings things kept that may not do what was meant (unknown tags and words)
 */
public record Script(List<ScriptElement> elements, List<ScriptWarning> warnings) {
    /** Actor of lines in a script without character cues: the one actor of the scene. */
    public static final String UNNAMED = "";

    public Script {
        elements = List.copyOf(elements);
        warnings = List.copyOf(warnings);
    }

    /** The spoken lines in order. */
    public List<Line> lines() {
        return elements.stream().map(ScriptElement::element).filter(Line.class::isInstance).map(Line.class::cast)
                .toList();
    }

    /** All cues in order (headings, music, camera, actions, transitions, unknown tags). */
    public List<Cue> cues() {
        return elements.stream().map(ScriptElement::element).filter(Cue.class::isInstance).map(Cue.class::cast)
                .toList();
    }

    /** Scene headings in order. */
    public List<SceneHeading> headings() {
        return cues().stream().filter(SceneHeading.class::isInstance).map(SceneHeading.class::cast).toList();
    }

    /** Tags GAGA does not act on, kept. */
    public List<TagCue> tags() {
        return cues().stream().filter(TagCue.class::isInstance).map(TagCue.class::cast).toList();
    }

    /** Character cue names in order of first appearance (upper case as written). */
    public List<String> characters() {
        Map<String, String> names = new LinkedHashMap<>();
        lines().stream().map(Line::actor).filter(a -> !a.equals(UNNAMED))
                .forEach(a -> names.putIfAbsent(a.toLowerCase(Locale.ROOT), a));
        return List.copyOf(names.values());
    }

    /** The scene, with one photo per character (see {@link Scene#parse(String, Map)}). */
    public Scene toScene(Map<String, Path> photos) {
        return toScene(photos, null);
    }

    /** As {@link #toScene(Map)}, naming the script file in errors. */
    public Scene toScene(Map<String, Path> photos, Path file) {
        try {
            return build(photos, file == null ? null : file.toAbsolutePath().getParent(), file);
        } catch (ScriptException e) {
            throw file == null ? e : e.inFile(file);
        }
    }

    private Scene build(Map<String, Path> photos, Path folder, Path file) {
        Map<String, Map.Entry<String, Path>> byKey = new TreeMap<>();
        photos.forEach((name, photo) -> byKey.put(name.strip().toLowerCase(Locale.ROOT), Map.entry(name.strip(),
                photo)));
        List<String> characters = characters();
        if (lines().isEmpty()) {
            int line = elements.isEmpty() ? 1 : elements.get(elements.size() - 1).line();
            throw new ScriptException(line, 1, "", "the script has no spoken line: write at least one line of "
                    + "dialogue");
        }
        String known = byKey.isEmpty() ? "none" : String.join(", ", byKey.values().stream().map(Map.Entry::getKey)
                .toList());
        Scene.Builder b = Scene.builder();
        // Unknown tags reach the plan's warnings as cues; the other warnings as the scene's notes (seen: "(angryy)"
        // only reached a log line, and an application without an SLF4J binding never learnt its direction was lost).
        for (ScriptWarning w : warnings) {
            if (!w.message().startsWith("unknown tag")) {
                b.scriptNote((file == null ? "Script " : file.getFileName() + ", ") + w);
            }
        }
        Map<String, String> actorOf = new LinkedHashMap<>();
        for (ScriptElement se : elements) {
            if (se.element() instanceof Line line) {
                String cue = line.actor().toLowerCase(Locale.ROOT);
                if (!actorOf.containsKey(cue)) {
                    Map.Entry<String, Path> photo = byKey.get(cue);
                    if (photo == null && byKey.size() == 1 && characters.size() <= 1) {
                        photo = byKey.values().iterator().next(); // a one-actor script may use any single photo
                    }
                    if (photo == null) {
                        String who = line.actor().equals(UNNAMED) ? "a line without a character cue"
                                : "character " + line.actor();
                        throw new ScriptException(se.line(), se.column(), line.actor(), "no photo for " + who
                                + ". Known actors: " + known);
                    }
                    actorOf.put(cue, photo.getKey());
                    b.actor(photo.getKey(), photo.getValue());
                }
                try {
                    b.add(line.withActor(actorOf.get(cue)));
                } catch (InvalidSceneException e) {
                    throw new ScriptException(se.line(), se.column(), "", e.getMessage());
                }
            } else if (se.element() instanceof SoundCue sound) {
                b.add(sound.resolveAgainst(folder)); // [music: theme.mp3] is relative to the script's folder
            } else {
                b.add(se.element());
            }
        }
        try {
            return b.build();
        } catch (InvalidSceneException e) {
            throw new ScriptException(1, 1, "", e.getMessage());
        }
    }
}
