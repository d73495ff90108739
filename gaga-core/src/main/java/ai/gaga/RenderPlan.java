package ai.gaga;

import ai.gaga.direction.DirectedLine;
import ai.gaga.direction.DirectedScript;
import ai.gaga.render.CastMember;
import ai.gaga.render.FaceArea;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Scene;
import ai.gaga.scene.Voice;
import ai.gaga.timeline.PlanJson;
import ai.gaga.timeline.Timeline;
import ai.gaga.voice.Utterance;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Everything a render will do, decided before a frame is drawn: the cast (each actor's photo and face), the directed
 * lines (language, voice, emotion arc, delivery: read once), each line's speech (phones, words, mouth shapes), the
 * timeline of lines and cues, the shots and grades at the output frame rate, and the video format. Made by
 * {@link Gaga#plan(Scene)}; {@link Gaga#render(RenderPlan, Path, RenderOptions)} draws, mixes and encodes exactly this
 * plan ({@link #frameCount()} frames) without directing or placing anything again. Immutable and thread-safe; print it
 * with {@link #toJson()} (what {@code gaga analyze} prints).
 *
 * <p>Lines an engine could time without speaking them (MaryTTS) are held as timing only and spoken once, by the
 * render; lines already spoken while planning are not spoken again.
 */
public final class RenderPlan {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Scene scene;
    private final DirectedScript direction;
    private final List<CastMember> cast;
    private final List<Utterance> utterances;
    private final BitSet timedOnly;
    private final Timeline timeline;
    private final VideoFormat format;
    private final List<String> warnings;

    RenderPlan(Scene scene, DirectedScript direction, List<CastMember> cast, List<Utterance> utterances,
               BitSet timedOnly, Timeline timeline, VideoFormat format, List<String> warnings) {
        this.scene = Objects.requireNonNull(scene, "scene");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.cast = List.copyOf(cast);
        this.utterances = List.copyOf(utterances);
        this.timedOnly = (BitSet) timedOnly.clone();
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.format = Objects.requireNonNull(format, "format");
        this.warnings = List.copyOf(warnings);
        if (direction.lines().size() != scene.lines().size() || utterances.size() != scene.lines().size()) {
            throw new IllegalArgumentException("The plan has " + scene.lines().size() + " lines, "
                    + direction.lines().size() + " directed and " + utterances.size() + " spoken");
        }
    }

    /** The scene as directed: the script's lines with the emotions and deliveries it left open filled in. */
    public Scene scene() {
        return scene;
    }

    /** Each line's direction: language, voice, emotion with its arc, delivery, and where each came from. */
    public DirectedScript direction() {
        return direction;
    }

    /** Each actor's photo and face, in the scene's actor order. */
    public List<CastMember> cast() {
        return cast;
    }

    /** The voice that speaks line {@code index} (of {@link Scene#lines()}). */
    public Voice voice(int index) {
        return direction.lines().get(index).voice();
    }

    /**
     * Each line's speech, in {@link Scene#lines()} order. A line the plan holds as timing only
     * ({@link #isTimingOnly(int)}) has the render's exact length, phones, words and mouth shapes, but silent audio.
     */
    public List<Utterance> utterances() {
        return utterances;
    }

    /** Whether line {@code index} is timed but not yet spoken (the render speaks it, once). */
    public boolean isTimingOnly(int index) {
        return timedOnly.get(index);
    }

    /** Whether every line's audio is here (a render will speak nothing). */
    public boolean isVoiced() {
        return timedOnly.isEmpty();
    }

    /** Lines, pauses and cues in time, with the shots and grades at {@link #format()}'s frame rate. */
    public Timeline timeline() {
        return timeline;
    }

    /** Frame size, rate and count of the clip. */
    public VideoFormat format() {
        return format;
    }

    /** Frames the render will write. */
    public int frameCount() {
        return format.frameCount();
    }

    /** Clip length in seconds (the timeline's). */
    public double durationSeconds() {
        return timeline.durationSeconds();
    }

    /**
     * What the planning noticed and the user should know, in their words: photo problems, which face of a group photo
     * plays whom, neutralised expressions, tags that do nothing, text that cannot be spoken. Never null.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** This plan with line {@code index} spoken: {@code spoken} replaces the timing-only utterance. */
    RenderPlan withSpeech(int index, Utterance spoken) {
        List<Utterance> next = new ArrayList<>(utterances);
        next.set(index, spoken);
        BitSet left = (BitSet) timedOnly.clone();
        left.clear(index);
        // the timeline's entries hold the utterances too: swap the same line's entry
        return new RenderPlan(scene, direction, cast, next, left, timeline.withUtterance(scene.lines().get(index),
                spoken), format, warnings);
    }

    /**
     * The plan as a JSON tree: {@code scene} (settings and actors), {@code cast} (photo size and faces per actor),
     * {@code lines}, {@code timeline} (entries with mouth shapes and words, cues, shots with grades), {@code format},
     * {@code direction} and {@code warnings}.
     */
    public ObjectNode toJsonTree() {
        ObjectNode root = PlanJson.tree(scene, timeline, i -> direction.lines().get(i).language());
        ArrayNode castNode = root.putArray("cast");
        for (CastMember m : cast) {
            ObjectNode n = castNode.addObject();
            n.put("actor", m.actor()).put("photo", m.photo().toString()).put("photoWidth", m.photoWidth())
                    .put("photoHeight", m.photoHeight()).put("faceIndex", m.faceIndex());
            ArrayNode faces = n.putArray("faces");
            for (FaceArea f : m.faces()) {
                faces.addObject().put("x", round(f.x())).put("y", round(f.y())).put("width", round(f.width()))
                        .put("height", round(f.height()));
            }
            ArrayNode w = n.putArray("warnings");
            m.warnings().forEach(w::add);
        }
        ArrayNode voices = root.putArray("voices");
        for (DirectedLine d : direction.lines()) {
            Voice v = d.voice();
            ObjectNode n = voices.addObject().put("line", d.index()).put("language", v.language());
            v.engineId().ifPresent(e -> n.put("engine", e));
            v.voiceName().ifPresent(name -> n.put("name", name));
        }
        root.putObject("format").put("width", format.width()).put("height", format.height())
                .put("fps", format.fps()).put("frameCount", format.frameCount());
        root.set("direction", direction.toJsonTree());
        ArrayNode w = root.putArray("warnings");
        warnings.forEach(w::add);
        return root;
    }

    /** The plan as indented JSON text (see {@link #toJsonTree()}). */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(toJsonTree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the plan as JSON", e); // a tree of plain nodes always writes
        }
    }

    /**
     * A fingerprint of what the clip will be: SHA-256 (hex) of this plan's JSON and of the bytes of every photo and
     * recording it uses. The same scene, photos and seed give the same hash on any machine; a changed word, photo,
     * setting or engine gives another. Batch jobs store it beside an output to skip work already done.
     *
     * @throws InvalidSceneException when a photo or recording can no longer be read
     */
    public String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ObjectNode tree = toJsonTree();
            // where the files lie is not what the clip is: their bytes are hashed below instead
            tree.remove("cast");
            tree.withArray("/scene/actors").forEach(a -> ((ObjectNode) a).remove("photo"));
            sha.update(tree.toString().getBytes(StandardCharsets.UTF_8));
            TreeSet<Path> files = new TreeSet<>();
            cast.forEach(m -> files.add(m.photo()));
            scene.lines().forEach(l -> l.recorded().ifPresent(files::add));
            for (Path file : files) {
                sha.update(fileDigest(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] fileDigest(Path file) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new InvalidSceneException("Cannot read " + file + " to fingerprint the plan: " + e.getMessage());
        }
        return sha.digest();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @Override
    public String toString() {
        return "RenderPlan[" + scene.lines().size() + " lines, " + cast.size() + " actors, "
                + String.format(java.util.Locale.ROOT, "%.2f s", durationSeconds()) + ", " + format.width() + "x"
                + format.height() + "@" + format.fps() + ", " + frameCount() + " frames, "
                + timeline.shots().size() + " shots" + (warnings.isEmpty() ? "" : ", " + warnings.size()
                + " warnings") + "]";
    }
}
