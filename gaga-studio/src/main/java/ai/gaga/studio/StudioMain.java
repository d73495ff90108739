package ai.gaga.studio;

import java.nio.file.Path;

/**
 * Starts GAGA Studio from a plain {@code java} command line (tests, benchmarks):
 * {@code java -cp ... ai.gaga.studio.StudioMain [--port N] [--host H] [--work DIR] [--keep] [--queue N]}.
 * Prints {@code GAGA Studio: <url>} on stdout and runs until stopped (Ctrl-C or SIGTERM stop it cleanly).
 * The {@code gaga studio} command does the same with the CLI's engine options.
 */
public final class StudioMain {
    private StudioMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StudioServer.Builder b = StudioServer.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> b.port(Integer.parseInt(value(args, ++i, a)));
                case "--host" -> b.host(value(args, ++i, a));
                case "--work" -> b.workDir(Path.of(value(args, ++i, a)));
                case "--keep" -> b.keep(true);
                case "--queue" -> b.queuedRenders(Integer.parseInt(value(args, ++i, a)));
                case "--concurrent" -> b.concurrentRenders(Integer.parseInt(value(args, ++i, a)));
                default -> {
                    System.err.println("studio: unknown option " + a
                            + " (known: --port N, --host H, --work DIR, --keep, --queue N, --concurrent N)");
                    System.exit(2);
                }
            }
        }
        run(b);
    }

    /** Starts the server, prints its address, and serves until the JVM is asked to stop. */
    public static void run(StudioServer.Builder builder) throws InterruptedException {
        StudioServer server = builder.start();
        Thread hook = new Thread(server::close, "gaga-studio-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("GAGA Studio: " + server.url());
        System.out.println("Work folder: " + server.workDir());
        System.out.flush();
        server.awaitClose();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println("studio: " + option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
