package ai.gaga.voice.espeak;

import ai.gaga.GagaException;
import ai.gaga.UnsupportedLanguageException;
import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Voice;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.SpeechEngineFactory;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.marytts.SpeechMeasures;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real espeak-ng binary (Debian package), no mocks. */
class EspeakEngineTest {
    private static final Logger LOG = LoggerFactory.getLogger(EspeakEngineTest.class);
    private static final EspeakEngine ENGINE = EspeakEngine.create();
    private static final String FRENCH = "Bonjour, je m'appelle Marie et j'habite à Paris depuis dix ans.";

    private static Utterance say(String text, String lang, Emotion emotion, double intensity, Delivery delivery) {
        return ENGINE.synthesize(new SpeechRequest(text, Voice.of(lang), emotion, intensity, delivery));
    }

    private static Utterance say(String text, String lang) {
        return say(text, lang, Emotion.NEUTRAL, 0, Delivery.NORMAL);
    }

    @Test
    void speaksFrenchAt48kHzWithPlausibleDurationAndVoicedFrames() {
        long t0 = System.nanoTime();
        Utterance u = say(FRENCH, "fr-FR");
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.info("espeak French: {} s of audio in {} s ({}x real time)", String.format("%.2f", u.durationSeconds()),
                String.format("%.3f", seconds), String.format("%.1f", u.durationSeconds() / seconds));
        assertEquals(PcmAudio.STANDARD_RATE, u.audio().sampleRate());
        assertEquals("espeak", u.engine());
        // 17 syllables at a normal rate: 2.5-7 s.
        assertTrue(u.durationSeconds() > 2.5 && u.durationSeconds() < 7, "duration " + u.durationSeconds());
        assertTrue(u.audio().rms() > 0.02, "rms " + u.audio().rms());
        assertTrue(SpeechMeasures.voicedRatio(u.audio()) > 0.4, "voiced " + SpeechMeasures.voicedRatio(u.audio()));
    }

    @Test
    void phonesCoverTheUtteranceWithoutGapsAndIncludeTheNasalVowel() {
        Utterance u = say("Bonjour", "fr");
        List<PhoneTiming> phones = u.phones();
        assertEquals(0, phones.get(0).start(), 1e-9);
        assertEquals(u.durationSeconds(), phones.get(phones.size() - 1).end(), 1e-6);
        for (int i = 1; i < phones.size(); i++) {
            assertEquals(phones.get(i - 1).end(), phones.get(i).start(), 1e-9, "gap before " + phones.get(i));
        }
        List<String> spoken = phones.stream().filter(p -> !p.isSilence()).map(PhoneTiming::phone).toList();
        assertEquals(List.of("b", "ɔ̃", "ʒ", "u", "ʁ"), spoken);
    }

    @Test
    void readsChinesePolyphonesInContext() {
        assertEquals("yin2 hang2", PinyinText.toPinyin("银行"));
        assertEquals("yin1 yue4", PinyinText.toPinyin("音乐"));
        assertEquals("ni3 hao3, shi4 jie4.", PinyinText.toPinyin("你好，世界。"));
    }

    @Test
    void speaksChineseThroughPinyin() {
        Utterance u = say("我喜欢音乐。", "zh-CN");
        // 5 syllables: about 1-3 s, voiced.
        assertTrue(u.durationSeconds() > 0.8 && u.durationSeconds() < 3.5, "duration " + u.durationSeconds());
        assertTrue(SpeechMeasures.voicedRatio(u.audio()) > 0.4);
        List<String> spoken = u.phones().stream().filter(p -> !p.isSilence()).map(PhoneTiming::phone).toList();
        assertEquals(List.of("w", "o"), spoken.subList(0, 2), "我 = wo3, tone marks are not phones: " + spoken);
        assertTrue(spoken.size() >= 10, spoken.toString());
    }

    @Test
    void whisperHasFarFewerVoicedFrames() {
        double normal = SpeechMeasures.voicedRatio(say(FRENCH, "fr").audio());
        double whisper = SpeechMeasures.voicedRatio(say(FRENCH, "fr", Emotion.NEUTRAL, 0, Delivery.WHISPER).audio());
        LOG.info("espeak voiced-frame ratio: normal {}, whisper {}", String.format("%.2f", normal),
                String.format("%.2f", whisper));
        assertTrue(whisper < normal * 0.4, "whisper " + whisper + " vs normal " + normal);
    }

    @Test
    void angerIsFasterAndLouderThanNeutral() {
        Utterance neutral = say(FRENCH, "fr");
        Utterance angry = say(FRENCH, "fr", Emotion.ANGER, 1, Delivery.NORMAL);
        assertTrue(angry.durationSeconds() < neutral.durationSeconds() * 0.92,
                angry.durationSeconds() + " vs " + neutral.durationSeconds());
        assertTrue(angry.audio().rms() > neutral.audio().rms() * 1.2, angry.audio().rms() + " vs " + neutral.audio().rms());
    }

    @Test
    void sadnessIsSlowerThanNeutral() {
        assertTrue(say(FRENCH, "fr", Emotion.SADNESS, 1, Delivery.NORMAL).durationSeconds()
                > say(FRENCH, "fr").durationSeconds() * 1.15);
    }

    @Test
    void textIsNeverReadAsOptions() {
        // Would be an option if passed on the command line; through stdin it is just words.
        Utterance u = say("--help -v xx", "en");
        assertTrue(u.durationSeconds() > 0.5 && u.audio().rms() > 0.01);
    }

    @Test
    void refusesALanguageEspeakDoesNotHave() {
        UnsupportedLanguageException e = assertThrows(UnsupportedLanguageException.class, () -> say("x", "tlh"));
        assertTrue(e.getMessage().contains("tlh") && e.getMessage().contains("espeak"), e.getMessage());
    }

    @Test
    void missingBinaryGivesAnInstallHint() {
        String old = System.getProperty("gaga.espeak.binary");
        System.setProperty("gaga.espeak.binary", "/nonexistent/espeak-ng");
        try {
            assertTrue(!new EspeakEngineFactory().isAvailable());
            GagaException e = assertThrows(GagaException.class, EspeakEngine::create);
            assertTrue(e.getMessage().contains("apt-get install espeak-ng"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty("gaga.espeak.binary");
            } else {
                System.setProperty("gaga.espeak.binary", old);
            }
        }
    }

    @Test
    void factoryIsRegisteredWithEspeaksLanguagesBelowMaryForEnglish() {
        SpeechEngineFactory espeak = ServiceLoader.load(SpeechEngineFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("espeak")).findFirst().orElseThrow();
        SpeechEngineFactory mary = ServiceLoader.load(SpeechEngineFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("marytts")).findFirst().orElseThrow();
        assertTrue(espeak.isAvailable());
        assertTrue(espeak.languages().containsAll(List.of("en", "fr", "de", "es", "zh", "cmn")), espeak.languages()
                .toString());
        assertTrue(espeak.priority() < mary.priority());
    }
}
