package ai.gaga.scene;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VoiceTest {
    @Test
    void piperVoicesTakeTheirLanguageFromTheName() {
        Voice v = Voice.piper("en_US-ljspeech-medium");
        assertEquals(new Voice("en-US", "piper", "en_US-ljspeech-medium"), v);
        assertEquals("fr", Voice.piper("fr_FR-siwis-medium").primaryLanguage());
        assertEquals("zh-CN", Voice.piper("zh_CN-huayan-medium#0").language());
        assertThrows(IllegalArgumentException.class, () -> Voice.piper("ljspeech"));
    }

    @Test
    void kokoroVoicesTakeTheirLanguageFromTheFirstLetter() {
        assertEquals(new Voice("en-US", "kokoro", "af_heart"), Voice.kokoro("af_heart"));
        assertEquals("en-GB", Voice.kokoro("bm_george").language());
        assertEquals("fr", Voice.kokoro("ff_siwis").primaryLanguage());
        assertEquals("zh", Voice.kokoro("zf_xiaoxiao").primaryLanguage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Voice.kokoro("xx_nope"));
        assertEquals(true, e.getMessage().contains("xx_nope"));
    }
}
