package ai.gaga.scene;

import ai.gaga.InvalidSceneException;

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

    private Scene(Builder b) {
        this.actors = List.copyOf(b.actors.values());
        this.elements = List.copyOf(b.elements);
        this.resolution = b.resolution;
        this.fps = b.fps;
        this.seed = b.seed;
        this.maxDuration = b.maxDuration;
        this.allowNoFace = b.allowNoFace;
    }

    public static Builder builder() {
        return new Builder();
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
        List<Line> spoken = lines();
        b.currentActor = key(spoken.isEmpty() ? actors.get(actors.size() - 1).name()
                : spoken.get(spoken.size() - 1).actor());
        return b;
    }

    public List<Actor> actors() {
        return actors;
    }

    /** Lines and pauses in the order they are performed. */
    public List<SceneElement> elements() {
        return elements;
    }

    /** Only the spoken lines, in order. */
    public List<Line> lines() {
        return elements.stream().filter(Line.class::isInstance).map(Line.class::cast).toList();
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
            actors.put(key(name), new Actor(name.trim(), photo, voice));
            currentActor = key(name);
            return this;
        }

        /** Makes an actor added earlier the current speaker. */
        public Builder actor(String name) {
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
            actors.put(currentActor, new Actor(a.name(), a.photo(), voice));
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
            elements.add(new Pause(duration));
            return this;
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
            this.maxDuration = maxDuration;
            return this;
        }

        /** Accept photos in which no face is found (the photo is framed as a whole). Off by default. */
        public Builder allowNoFace(boolean allow) {
            this.allowNoFace = allow;
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
            if (!problems.isEmpty()) {
                throw new InvalidSceneException("Scene is incomplete: " + String.join("; ", problems));
            }
            return new Scene(this);
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
