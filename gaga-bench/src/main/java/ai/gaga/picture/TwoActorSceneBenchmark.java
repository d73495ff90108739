package ai.gaga.picture;

import ai.gaga.Gaga;
import ai.gaga.RenderPlan;
import ai.gaga.RenderResult;
import ai.gaga.RenderStage;
import ai.gaga.scene.Camera;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import ai.gaga.timeline.Shot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Benchmark (not a test): a 60 s 1080p25 scene with one actor next to the same length with two actors from two
 * photos (the astronaut and the selfie: an opening two-shot with both cut out, then shot/reverse-shot singles, a
 * two-shot again halfway), each rendered by {@link Gaga#render} with the default engine (animated faces, body layer)
 * after a warm-up render. Prints wall seconds, the real-time factor (wall seconds per video second), the render and
 * encode stage times and the shots by layout.
 *
 * <p>Run: {@code gaga-bench/run ai.gaga.picture.TwoActorSceneBenchmark [SECONDS]} (default 60; the machine should
 * be otherwise idle).
 */
public final class TwoActorSceneBenchmark {
    private static final String[] LINES = {"We launch at dawn, whatever the weather says.",
        "Then I will be there before the sun is up.", "Bring the checklist, the long one.",
        "I have it by heart by now, every line of it."};

    private TwoActorSceneBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path dir = Files.createTempDirectory("gaga-two-actor-bench");
        Path astronaut = Fixtures.astronaut();
        Path selfie = Fixtures.photo("pexels_selfie_squint.jpg");
        try (Gaga gaga = Gaga.create()) {
            gaga.render(single(astronaut, 5), dir.resolve("warm-up.mp4"));
            System.out.println("scene        video-s  wall-s    RTF  photos-s speech-s  timeline-s sound-s render-s"
                    + "  encode-s finish-s  shots");
            for (boolean two : new boolean[] {false, true}) {
                Scene scene = two ? dialogue(astronaut, selfie, seconds) : single(astronaut, seconds);
                RenderPlan plan = gaga.plan(scene);
                RenderResult r = gaga.render(scene, dir.resolve((two ? "two" : "one") + ".mp4"));
                Map<Shot.Layout, Long> layouts = plan.timeline().shots().stream()
                        .collect(Collectors.groupingBy(Shot::layout, Collectors.counting()));
                System.out.printf(Locale.ROOT, "%-12s %7.1f %7.1f %6.2f %8.1f %8.1f %11.1f %7.1f %8.1f %9.1f %8.1f  %s%n",
                        two ? "two actors" : "one actor", r.duration().toMillis() / 1000.0,
                        r.wallTime().toMillis() / 1000.0, r.realTimeFactor(), stage(r, RenderStage.PHOTOS),
                        stage(r, RenderStage.SPEECH), stage(r, RenderStage.TIMELINE), stage(r, RenderStage.SOUND),
                        stage(r, RenderStage.RENDER), stage(r, RenderStage.ENCODE), stage(r, RenderStage.FINISH),
                        layouts);
            }
        }
    }

    private static double stage(RenderResult r, RenderStage s) {
        return r.stageTimes().getOrDefault(s, Duration.ZERO).toMillis() / 1000.0;
    }

    private static Scene.Builder base(int seconds) {
        return Scene.builder().resolution(Resolution.FULL_HD).fps(25).maxDuration(Duration.ofSeconds(seconds + 20));
    }

    /** One actor saying the lines in turn with short pauses, until about {@code seconds}. */
    private static Scene single(Path photo, int seconds) {
        Scene.Builder b = base(seconds).actor("EILEEN", photo);
        for (int i = 0; i < seconds / 3; i++) {
            b.says(LINES[i % LINES.length]).pause(Duration.ofMillis(400));
        }
        return b.build();
    }

    /** Two actors alternating the lines, a two-shot at the start and halfway. */
    private static Scene dialogue(Path a, Path b, int seconds) {
        Scene.Builder s = base(seconds).actor("EILEEN", a).actor("KAROLINA", b);
        int n = seconds / 3;
        for (int i = 0; i < n; i++) {
            s.actor(i % 2 == 0 ? "EILEEN" : "KAROLINA");
            if (i == n / 2) {
                s.camera(Camera.TWO_SHOT);
            } else if (i == n / 2 + 2) {
                s.camera(Camera.MEDIUM);
            }
            s.says(LINES[i % LINES.length]).pause(Duration.ofMillis(400));
        }
        return s.build();
    }
}
