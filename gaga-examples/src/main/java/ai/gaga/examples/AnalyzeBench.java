package ai.gaga.examples;

import ai.gaga.RenderPlan;

import ai.gaga.Gaga;
import ai.gaga.direction.DirectedScript;
import ai.gaga.direction.ScriptDirector;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --analyze} part of {@code gaga bench}: what {@code gaga analyze} does (direct the script, then time and
 * place every line), on a bundled 60 s two-actor script, once cold (models and speech engine starting) and then
 * after start-up.
 */
final class AnalyzeBench {
    static final String SCRIPT = "/bench/dialogue-60s.fountain";
    private static final int WARM_RUNS = 3;

    private AnalyzeBench() {
    }

    static void run(EngineOptions engine, Path photo) {
        Scene parsed = Scene.parse(script(), Map.of("MAYA", photo, "LEO", photo));
        System.out.println(String.format(Locale.ROOT, "%-22s %6s %6s %10s %9s %8s", "analyze " + SCRIPT.substring(7),
                "lines", "scene", "direction", "plan", "total"));
        long t0 = System.nanoTime();
        try (Gaga gaga = engine.build()) {
            row("cold (start-up incl.)", parsed, gaga, t0);
            for (int i = 0; i < WARM_RUNS; i++) {
                row("after start-up #" + (i + 1), parsed, gaga, System.nanoTime());
            }
        }
        System.out.println("direction = emotion, delivery and arcs of every line; plan = timing every line with the"
                + " speech engine (no audio) and placing lines, cues and shots; total includes Gaga.create() when cold");
        System.out.println();
    }

    private static void row(String label, Scene parsed, Gaga gaga, long start) {
        long t0 = System.nanoTime();
        DirectedScript direction = new ScriptDirector().direct(parsed);
        long t1 = System.nanoTime();
        RenderPlan timeline = gaga.plan(direction.applyTo(parsed));
        long t2 = System.nanoTime();
        System.out.println(String.format(Locale.ROOT, "%-22s %6d %5.1fs %8.0fms %7.0fms %6.0fms", label,
                parsed.lines().size(), timeline.durationSeconds(), (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                (t2 - start) / 1e6));
    }

    private static String script() {
        try (InputStream in = AnalyzeBench.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Bench resource missing: " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
