package ai.gaga.studio;

import ai.gaga.InvalidSceneException;
import ai.gaga.ScriptException;
import ai.gaga.scene.Actor;
import ai.gaga.scene.FacePick;
import ai.gaga.scene.Line;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneElement;
import ai.gaga.scene.SoundCue;
import ai.gaga.script.Script;
import ai.gaga.script.ScriptElement;
import ai.gaga.script.ScriptParser;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The body of {@code POST /api/plan} and {@code POST /api/renders} turned into a scene:
 * {@code {script, actors: {NAME: photoId | {photo, face}}, options: {resolution, fps, seed, music, allowNoFace},
 * preview}}. Every problem is an {@link ApiError} 400 that names the field (or the script's line and column).
 */
record SceneRequest(Scene scene, List<Integer> sourceLines, String key) {
    /** Longest script accepted, characters (a 60 s clip needs far less). */
    static final int MAX_SCRIPT = 20_000;
    /** The preview's frame size. */
    static final Resolution PREVIEW = new Resolution(640, 360);

    /**
     * Reads a request body.
     *
     * @param photos the file of a known photo id, or null when the id is unknown
     */
    static SceneRequest read(JsonNode body, boolean forRender, Function<String, Path> photos) {
        if (body == null || !body.isObject()) {
            throw new ApiError(400, "The body must be a JSON object: {\"script\": \"...\", \"actors\": {\"NAME\": "
                    + "\"photo id\"}, \"options\": {...}}");
        }
        JsonNode scriptNode = body.get("script");
        if (scriptNode == null || !scriptNode.isTextual() || scriptNode.asText().isBlank()) {
            throw new ApiError(400, "\"script\" is missing or empty: write at least one line of dialogue");
        }
        String text = scriptNode.asText();
        if (text.length() > MAX_SCRIPT) {
            throw new ApiError(400, "\"script\" is " + text.length() + " characters long; at most " + MAX_SCRIPT
                    + " are accepted");
        }
        Map<String, Path> actorPhotos = new LinkedHashMap<>();
        Map<String, Integer> faces = new HashMap<>();
        JsonNode actors = body.get("actors");
        if (actors == null || !actors.isObject() || actors.isEmpty()) {
            throw new ApiError(400, "\"actors\" is missing: upload a photo (POST /api/photos) and name its actor, "
                    + "e.g. \"actors\": {\"MAYA\": \"<photo id>\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = actors.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey().strip();
            if (name.isEmpty() || name.length() > 60) {
                throw new ApiError(400, "Actor names must be 1 to 60 characters, got \"" + e.getKey() + "\"");
            }
            JsonNode v = e.getValue();
            String photoId;
            if (v.isTextual()) {
                photoId = v.asText();
            } else if (v.isObject() && v.path("photo").isTextual()) {
                photoId = v.get("photo").asText();
                JsonNode face = v.get("face");
                if (face != null && !face.isNull()) {
                    if (!face.canConvertToInt() || face.asInt() < 0) {
                        throw new ApiError(400, "actors." + name + ".face must be a face index (0 = leftmost face)");
                    }
                    faces.put(name.toLowerCase(Locale.ROOT), face.asInt());
                }
            } else {
                throw new ApiError(400, "actors." + name + " must be a photo id or {\"photo\": id, \"face\": index}");
            }
            Path file = Ids.wellFormed(photoId) ? photos.apply(photoId) : null;
            if (file == null) {
                throw new ApiError(400, "actors." + name + ": unknown photo id \"" + abbreviate(photoId)
                        + "\"; upload the photo first (POST /api/photos) and use the id it returns");
            }
            actorPhotos.put(name, file);
        }

        JsonNode options = body.path("options");
        Script script;
        Scene parsed;
        try {
            script = new ScriptParser().parse(text);
            parsed = script.toScene(actorPhotos);
        } catch (ScriptException e) {
            throw scriptError(e);
        } catch (InvalidSceneException e) {
            throw new ApiError(400, e.getMessage());
        }
        List<Integer> sourceLines = new ArrayList<>();
        for (ScriptElement se : script.elements()) {
            // No client-supplied path is ever opened: music and recordings named in a script are refused.
            if (se.element() instanceof SoundCue s && s.file().isPresent()) {
                throw new ApiError(400, "Line " + se.line() + ": the studio does not play files named in a script ("
                        + abbreviate(s.description()) + "); describe the sound in words, e.g. [music: soft piano]",
                        Map.of("line", se.line(), "column", se.column()));
            }
            if (se.element() instanceof Line l) {
                if (l.recorded().isPresent()) {
                    throw new ApiError(400, "Line " + se.line() + ": recorded lines are not available in the studio",
                            Map.of("line", se.line(), "column", se.column()));
                }
                sourceLines.add(se.line());
            }
        }
        Scene scene;
        try {
            scene = rebuild(parsed, faces, options, forRender && body.path("preview").asBoolean(false));
        } catch (InvalidSceneException e) {
            throw new ApiError(400, e.getMessage());
        }
        String key = text + "\u0000" + actors + "\u0000" + options + "\u0000" + scene.resolution();
        return new SceneRequest(scene, List.copyOf(sourceLines), key);
    }

    private static Scene rebuild(Scene parsed, Map<String, Integer> faces, JsonNode options, boolean preview) {
        Scene.Builder b = Scene.builder();
        for (Actor a : parsed.actors()) {
            b.actor(a.name(), a.photo()).voice(a.voice());
            Integer face = faces.get(a.name().toLowerCase(Locale.ROOT));
            b.face(face == null ? a.face() : FacePick.index(face));
        }
        String music = options.path("music").asText("").strip();
        if (!music.isEmpty()) {
            SoundCue cue = new SoundCue(SoundCue.Kind.MUSIC, music);
            if (cue.file().isPresent()) {
                throw new ApiError(400, "options.music: describe the music in words (e.g. \"soft piano\"); files "
                        + "are not opened");
            }
            b.add(cue);
        }
        for (SceneElement e : parsed.elements()) {
            b.add(e);
        }
        Resolution resolution = parsed.resolution();
        String res = options.path("resolution").asText("").strip();
        if (!res.isEmpty()) {
            try {
                resolution = Resolution.parse(res);
            } catch (RuntimeException e) {
                throw new ApiError(400, "options.resolution: " + e.getMessage());
            }
        }
        if (resolution.width() * (long) resolution.height() > 1920L * 1920) {
            throw new ApiError(400, "options.resolution: at most 1920x1080 (or 1080x1920) in the studio, got "
                    + resolution);
        }
        b.resolution(preview ? PREVIEW : resolution);
        JsonNode fps = options.get("fps");
        if (fps != null && !fps.isNull()) {
            b.fps(fps.asInt());
        }
        JsonNode seed = options.get("seed");
        if (seed != null && !seed.isNull()) {
            if (!seed.canConvertToLong()) {
                throw new ApiError(400, "options.seed must be a whole number");
            }
            b.seed(seed.asLong());
        }
        b.allowNoFace(options.path("allowNoFace").asBoolean(false));
        b.maxDuration(parsed.maxDuration().compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60)
                : parsed.maxDuration());
        return b.build();
    }

    static ApiError scriptError(ScriptException e) {
        return new ApiError(400, "Line " + e.line() + ", column " + e.column() + ": " + e.reason(),
                Map.of("line", e.line(), "column", e.column()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
