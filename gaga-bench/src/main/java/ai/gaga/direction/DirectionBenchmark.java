package ai.gaga.direction;

import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;

import java.util.List;
import java.util.Map;

/**
 * What reading a scene costs: a 20-line script per language (the dev set's lines, two actors, about a minute of
 * speech) directed by a fresh {@link ScriptDirector}, first call (which loads the language's sentence model and its
 * example embeddings; their load times are also logged by {@link SemanticEmotions}) and then steady state. Run with
 * {@code java -cp … ai.gaga.direction.DirectionBenchmark}; add {@code -Dgaga.cache.dir=<empty dir>} to measure a start
 * without the example-embedding cache.
 */
public final class DirectionBenchmark {
    private DirectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<LabelledSetAccuracyTest.Example> dev = LabelledSetAccuracyTest.examples("/emotions/dev.tsv");
        ScriptDirector director = new ScriptDirector();
        for (String lang : List.of("en", "fr", "zh")) {
            StringBuilder script = new StringBuilder();
            int n = 0;
            for (LabelledSetAccuracyTest.Example ex : dev) {
                if (ex.language().equals(lang) && n < 20) {
                    script.append(n % 2 == 0 ? "MAYA" : "LEO").append('\n').append(ex.text()).append("\n\n");
                    n++;
                }
            }
            Scene scene = Scene.parse(script.toString(),
                    Map.of("MAYA", Fixtures.graceHopper(), "LEO", Fixtures.astronaut()));
            long t0 = System.nanoTime();
            DirectedScript first = director.direct(scene);
            double firstMs = (System.nanoTime() - t0) / 1e6;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long t1 = System.nanoTime();
                director.direct(scene);
                best = Math.min(best, (System.nanoTime() - t1) / 1e6);
            }
            System.out.printf("%s: %d lines, first direct() %.0f ms (includes model load), then %.0f ms per script"
                    + " (%.1f ms per line)%n", lang, first.lines().size(), firstMs, best, best / first.lines().size());
        }
    }
}
