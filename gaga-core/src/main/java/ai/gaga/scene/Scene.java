package ai.gaga.scene;

import ai.gaga.InvalidSceneException;
import ai.gaga.script.ScriptFiles;
import ai.gaga.script.ScriptParser;
import ai.gaga.script.ScriptWriter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything needed to render one clip: actors (one photo each), their lines and pauses in order, and the output
 * settings. Immutable and thread-safe; build one with {@link #builder()}.
 *
 * <pre>{@code
 * Scene scene = Scene.builder()
 *     .actor("maya", Path.of("maya.jpg")).voice(Voice.of("en-US"))
 *     .says("I have to go.").emotion(Emotion.SADNESS, 0.7).delivery(Delivery.WHISPER)
 *     .pause(Duration.ofMillis(600))
 *     .says("Goodbye.")
 *     .build();
 * }</pre>
 */
public final class Scene {
    /** Default and hard ceiling of a clip's length as the product promises it. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofSeconds(60);
    /** Frame rates the encoder accepts. */
    public static final Set<Integer> SUPPORTED_FPS = Set.of(24, 25, 30);

    private final List<Actor> actors;
    private final List<SceneElement> elements;
    private final Resolution resolution;
    private final int fps;
    private final long seed;
    private final Duration maxDuration;
    private final boolean allowNoFace;
    private final List<String> scriptNotes;

    private Scene(Builder b) {
        this.actors = List.copyOf(b.actors.values());
        this.elements = List.copyOf(b.elements);
        this.resolution = b.resolution;
        this.fps = b.fps;
        this.seed = b.seed;
        this.maxDuration = b.maxDuration;
        this.allowNoFace = b.allowNoFace;
        this.scriptNotes = List.copyOf(b.scriptNotes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The same scene (actors with their voices, faces and every other setting kept) with its lines replaced, in
     * order, by {@code newLines}; pauses and cues stay where they are. Returns this scene when nothing changes.
     *
     * @throws IllegalArgumentException when the number of lines differs
     */
    public Scene withLines(List<Line> newLines) {
        List<Line> old = lines();
        if (newLines.size() != old.size()) {
            throw new IllegalArgumentException("The scene has " + old.size() + " lines, got " + newLines.size());
        }
        if (newLines.equals(old)) {
            return this;
        }
        Builder b = toBuilder();
        b.elements.clear();
        int n = 0;
        for (SceneElement e : elements) {
            b.elements.add(e instanceof Line ? newLines.get(n++) : e);
        }
        return b.build();
    }

    /** A builder pre-filled with this scene, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        actors.forEach(a -> b.actors.put(key(a.name()), a));
        b.elements.addAll(elements);
        b.resolution = resolution;
        b.fps = fps;
        b.seed = seed;
        b.maxDuration = maxDuration;
        b.allowNoFace = allowNoFace;
        b.scriptNotes.addAll(scriptNotes);
        List<Line> spoken = lines();
        b.currentActor = key(spoken.isEmpty() ? actors.get(actors.size() - 1).name()
                : spoken.get(spoken.size() - 1).actor());
        return b;
    }

    public List<Actor> actors() {
        return actors;
    }

    /**
     * What the script this scene was read from holds that was not used as written, in the user's words with the
     * script's line and column (words not understood in a parenthetical, an intensity out of range): they reach the
     * plan's warnings. Empty for a scene built in code. Not part of {@link #equals}: they change nothing rendered.
     */
    public List<String> scriptNotes() {
        return scriptNotes;
    }

    /**
     * Parses a script in the Fountain-lite syntax (see {@link ScriptParser}) into a scene with default settings.
     *
     * @param text   the script
     * @param photos one photo per character cue, names case-insensitive; a one-actor script may use any single photo
     * @throws ai.gaga.ScriptException with line and column when the script cannot be read
     */
    public static Scene parse(String text, Map<String, Path> photos) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(photos, "photos");
        return new ScriptParser().parse(text).toScene(photos);
    }

    /**
     * Parses a UTF-8 script file (with or without BOM, any line endings).
     *
     * @throws ai.gaga.ScriptException        naming the file, with line and column
     * @throws ai.gaga.InvalidSceneException the file is missing or cannot be read
     */
    public static Scene parse(Path file, Map<String, Path> photos) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(photos, "photos");
        return ScriptFiles.parse(file).toScene(photos, file);
    }

    /**
     * This scene's lines, pauses and cues as script text, for reading or editing. What a script cannot say is not
     * written: the actors' photos, voices, face picks and rests, the output settings (resolution, fps, seed,
     * maxDuration, allowNoFace) and recorded lines (written as spoken ones). Text that reads as script markup is
     * read back as markup: {@code [words]} as a tag, a leading {@code (words)} as direction, a line break followed
     * by a name in capitals as a new cue. Parsed with the same photos, a scene built from plain sentences and cues
     * reads back with the same lines and cues.
     */
    public String toScriptText() {
        return new ScriptWriter().write(this);
    }

    /** Lines, pauses and cues in the order they are performed. */
    public List<SceneElement> elements() {
        return elements;
    }

    /** Only the spoken lines, in order. */
    public List<Line> lines() {
        return elements.stream().filter(Line.class::isInstance).map(Line.class::cast).toList();
    }

    /** Only the cues (headings, music, camera, actions…), in order. */
    public List<Cue> cues() {
        return elements.stream().filter(Cue.class::isInstance).map(Cue.class::cast).toList();
    }

    public Optional<Actor> actor(String name) {
        return actors.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    public Resolution resolution() {
        return resolution;
    }

    public int fps() {
        return fps;
    }

    /** Seed of every random choice (blinks, micro-motion, music): same scene, same frames. */
    public long seed() {
        return seed;
    }

    public Duration maxDuration() {
        return maxDuration;
    }

    /** Whether a photo without a detectable face is accepted (framed as a whole instead of around the face). */
    public boolean allowNoFace() {
        return allowNoFace;
    }

    /** Total of all explicit pauses. */
    public Duration totalPauses() {
        return elements.stream().filter(Pause.class::isInstance).map(e -> ((Pause) e).duration())
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Scenes are equal when everything that shapes the render is equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Scene s && actors.equals(s.actors) && elements.equals(s.elements)
                && resolution.equals(s.resolution) && fps == s.fps && seed == s.seed
                && maxDuration.equals(s.maxDuration) && allowNoFace == s.allowNoFace;
    }

    @Override
    public int hashCode() {
        return Objects.hash(actors, elements, resolution, fps, seed, maxDuration, allowNoFace);
    }

    @Override
    public String toString() {
        return "Scene[" + actors.size() + " actor(s), " + lines().size() + " line(s), " + resolution + "@" + fps
                + "fps, seed=" + seed + "]";
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Fluent scene builder. {@code actor(...)} selects (or adds) the actor that the following {@code says(...)} lines
     * belong to; {@code emotion(...)} and {@code delivery(...)} shape the line just added. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Actor> actors = new LinkedHashMap<>();
        private final List<SceneElement> elements = new ArrayList<>();
        private String currentActor;
        private Resolution resolution = Resolution.FULL_HD;
        private int fps = 25;
        private long seed = 42;
        private Duration maxDuration = DEFAULT_MAX_DURATION;
        private boolean allowNoFace;
        private final List<String> scriptNotes = new ArrayList<>();

        private Builder() {
        }

        /** Adds an actor named after the photo file (or selects it if already added). */
        public Builder actor(Path photo) {
            Objects.requireNonNull(photo, "photo");
            String file = photo.getFileName() == null ? "actor" : photo.getFileName().toString();
            int dot = file.lastIndexOf('.');
            return actor(dot > 0 ? file.substring(0, dot) : file, photo);
        }

        /** Adds an actor, or replaces the photo of an actor with this name, and makes it the current speaker. */
        public Builder actor(String name, Path photo) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(photo, "photo");
            Actor existing = actors.get(key(name));
            Voice voice = existing == null ? Voice.DEFAULT : existing.voice();
            Rest rest = existing == null ? Rest.NEUTRAL : existing.rest();
            actors.put(key(name), new Actor(name.trim(), photo, voice, FacePick.LARGEST, rest));
            currentActor = key(name);
            return this;
        }

        /** Makes an actor added earlier the current speaker. */
        public Builder actor(String name) {
            Objects.requireNonNull(name, "name");
            if (!actors.containsKey(key(name))) {
                throw new InvalidSceneException("Unknown actor '" + name + "'. Known actors: " + knownActors()
                        + ". Add it with actor(name, photo) first.");
            }
            currentActor = key(name);
            return this;
        }

        /** Sets the voice of the current actor. */
        public Builder voice(Voice voice) {
            Objects.requireNonNull(voice, "voice");
            Actor a = requireCurrentActor("voice(...)");
            actors.put(currentActor, new Actor(a.name(), a.photo(), voice, a.face(), a.rest()));
            return this;
        }

        /**
         * Which face of the current actor's photo plays them, when the photo shows several (a group photo can give
         * several actors): {@code face(FacePick.index(1))} is the second face from the left.
         */
        public Builder face(FacePick face) {
            Objects.requireNonNull(face, "face");
            Actor a = requireCurrentActor("face(...)");
            actors.put(currentActor, new Actor(a.name(), a.photo(), a.voice(), face, a.rest()));
            return this;
        }

        /**
         * The face the current actor acts from: {@link Rest#NEUTRAL} (the default) relaxes the photo's expression
         * first (an open mouth closed, a grin relaxed, brows let down), {@link Rest#AS_PHOTOGRAPHED} keeps it.
         */
        public Builder rest(Rest rest) {
            Objects.requireNonNull(rest, "rest");
            Actor a = requireCurrentActor("rest(...)");
            actors.put(currentActor, a.withRest(rest));
            return this;
        }

        /** The current actor says a line (neutral, normal delivery until shaped by emotion/delivery). */
        public Builder says(String text) {
            Objects.requireNonNull(text, "text");
            Actor a = requireCurrentActor("says(\"" + abbreviate(text) + "\")");
            if (text.isBlank()) {
                throw new InvalidSceneException("Line " + (lineCount() + 1) + " of actor '" + a.name()
                        + "' is empty: says(...) needs text to speak (use pause(...) for silence)");
            }
            requireWords(text, a.name());
            elements.add(Line.of(a.name(), text.strip()));
            return this;
        }

        /** Emotion of the line just added, intensity 0..1. */
        public Builder emotion(Emotion emotion, double intensity) {
            Objects.requireNonNull(emotion, "emotion");
            if (!(intensity >= 0 && intensity <= 1)) {
                throw new InvalidSceneException("Emotion intensity must be within 0..1, got " + intensity);
            }
            int i = lastLineIndex("emotion(" + emotion + ")");
            elements.set(i, ((Line) elements.get(i)).withEmotion(emotion, intensity));
            return this;
        }

        /** Emotion of the line just added at intensity 0.7. */
        public Builder emotion(Emotion emotion) {
            return emotion(emotion, 0.7);
        }

        /** Delivery of the line just added. */
        public Builder delivery(Delivery delivery) {
            Objects.requireNonNull(delivery, "delivery");
            int i = lastLineIndex("delivery(" + delivery + ")");
            elements.set(i, ((Line) elements.get(i)).withDelivery(delivery));
            return this;
        }

        /** Silence before the next line. */
        public Builder pause(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidSceneException("pause(...) must be positive, got " + duration);
            }
            requireAtMostADay("pause(" + duration + ")", duration);
            elements.add(new Pause(duration));
            return this;
        }

        /** The line just added overlaps the previous line, starting together with it (script: {@code NAME ^}). */
        public Builder overlapsPrevious() {
            return overlapsPrevious(Duration.ZERO);
        }

        /** The line just added starts {@code offset} after the previous line starts (script: {@code ^ [at +x]}). */
        public Builder overlapsPrevious(Duration offset) {
            return start(LineStart.Kind.OVERLAP, offset, "overlapsPrevious(" + offset + ")");
        }

        /** The line just added starts at this time from the clip start (script: {@code [at 12.5s]}). */
        public Builder at(Duration time) {
            return start(LineStart.Kind.AT, time, "at(" + time + ")");
        }

        /** The line just added starts {@code gap} after the previous line ends (script: {@code [at +0.3s]}). */
        public Builder after(Duration gap) {
            return start(LineStart.Kind.AFTER, gap, "after(" + gap + ")");
        }

        private Builder start(LineStart.Kind kind, Duration offset, String call) {
            Objects.requireNonNull(offset, "offset");
            if (offset.isNegative()) {
                throw new InvalidSceneException(call + ": times cannot be negative");
            }
            requireAtMostADay(call, offset);
            int i = lastLineIndex(call);
            elements.set(i, ((Line) elements.get(i)).withStart(new LineStart(kind, offset)));
            return this;
        }

        /**
         * The current actor's line from the user's own recording (any format FFmpeg reads): it is played as it is and
         * the face lip-syncs to its sound. No subtitles without a transcript: see {@link #says(Path, String)}.
         */
        public Builder says(Path recording) {
            return says(recording, "");
        }

        /**
         * The current actor's line from a recording, with its transcript for subtitles and for the emotion analyser.
         * The file is checked when the scene is rendered.
         */
        public Builder says(Path recording, String transcript) {
            Objects.requireNonNull(recording, "recording");
            Actor a = requireCurrentActor("says(" + recording.getFileName() + ")");
            elements.add(Line.recorded(a.name(), recording, transcript));
            return this;
        }

        /** A sigh at the current end of the line just added (script: {@code [sighs]}). */
        public Builder sighs() {
            return beat(Beat.Kind.SIGH, "sighs()");
        }

        /** A laugh at the current end of the line just added (script: {@code [laughs]}). */
        public Builder laughs() {
            return beat(Beat.Kind.LAUGH, "laughs()");
        }

        private Builder beat(Beat.Kind kind, String call) {
            int i = lastLineIndex(call);
            Line line = (Line) elements.get(i);
            List<Beat> beats = new ArrayList<>(line.beats());
            beats.add(Beat.of(line.text().length(), kind));
            elements.set(i, line.withText(line.text(), beats, line.markup()));
            return this;
        }

        /**
         * The line just added goes on with more words (after a space). Pauses added since that line become pauses
         * inside it: {@code says("Je dois partir.").pause(ofMillis(600)).continues("Adieu.")}.
         */
        public Builder continues(String moreText) {
            Objects.requireNonNull(moreText, "moreText");
            if (moreText.isBlank()) {
                throw new InvalidSceneException("continues(...) needs text to speak");
            }
            int i = elements.size() - 1;
            while (i >= 0 && elements.get(i) instanceof Pause) {
                i--;
            }
            if (i < 0 || !(elements.get(i) instanceof Line line)) {
                throw new InvalidSceneException("continues(\"" + abbreviate(moreText)
                        + "\") goes on with the line just added: call says(text) before it");
            }
            List<Beat> beats = new ArrayList<>(line.beats());
            String text = line.text() + " ";
            for (SceneElement e : elements.subList(i + 1, elements.size())) {
                beats.add(Beat.pause(text.length(), ((Pause) e).duration()));
            }
            elements.subList(i + 1, elements.size()).clear();
            String more = moreText.strip();
            String markup = line.hasMarkup() ? line.markup() + " " + more : "";
            elements.set(i, line.withText(text + more, beats, markup));
            return this;
        }

        /** A scene heading from here on, e.g. {@code INT. TRAIN STATION - NIGHT}. */
        public Builder heading(String heading) {
            return add(new SceneHeading(heading));
        }

        /** Music from here on, in words: {@code music("melancholic piano")}. */
        public Builder music(String description) {
            return add(new SoundCue(SoundCue.Kind.MUSIC, description));
        }

        /**
         * The user's own music from here on (any format FFmpeg reads), looped with a crossfade or trimmed with a
         * fade to fit the scene.
         */
        public Builder music(Path file) {
            return add(SoundCue.file(SoundCue.Kind.MUSIC, file));
        }

        /** Ambience from here on: {@code ambience("rain")}. */
        public Builder ambience(String description) {
            return add(new SoundCue(SoundCue.Kind.AMBIENCE, description));
        }

        /** A sound effect here: {@code sfx("door")}. */
        public Builder sfx(String description) {
            return add(new SoundCue(SoundCue.Kind.SFX, description));
        }

        /** The user's own sound effect file, played once here. */
        public Builder sfx(Path file) {
            return add(SoundCue.file(SoundCue.Kind.SFX, file));
        }

        /** A shot or camera move from here on. */
        public Builder camera(Camera camera) {
            return add(new CameraCue(camera));
        }

        /** A stage direction here: {@code action("MAYA looks away")}. */
        public Builder action(String direction) {
            return add(new ActionCue(direction));
        }

        /** A hard cut here. */
        public Builder cut() {
            return add(TransitionCue.CUT);
        }

        /**
         * Adds any element: a {@link Cue}, a {@link Pause}, or a complete {@link Line} whose actor was added
         * before (it becomes the current speaker).
         */
        public Builder add(SceneElement element) {
            Objects.requireNonNull(element, "element");
            if (element instanceof Line line) {
                actor(line.actor());
                if (line.text().isBlank() && line.recorded().isEmpty()) {
                    throw new InvalidSceneException("Line " + (lineCount() + 1) + " of actor '" + line.actor()
                            + "' is empty: a line needs text to speak (use pause(...) for silence)");
                }
                if (line.recorded().isEmpty()) {
                    requireWords(line.text(), line.actor());
                }
                element = line.withActor(actors.get(currentActor).name());
            }
            elements.add(element);
            return this;
        }

        /** A spoken line needs a letter or digit: punctuation and emoji alone give a voice nothing to say. */
        private void requireWords(String text, String actor) {
            if (!text.isBlank() && text.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw new InvalidSceneException("Line " + (lineCount() + 1) + " of actor '" + actor
                        + "' has nothing to speak ('" + abbreviate(text.strip()) + "'): write words, or use a pause"
                        + " (pause(...), [pause 1s]) for silence");
            }
        }

        public Builder resolution(Resolution resolution) {
            this.resolution = Objects.requireNonNull(resolution, "resolution");
            return this;
        }

        /** Frames per second: 24, 25 (default) or 30. */
        public Builder fps(int fps) {
            if (!SUPPORTED_FPS.contains(fps)) {
                throw new InvalidSceneException("fps must be one of 24, 25, 30; got " + fps);
            }
            this.fps = fps;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Longest clip allowed (default 60 s); a longer scene fails with {@link ai.gaga.SceneTooLongException}. */
        public Builder maxDuration(Duration maxDuration) {
            Objects.requireNonNull(maxDuration, "maxDuration");
            if (maxDuration.isNegative() || maxDuration.isZero()) {
                throw new InvalidSceneException("maxDuration must be positive, got " + maxDuration);
            }
            requireAtMostADay("maxDuration(" + maxDuration + ")", maxDuration);
            this.maxDuration = maxDuration;
            return this;
        }

        /** Accept photos in which no face is found (the photo is framed as a whole). Off by default. */
        public Builder allowNoFace(boolean allow) {
            this.allowNoFace = allow;
            return this;
        }

        /**
         * Times in a scene are at most a day (a clip is at most {@code maxDuration}, itself at most a day): longer ones
         * are a mistake, and the sums and conversions of times planned from them would overflow (seen:
         * {@code pause(Duration.ofSeconds(Long.MAX_VALUE))} threw an ArithmeticException from build()).
         */
        private static void requireAtMostADay(String call, Duration d) {
            if (d.compareTo(Duration.ofDays(1)) > 0) {
                throw new InvalidSceneException(call + ": at most a day (86400 s) is accepted");
            }
        }

        /**
         * A note on the script this scene is read from (see {@link Scene#scriptNotes()}); for the script parser.
         */
        public Builder scriptNote(String note) {
            scriptNotes.add(Objects.requireNonNull(note, "note"));
            return this;
        }

        /** Validates and freezes the scene. Fails naming every missing part. */
        public Scene build() {
            List<String> problems = new ArrayList<>();
            if (actors.isEmpty()) {
                problems.add("no actor: add one with actor(name, photo)");
            }
            if (elements.stream().noneMatch(Line.class::isInstance)) {
                problems.add("no line: add one with says(text)");
            }
            if (totalPause().compareTo(maxDuration) > 0) {
                problems.add("pauses alone (" + totalPause().toMillis() + " ms) exceed maxDuration ("
                        + maxDuration.toMillis() + " ms)");
            }
            problems.addAll(startProblems(elements, maxDuration));
            if (!problems.isEmpty()) {
                throw new InvalidSceneException("Scene is incomplete: " + String.join("; ", problems));
            }
            return new Scene(this);
        }

        /** Start times that cannot be planned whatever the voices: overlap with nothing, start after the limit. */
        private static List<String> startProblems(List<SceneElement> elements, Duration maxDuration) {
            List<String> problems = new ArrayList<>();
            int n = 0;
            for (SceneElement e : elements) {
                if (e instanceof Line line) {
                    n++;
                    LineStart s = line.start();
                    if (n == 1 && s.kind() == LineStart.Kind.OVERLAP) {
                        problems.add("line 1 (\"" + abbreviate(line.text())
                                + "\") overlaps the previous line, but there is none");
                    }
                    if (s.kind() != LineStart.Kind.SEQUENTIAL && s.offset().compareTo(maxDuration) >= 0) {
                        problems.add(String.format(Locale.ROOT, "line %d (\"%s\") is set to start %.2f s %s, "
                                        + "beyond the %.2f s maxDuration", n, abbreviate(line.text()),
                                s.offset().toNanos() / 1e9, s.kind() == LineStart.Kind.AT ? "into the clip"
                                        : "after the previous line", maxDuration.toNanos() / 1e9));
                    }
                }
            }
            return problems;
        }

        private Duration totalPause() {
            return elements.stream().filter(Pause.class::isInstance).map(e -> ((Pause) e).duration())
                    .reduce(Duration.ZERO, Duration::plus);
        }

        private Actor requireCurrentActor(String call) {
            if (currentActor == null) {
                throw new InvalidSceneException(call + " needs an actor: call actor(name, photo) first");
            }
            return actors.get(currentActor);
        }

        private int lastLineIndex(String call) {
            if (elements.isEmpty() || !(elements.get(elements.size() - 1) instanceof Line)) {
                throw new InvalidSceneException(call + " shapes the line just added: call says(text) before it");
            }
            return elements.size() - 1;
        }

        private long lineCount() {
            return elements.stream().filter(Line.class::isInstance).count();
        }

        private String knownActors() {
            return actors.isEmpty() ? "none" : String.join(", ", actors.values().stream().map(Actor::name).toList());
        }

        private static String abbreviate(String s) {
            return s.length() <= 30 ? s : s.substring(0, 27) + "...";
        }
    }
}
