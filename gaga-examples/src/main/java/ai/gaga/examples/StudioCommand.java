package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.studio.StudioServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gaga studio}: serves GAGA Studio, the local web app, and prints its address with a one-time token. Opens
 * nothing by itself; Ctrl-C stops it cleanly (running renders are cancelled, the work folder is removed unless
 * {@code --keep}).
 */
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = "Serve GAGA Studio, the local web app (photo + script in, film out), and print its address.")
final class StudioCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8765", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, only this computer).")
    String host;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Folder for the studio's work folder (default: the system's temporary folder).")
    Path work;

    @Option(names = "--keep", description = "Keep the work folder (photos, renders) when the studio stops.")
    boolean keep;

    @Option(names = "--renders", defaultValue = "1", paramLabel = "1|2",
            description = "Renders that run at once (default: ${DEFAULT-VALUE}).")
    int concurrent;

    @Option(names = "--queue", defaultValue = "8", paramLabel = "N",
            description = "Renders that may wait; more are refused with 429 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws InterruptedException {
        Gaga gaga = engine.build();
        StudioServer server;
        try {
            server = StudioServer.builder().port(port).host(host).workDir(work).keep(keep)
                    .concurrentRenders(concurrent).queuedRenders(queue).gaga(gaga).start();
        } catch (RuntimeException e) {
            gaga.close();
            throw e;
        }
        // Ctrl-C: cancel the renders, stop HTTP, remove the work folder, and only then close the engine
        Thread hook = new Thread(() -> {
            ShutdownGuard.markShuttingDown();
            try {
                server.close();
            } finally {
                gaga.close();
            }
        }, "gaga-studio-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("GAGA Studio: " + server.url());
        if (keep) {
            System.out.println("Work folder (kept): " + server.workDir());
        }
        System.out.flush();
        server.awaitClose();
        return 0;
    }
}
