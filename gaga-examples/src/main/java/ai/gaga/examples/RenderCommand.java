package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.RenderOptions;
import ai.gaga.InvalidSceneException;
import ai.gaga.RenderResult;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.FacePick;
import ai.gaga.scene.Line;
import ai.gaga.scene.SceneElement;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Rest;
import ai.gaga.scene.Scene;
import ai.gaga.scene.Voice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code gaga render <script-or-text> --actor photo.jpg -o out.mp4}. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a script file or a text to an MP4 clip.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT-OR-TEXT",
            description = "A UTF-8 script file (screenplay or plain text) or the text itself.")
    String script;

    @Option(names = {"-a", "--actor"}, required = true, paramLabel = "[NAME=]PHOTO[#N]",
            description = "An actor's photo, named as in the script: --actor MAYA=maya.jpg (repeat for each actor); "
                    + "PHOTO#N picks the N-th face from the left of a group photo (counting from 1)")
    List<String> actors;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Output MP4 file.")
    Path output;

    @Option(names = {"-r", "--resolution"}, defaultValue = "1920x1080", paramLabel = "WxH|vertical|square",
            description = "Frame size (default: ${DEFAULT-VALUE}).")
    String resolution;

    @Option(names = "--fps", defaultValue = "25", description = "24, 25 or 30 (default: ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--voice", defaultValue = "en-US", paramLabel = "LANG",
            description = "Voice language (default: ${DEFAULT-VALUE}).")
    String voice;

    // No defaults: only what the user gives counts as direction; lines left open are inferred (as analyze does).
    @Option(names = "--emotion", paramLabel = "EMOTION[:INTENSITY]",
            description = "joy, sadness, anger, fear, surprise, disgust, tenderness or neutral, e.g. sadness:0.7 "
                    + "(default: inferred from the words)")
    String emotion;

    @Option(names = "--delivery", paramLabel = "DELIVERY",
            description = "normal, soft, whisper, shout or trembling (default: inferred from the words).")
    String delivery;

    @Option(names = "--rest", defaultValue = "neutral", paramLabel = "neutral|photo",
            description = "The face the actors act from: neutral relaxes the photo's expression first (an open mouth "
                    + "closed, a grin relaxed), photo keeps it as photographed (default: ${DEFAULT-VALUE}).")
    String rest;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice.")
    long seed;

    @Option(names = "--max-duration", defaultValue = "60", paramLabel = "SECONDS",
            description = "Longest clip allowed (default: ${DEFAULT-VALUE}).")
    double maxDuration;

    @Option(names = "--allow-no-face", description = "Accept a photo without a detectable face.")
    boolean allowNoFace;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Option(names = "--stems", description = "Also write the dialogue, music and effects stems as WAV files beside "
            + "the MP4 (NAME.dialogue.wav, NAME.music.wav, NAME.effects.wav).")
    boolean stems;

    @Option(names = "--subtitles", description = "Also write NAME.srt and NAME.vtt beside the MP4.")
    boolean subtitles;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        InputChecks.notTheScript(output, InputChecks.scriptFile(script));
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!quiet && !(name.endsWith(".mp4") || name.endsWith(".m4v") || name.endsWith(".mov"))) {
            // Seen in a user trial: -o clip.webm wrote an MP4 under a name that players open as something else.
            System.err.println("gaga: warning: " + output + " will hold an MP4 clip (H.264 and AAC): name it .mp4 "
                    + "so that players open it");
        }
        return renderAndReport(engine, scene(), output, quiet, RenderOptions.builder().stems(stems)
                .subtitles(subtitles));
    }

    /**
     * Renders with a progress bar (unless quiet) and a clean Ctrl-C, then prints the summary line. The cheap checks
     * (photos, length, output folder) run before the engine starts, so bad input fails in a moment.
     */
    static int renderAndReport(EngineOptions engine, Scene scene, Path output, boolean quiet,
                               RenderOptions.Builder options) {
        InputChecks.photosAndLength(scene);
        InputChecks.output(output);
        try (ShutdownGuard guard = ShutdownGuard.forCurrentThread(); Gaga gaga = engine.build()) {
            RenderResult r = gaga.render(scene, output, options.listener(quiet ? p -> { } : ProgressBar.onStderr())
                    .build());
            if (!quiet) {
                // once each, in the user's words: photo problems, faces picked, unknown tags, words not spoken
                r.warnings().forEach(w -> System.err.println("gaga: warning: " + GagaCli.cliWords(w)));
                System.out.println(summary(r));
                r.sideFiles().forEach(f -> System.out.println("Wrote " + f));
            }
            return 0;
        }
    }

    static String summary(RenderResult r) {
        return String.format(Locale.ROOT, "Wrote %s: %.2f s, %s @ %d fps, %s + %s, %.1f MB, rendered in %.1f s"
                        + " (%s)", r.output(), r.duration().toMillis() / 1000.0, r.resolution(), r.fps(),
                r.videoEncoder(), r.audioCodec(), r.bytes() / 1e6, r.wallTime().toMillis() / 1000.0,
                speed(r.realTimeFactor()));
    }

    /**
     * The real-time factor in words that cannot be read both ways: render time over clip time, and whether that is
     * faster or slower than playing the clip.
     */
    static String speed(double realTimeFactor) {
        String verdict = realTimeFactor < 0.995 ? "faster than real time"
                : realTimeFactor > 1.005 ? "slower than real time" : "about real time";
        return String.format(Locale.ROOT, "%.2fx real time: %s", realTimeFactor, verdict);
    }

    Scene scene() {
        Scene parsed = parseScript(script, actors);
        Emotion e = null;
        double intensity = 0;
        if (emotion != null) {
            String[] em = emotion.split(":", 2);
            e = parseEnum(Emotion.class, em[0], "emotion");
            intensity = em.length > 1 ? intensity(em[1]) : (e == Emotion.NEUTRAL ? 0 : 0.7);
        }
        Delivery d = delivery == null ? null : parseEnum(Delivery.class, delivery, "delivery");
        // --emotion and --delivery, when given, direct the lines the script leaves open; lines the user did not
        // direct (neither here nor in the script) stay open for the analyser, exactly as `gaga analyze` plans them
        Scene.Builder b = Scene.builder();
        Rest r = parseRest(rest);
        parsed.actors().forEach(a -> b.actor(a.name(), a.photo()).voice(Voice.of(voice)).face(a.face()).rest(r));
        for (SceneElement element : parsed.elements()) {
            if (element instanceof Line line) {
                Line shaped = e != null && !line.emotionGiven() ? line.withEmotion(e, intensity) : line;
                b.add(d != null && !line.deliveryGiven() ? shaped.withDelivery(d) : shaped);
            } else {
                b.add(element);
            }
        }
        if (!Scene.SUPPORTED_FPS.contains(fps)) {
            throw new BadFlagException("--fps must be 24, 25 or 30, got " + fps);
        }
        return b.resolution(Resolution.parse(resolution)).fps(fps).seed(seed)
                .maxDuration(seconds(maxDuration)).allowNoFace(allowNoFace).build();
    }

    /** {@code --max-duration} as a duration. */
    static Duration seconds(double maxDuration) {
        if (!(maxDuration > 0) || maxDuration > 24 * 3600) {
            throw new BadFlagException(String.format(Locale.ROOT, "--max-duration must be a number of seconds above 0 "
                    + "and at most 86400 (24 hours), got %s", java.math.BigDecimal.valueOf(maxDuration)
                    .stripTrailingZeros().toPlainString()));
        }
        return Duration.ofMillis(Math.round(maxDuration * 1000));
    }

    private static double intensity(String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadFlagException("--emotion: intensity must be a number from 0 to 1, got '" + text + "'");
    }

    /**
     * Parses a script file or text, with photos given as {@code NAME=photo} or a single bare photo; a photo may end
     * in {@code #N} to pick the N-th face from the left (counting from 1) of a group photo.
     */
    static Scene parseScript(String scriptOrText, List<String> actorOptions) {
        Map<String, Path> photos = new LinkedHashMap<>();
        Map<String, FacePick> faces = new LinkedHashMap<>();
        for (String a : actorOptions) {
            int eq = a.indexOf('=');
            String name;
            String photo;
            if (eq > 0 && !Files.exists(Path.of(a))) {
                name = a.substring(0, eq);
                photo = a.substring(eq + 1);
            } else {
                name = null;
                photo = a;
            }
            int hash = photo.lastIndexOf('#');
            FacePick face = null;
            if (hash >= 0 && !Files.exists(Path.of(photo))) {
                face = facePick(a, photo.substring(hash + 1));
                photo = photo.substring(0, hash);
            }
            Path path = Path.of(photo);
            boolean named = name != null;
            if (name == null) {
                String file = path.getFileName() == null ? photo : path.getFileName().toString();
                name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            }
            if (photos.containsKey(name)) {
                throw new BadFlagException("--actor " + a + ": " + (named ? "the actor '" + name + "' already has a "
                        + "photo (" + photos.get(name) + "); give each actor one --actor" : "another --actor is "
                        + "already called '" + name + "' after its photo; name each actor, e.g. --actor MAYA=" + a));
            }
            photos.put(name, path);
            if (face != null) {
                faces.put(name, face);
            }
        }
        Path file = InputChecks.scriptFile(scriptOrText);
        Scene scene = file != null ? Scene.parse(file, photos) : Scene.parse(scriptOrText, photos);
        if (faces.isEmpty()) {
            return scene;
        }
        Scene.Builder b = scene.toBuilder();
        faces.forEach((name, pick) -> {
            if (scene.actor(name).isPresent()) {
                b.actor(name).face(pick);
            }
        });
        return b.build();
    }

    /** The face a {@code #N} suffix picks (N counts from 1), or a clear error naming the option. */
    private static FacePick facePick(String option, String number) {
        int n;
        try {
            n = Integer.parseInt(number.trim());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1) {
            throw new BadFlagException("--actor " + option + ": after '#' comes the number of the face from "
                    + "the left, counting from 1 (e.g. family.jpg#2 for the second face); got '" + number + "'");
        }
        return FacePick.index(n - 1);
    }

    /** {@code --rest neutral|photo}. */
    static Rest parseRest(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "neutral" -> Rest.NEUTRAL;
            case "photo", "as_photographed", "as-photographed" -> Rest.AS_PHOTOGRAPHED;
            default -> throw new BadFlagException("Unknown --rest '" + value + "'. Known: neutral, photo");
        };
    }

    /** The scene with every actor acting from {@code rest}. */
    static Scene withRest(Scene scene, Rest rest) {
        Scene.Builder b = scene.toBuilder();
        scene.actors().forEach(a -> b.actor(a.name()).rest(rest));
        return b.build();
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadFlagException("Unknown --" + what + " '" + value + "'. Known: "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList());
        }
    }
}
