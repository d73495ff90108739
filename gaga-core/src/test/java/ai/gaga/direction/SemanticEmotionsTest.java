package ai.gaga.direction;

import ai.gaga.scene.Emotion;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The English semantic reading with the real all-MiniLM-L6-v2-q model from its Maven Central jar. */
class SemanticEmotionsTest {
    @Test
    void wordPieceGivesTheBertUncasedIds() {
        WordPiece wp = WordPiece.fromResource(SentenceEmbedder.TOKENIZER);
        // [CLS] hello , world ! [SEP] in the bert-base-uncased vocabulary
        assertArrayEquals(new long[]{101, 7592, 1010, 2088, 999, 102}, wp.encode("Hello, WORLD!", 128));
        long[] pieces = wp.encode("unbelievably", 128);
        assertTrue(pieces.length > 3, "a long word is cut into word pieces");
        assertEquals(16, wp.encode("word ".repeat(100), 16).length, "truncated to the model's limit");
    }

    @Test
    void embeddingsAreUnitLengthAndCloserForCloserMeaning() {
        try (SentenceEmbedder e = SentenceEmbedder.load()) {
            float[] a = e.embed("The cat sleeps on the sofa.");
            float[] b = e.embed("A kitten is napping on the couch.");
            float[] c = e.embed("The stock market fell sharply today.");
            assertEquals(1.0, dot(a, a), 1e-4);
            assertTrue(dot(a, b) > dot(a, c) + 0.2, dot(a, b) + " vs " + dot(a, c));
        }
    }

    @Test
    void meaningFillsWhatTheLexiconMisses() {
        SemanticEmotions model = SemanticEmotions.shared();
        assertNotNull(model, "the model jar is a dependency of gaga-core");
        String line = "All his letters are still in the drawer.";
        assertEquals(Emotion.NEUTRAL, EmotionAnalyzer.lexiconOnly().analyze(line, "en").emotion(),
                "no sad word in it");
        Map<Emotion, Double> sim = model.similarities(line);
        assertTrue(sim.get(Emotion.SADNESS) > sim.get(Emotion.NEUTRAL), sim.toString());
        assertEquals(Emotion.SADNESS, new EmotionAnalyzer().analyze(line, "en").emotion());
        assertEquals(Emotion.NEUTRAL, new EmotionAnalyzer().analyze("The printer needs new paper.", "en").emotion());
    }

    @Test
    void chineseMeaningIsReadWithTheBgeModel() {
        SemanticEmotions model = SemanticEmotions.shared("zh");
        assertNotNull(model, "the bge-small-zh jar is a dependency of gaga-core");
        String line = "她走后，我每天晚上都对着空房间说话。"; // since she left I talk to an empty room every night
        assertEquals(Emotion.NEUTRAL, EmotionAnalyzer.lexiconOnly().analyze(line, "zh").emotion(),
                "no sad word in it");
        Map<Emotion, Double> sim = model.similarities(line);
        Emotion closest = sim.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(Emotion.SADNESS, closest, sim.toString());
        assertEquals(Emotion.SADNESS, new EmotionAnalyzer().analyze(line, "zh").emotion());
        assertEquals(Emotion.NEUTRAL, new EmotionAnalyzer().analyze("打印机需要加纸了。", "zh").emotion());
    }

    @Test
    void frenchIsGlossedWordByWordForTheEnglishModel() {
        assertEquals("I am not sad.", FrenchGloss.gloss("Je ne suis pas triste."));
        assertEquals("she has waited all the night.", FrenchGloss.gloss("Elle a attendu toute la nuit."),
                "regular verb forms are found from their infinitive");
        assertEquals("please, come back!", FrenchGloss.gloss("S'il te plaît, reviens !"), "phrases first");
    }

    @Test
    void frenchMeaningIsReadThroughTheGloss() {
        assertNotNull(SemanticEmotions.shared("fr"), "French reads with the English model");
        String line = "Je passe encore devant son école tous les matins."; // I still walk past her school every morning
        assertEquals(Emotion.NEUTRAL, EmotionAnalyzer.lexiconOnly().analyze(line, "fr").emotion(),
                "no sad word in it");
        assertEquals(Emotion.SADNESS, new EmotionAnalyzer().analyze(line, "fr").emotion());
        assertEquals(Emotion.NEUTRAL, new EmotionAnalyzer().analyze("Le magasin ouvre à neuf heures.", "fr").emotion());
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
