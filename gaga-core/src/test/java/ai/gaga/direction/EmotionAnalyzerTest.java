package ai.gaga.direction;

import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmotionAnalyzerTest {
    private final EmotionAnalyzer analyzer = new EmotionAnalyzer();

    private Emotion emotion(String text, String lang) {
        return analyzer.analyze(text, lang).emotion();
    }

    private double intensity(String text, String lang) {
        return analyzer.analyze(text, lang).intensity();
    }

    @Test
    void negationTurnsHappyIntoSadInThreeLanguages() {
        assertEquals(Emotion.JOY, emotion("I'm happy here.", "en"));
        assertEquals(Emotion.SADNESS, emotion("I'm not happy here.", "en"));
        assertEquals(Emotion.JOY, emotion("Je suis heureuse ici.", "fr"));
        assertEquals(Emotion.SADNESS, emotion("Je ne suis pas heureuse ici.", "fr"));
        assertEquals(Emotion.JOY, emotion("我在这里很开心。", "zh"));
        assertEquals(Emotion.SADNESS, emotion("我在这里不开心。", "zh"));
    }

    @Test
    void negatedWorryReassuresInsteadOfFrightening() {
        assertEquals(Emotion.FEAR, emotion("I worry about you.", "en"));
        assertEquals(Emotion.TENDERNESS, emotion("Don't worry, I'm here.", "en"));
        assertEquals(Emotion.TENDERNESS, emotion("Ne t'inquiète pas.", "fr"));
        assertEquals(Emotion.TENDERNESS, emotion("别担心。", "zh"));
    }

    @Test
    void negationEndsAtTheClause() {
        // "not" belongs to the first clause; "happy" in the second stays happy
        assertEquals(Emotion.JOY, emotion("I could not sleep, I'm so happy!", "en"));
    }

    @Test
    void intensifiersRaiseAndDiminishersLowerIntensity() {
        assertTrue(intensity("I'm very sad.", "en") > intensity("I'm sad.", "en"));
        assertTrue(intensity("I'm a bit sad.", "en") < intensity("I'm sad.", "en"));
        assertTrue(intensity("Je suis très triste.", "fr") > intensity("Je suis triste.", "fr"));
        assertTrue(intensity("Je suis un peu triste.", "fr") < intensity("Je suis triste.", "fr"));
        assertTrue(intensity("我非常难过。", "zh") > intensity("我难过。", "zh"));
        assertTrue(intensity("我有点难过。", "zh") < intensity("我难过。", "zh"));
    }

    @Test
    void exclamationsRaiseIntensityWithoutChangingTheEmotion() {
        EmotionReading calm = analyzer.analyze("I'm angry.", "en");
        EmotionReading loud = analyzer.analyze("I'm angry!!!", "en");
        assertEquals(Emotion.ANGER, calm.emotion());
        assertEquals(Emotion.ANGER, loud.emotion());
        assertTrue(loud.intensity() > calm.intensity(), loud + " vs " + calm);
    }

    @Test
    void aBareShortQuestionIsSurprise() {
        assertEquals(Emotion.SURPRISE, emotion("Really?", "en"));
        assertEquals(Emotion.SURPRISE, emotion("Quoi ?", "fr"));
        assertEquals(Emotion.SURPRISE, emotion("真的吗？", "zh"));
        assertEquals(Emotion.NEUTRAL, emotion("Can you pass me the salt?", "en"));
    }

    @Test
    void plainInformationIsNeutralAtZeroIntensity() {
        EmotionReading r = analyzer.analyze("The meeting is on Thursday at ten.", "en");
        assertEquals(Emotion.NEUTRAL, r.emotion());
        assertEquals(0.0, r.intensity());
        assertFalse(r.turns());
    }

    @Test
    void aTurningLineGetsAnArcThatEndsWhereTheTextTurns() {
        String text = "I was so happy... and then you left.";
        EmotionReading r = analyzer.analyze(text, "en");
        assertEquals(Emotion.SADNESS, r.emotion(), "what follows the turn weighs more: " + r);
        EmotionArc arc = r.arc();
        assertEquals(2, arc.segments().size(), arc.toString());
        assertEquals(Emotion.JOY, arc.segments().get(0).emotion());
        assertEquals(Emotion.SADNESS, arc.segments().get(1).emotion());
        assertEquals(0, arc.segments().get(0).start());
        assertEquals(text.indexOf("and then"), arc.segments().get(1).start());
        assertEquals(text.length(), arc.segments().get(1).end());
        assertEquals(Emotion.JOY, arc.atFraction(0.1).orElseThrow().emotion());
        assertEquals(Emotion.SADNESS, arc.atFraction(0.9).orElseThrow().emotion());
    }

    @Test
    void frenchAndChineseLinesTurnAtTheirContrastWords() {
        String fr = "J'étais si heureuse, mais tu es partie.";
        EmotionReading r = analyzer.analyze(fr, "fr");
        assertEquals(2, r.arc().segments().size(), r.toString());
        assertEquals(Emotion.JOY, r.arc().segments().get(0).emotion());
        assertEquals(Emotion.SADNESS, r.arc().segments().get(1).emotion());
        assertEquals(Emotion.SADNESS, r.emotion());

        String zh = "我本来很开心，可是你走了。";
        EmotionReading z = analyzer.analyze(zh, "zh");
        assertEquals(2, z.arc().segments().size(), z.toString());
        assertEquals(Emotion.JOY, z.arc().segments().get(0).emotion());
        assertEquals(Emotion.SADNESS, z.arc().segments().get(1).emotion());
        assertEquals(zh.indexOf("可是"), z.arc().segments().get(1).start());
    }

    @Test
    void aSteadyLineHasNoArc() {
        EmotionReading r = analyzer.analyze("I'm so happy, this is wonderful, we won!", "en");
        assertEquals(Emotion.JOY, r.emotion());
        assertFalse(r.turns(), r.toString());
    }

    @Test
    void chineseWithoutSpacesIsCutIntoWords() {
        assertEquals(Emotion.ANGER, emotion("我今天真的非常生气", "zh"));
        assertEquals(Emotion.DISGUST, emotion("这汤好恶心", "zh"));
        // 快乐 (happy) is one word: its 快 must not read as "hurry"
        assertEquals(Emotion.JOY, emotion("祝你快乐", "zh"));
        assertNotEquals(Emotion.FEAR, emotion("我不害怕", "zh"));
    }

    @Test
    void frenchElisionsAccentsAndCapitalsAreRead() {
        assertEquals(Emotion.JOY, emotion("J'adore ça.", "fr"));
        assertEquals(Emotion.JOY, emotion("J’adore ça.", "fr"));
        assertEquals(Emotion.ANGER, emotion("Ce n'est pas drôle.", "fr"));
        assertEquals(Emotion.DISGUST, emotion("C'EST DÉGOÛTANT !", "fr"));
        assertEquals(Emotion.FEAR, emotion("J'ai peur du noir.", "fr"));
    }

    @Test
    void emojiSpeakEveryLanguage() {
        assertEquals(Emotion.SADNESS, emotion("See you tomorrow 😢", "en"));
        assertEquals(Emotion.JOY, emotion("¡Nos vemos mañana! 😀", "es"));
        assertEquals(Emotion.NEUTRAL, emotion("Nos vemos mañana.", "es"));
    }

    @Test
    void theSceneTipsALineThatSaysLittleButNeverAClearOne() {
        SceneContext cemetery = SceneContext.of("EXT. CEMETERY - DAY", "rain");
        assertEquals(Emotion.NEUTRAL, emotion("Let's go home.", "en"));
        assertEquals(Emotion.SADNESS, analyzer.analyze("Let's go home.", "en", cemetery).emotion());
        assertEquals(Emotion.JOY, analyzer.analyze("I'm so happy you came!", "en", cemetery).emotion());
        SceneContext party = SceneContext.of("内景 生日派对 - 夜");
        assertEquals(Emotion.JOY, analyzer.analyze("大家都来了！", "zh", party).emotion());
        assertTrue(party.prior(Emotion.JOY) <= SceneContext.MAX_PRIOR);
    }
}
