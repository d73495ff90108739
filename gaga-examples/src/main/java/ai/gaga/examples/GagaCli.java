package ai.gaga.examples;

import ai.gaga.InvalidPhotoException;
import ai.gaga.InvalidSceneException;
import ai.gaga.OutputException;
import ai.gaga.RenderCancelledException;
import ai.gaga.UnsupportedLanguageException;
import ai.gaga.models.ModelUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gaga} command: {@code render}, {@code demo} and {@code bench}.
 *
 * <p>Exit codes: 0 done; 1 unexpected failure; 2 bad command line; 3 bad input (photo, script, scene too long,
 * language); 4 output cannot be written; 5 a model is missing or corrupt; 130 cancelled (Ctrl-C).
 */
@Command(name = "gaga", mixinStandardHelpOptions = true, version = "gaga 0.1.0",
        description = "Turns a photo and a short script into a voiced 1080p film clip.",
        subcommands = {RenderCommand.class, AnalyzeCommand.class, CheckCommand.class, DemoCommand.class,
                BenchCommand.class, StudioCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:unexpected failure", "2:bad command line",
                "3:bad input (photo, script, scene too long, language)", "4:output cannot be written",
                "5:model missing or corrupt", "130:cancelled"})
public final class GagaCli implements Runnable {
    public static final int EXIT_INPUT = 3;
    public static final int EXIT_OUTPUT = 4;
    public static final int EXIT_MODEL = 5;
    public static final int EXIT_CANCELLED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietLogs(args);
        int code = run(args);
        if (!ShutdownGuard.shuttingDown()) {
            System.exit(code);
        }
    }

    /** Runs the CLI and returns its exit code (used by tests). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new GagaCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (ShutdownGuard.shuttingDown()) {
                cmd.getErr().println("gaga: cancelled; nothing was written");
                return EXIT_CANCELLED;
            }
            cmd.getErr().println("gaga: " + message(e));
            return exitCodeOf(e);
        });
        CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, args) -> {
            // Users look for the frame's shape under the names other tools give it.
            if (e instanceof CommandLine.UnmatchedArgumentException u && u.getUnmatched().stream()
                    .anyMatch(a -> a.startsWith("--aspect") || a.startsWith("--ratio") || a.startsWith("--size"))) {
                e.getCommandLine().getErr().println("gaga: the frame's shape is -r/--resolution WxH|vertical|square "
                        + "(e.g. -r vertical for 9:16, -r square for 1:1)");
            }
            return standard.handleParseException(e, args);
        });
        return cli;
    }

    /**
     * The CLI is quiet by default: the library's log shows warnings and errors only; {@code -v} adds its steps and
     * timings (INFO), {@code -q} leaves only errors. A level set with {@code -Dorg.slf4j.simpleLogger.defaultLogLevel}
     * wins. slf4j-simple reads its level once, when the first logger is made, so this runs before any command class
     * (and its logger) exists.
     */
    static void quietLogs(String... args) {
        // JavaCV's own notes ("Info: avformat_open_input rejected some options") go to stderr unless routed here.
        if (System.getProperty(JAVACPP_LOGGER) == null) {
            System.setProperty(JAVACPP_LOGGER, "slf4j");
        }
        // The library's warnings as "WARN what happened", not "[main] WARN ai.gaga.face.PhotoLoader - what happened".
        String prefix = "org.slf4j.simpleLogger.";
        for (String[] kv : new String[][] {{"showThreadName", "false"}, {"showLogName", "false"},
            {"showShortLogName", "false"}}) {
            if (System.getProperty(prefix + kv[0]) == null) {
                System.setProperty(prefix + kv[0], kv[1]);
            }
        }
        if (System.getProperty(LOG_LEVEL) != null) {
            return;
        }
        String level = "warn";
        for (String a : args) {
            if (a.equals("-q") || a.equals("--quiet")) {
                level = "error";
                break;
            }
            if (a.equals("-v") || a.equals("--verbose")) {
                level = "info";
            }
        }
        System.setProperty(LOG_LEVEL, level);
    }

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String JAVACPP_LOGGER = "org.bytedeco.javacpp.logger";

    /** The error in the command line's words: the library names its Java calls, the CLI names its flags. */
    static String message(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        if (e instanceof OutOfMemoryError) {
            m = "out of memory (" + m + "); raise the Java heap with GAGA_JAVA_OPTS=-Xmx2g or shorten the scene";
        }
        return cliWords(m);
    }

    /** A library message with its Java calls replaced by the CLI flags that do the same. */
    static String cliWords(String m) {
        return m.replace(ai.gaga.SceneTooLongException.RAISE_HINT, "raise --max-duration SECONDS")
                .replace("Rest.AS_PHOTOGRAPHED", "--rest photo")
                .replace("Scene.builder().allowNoFace(true)", "--allow-no-face")
                .replace("allowNoFace(true)", "--allow-no-face")
                .replace("maxDuration", "--max-duration");
    }

    static int exitCodeOf(Throwable e) {
        if (e instanceof RenderCancelledException) {
            return EXIT_CANCELLED;
        }
        if (e instanceof InvalidPhotoException || e instanceof InvalidSceneException
                || e instanceof UnsupportedLanguageException || e instanceof BadInputException) {
            return EXIT_INPUT;
        }
        if (e instanceof OutputException) {
            return EXIT_OUTPUT;
        }
        if (e instanceof ModelUnavailableException) {
            return EXIT_MODEL;
        }
        if (e instanceof CommandLine.ParameterException || e instanceof IllegalArgumentException) {
            return 2;
        }
        return 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: render, analyze, check, demo, bench or studio");
    }
}
