package ai.gaga.examples;

import ai.gaga.ProgressListener;
import ai.gaga.RenderProgress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Terminal progress: a redrawn bar on a console, one line per 10% when output is redirected (logs stay readable).
 */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean interactive;
    private final long start = System.nanoTime();
    private int lastDecile = -1;
    private long lastDraw;

    ProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    static ProgressBar onStderr() {
        return new ProgressBar(System.err, System.console() != null);
    }

    @Override
    public void onProgress(RenderProgress p) {
        int percent = (int) Math.floor(p.fraction() * 100);
        if (interactive) {
            long now = System.nanoTime();
            if (now - lastDraw < 100_000_000L && p.fraction() < 1) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(p.fraction() * WIDTH);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + String.format(Locale.ROOT,
                    "%3d%% %-8s %s %5.1fs", percent, label(p), frames(p), (now - start) / 1e9));
            if (p.fraction() >= 1) {
                out.println();
            }
            out.flush();
        } else if (percent / 10 > lastDecile) {
            lastDecile = percent / 10;
            out.println(String.format(Locale.ROOT, "%3d%% %s %s", percent, label(p), frames(p)));
        }
    }

    private static String label(RenderProgress p) {
        return p.stage().name().toLowerCase(Locale.ROOT);
    }

    private static String frames(RenderProgress p) {
        return p.totalFrames() == 0 ? "" : "frame " + p.frame() + "/" + p.totalFrames();
    }
}
