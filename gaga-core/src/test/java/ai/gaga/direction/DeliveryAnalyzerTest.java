package ai.gaga.direction;

import ai.gaga.scene.Delivery;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryAnalyzerTest {
    private final EmotionAnalyzer emotions = new EmotionAnalyzer();
    private final DeliveryAnalyzer deliveries = new DeliveryAnalyzer();

    private Optional<Delivery> infer(String text, String lang, String stageDirection) {
        return deliveries.infer(text, lang, emotions.analyze(text, lang), stageDirection);
    }

    @Test
    void stageDirectionsNameTheDeliveryInEachLanguage() {
        assertEquals(Optional.of(Delivery.WHISPER), infer("Come closer.", "en", "MAYA leans in and whispers"));
        assertEquals(Optional.of(Delivery.WHISPER), infer("Viens plus près.", "fr", "Elle chuchote"));
        assertEquals(Optional.of(Delivery.WHISPER), infer("过来。", "zh", "她低声说"));
        assertEquals(Optional.of(Delivery.SOFT), infer("It's time to sleep.", "en", "softly"));
    }

    @Test
    void wordsInTheLineAskForADelivery() {
        assertEquals(Optional.of(Delivery.WHISPER), infer("Shh, they're sleeping.", "en", ""));
        assertEquals(Optional.of(Delivery.WHISPER), infer("嘘，他们在睡觉。", "zh", ""));
    }

    @Test
    void capitalsAndFuryAreShouted() {
        assertEquals(Optional.of(Delivery.SHOUT), infer("GET OUT OF MY HOUSE!", "en", ""));
        assertEquals(Optional.of(Delivery.SHOUT), infer("I'm so furious with you, get out!", "en", ""));
        assertEquals(Optional.of(Delivery.SHOUT), infer("住手！！", "zh", ""));
    }

    @Test
    void stammeringAndTerrifiedHesitationTremble() {
        assertEquals(Optional.of(Delivery.TREMBLING), infer("I-I don't know what happened.", "en", ""));
        assertEquals(Optional.of(Delivery.TREMBLING), infer("I'm so scared... please, help me...", "en", ""));
    }

    @Test
    void plainLinesAskForNothing() {
        assertEquals(Optional.empty(), infer("The train leaves at seven.", "en", ""));
        assertEquals(Optional.empty(), infer("I'm happy for you.", "en", ""));
        assertEquals(Optional.empty(), infer("火车七点开。", "zh", ""));
    }
}
