package ai.gaga.voice;

import ai.gaga.scene.Voice;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LineVoicesTest {
    @Test
    void defaultVoiceFollowsEachLinesLanguage() {
        assertSame(Voice.DEFAULT, LineVoices.forLine(Voice.DEFAULT, "I have to go now, it is late."));
        assertEquals("fr", LineVoices.forLine(Voice.DEFAULT, "Je dois partir, il est tard.").language());
        assertEquals("zh", LineVoices.forLine(Voice.DEFAULT, "我必须走了。").language());
        assertEquals("de", LineVoices.forLine(Voice.DEFAULT, "Ich muss jetzt gehen, es ist spät.").language());
        assertSame(Voice.DEFAULT, LineVoices.forLine(Voice.DEFAULT, "OK!"), "nothing to tell: keep the voice");
        assertSame(Voice.DEFAULT, LineVoices.forLine(Voice.DEFAULT, "Wait!"), "one word is too little evidence");
    }

    @Test
    void aChosenVoiceIsKeptUnlessTheWritingSystemChanges() {
        Voice french = Voice.of("fr-FR");
        assertSame(french, LineVoices.forLine(french, "Je dois partir."));
        assertSame(french, LineVoices.forLine(french, "OK, see you tomorrow then."),
                "a French voice may speak an English phrase");
        assertEquals("zh", LineVoices.forLine(french, "我必须走了。").language(), "but cannot read Hanzi");
        Voice chinese = Voice.of("zh-CN");
        assertEquals("en", LineVoices.forLine(chinese, "Goodbye, my friend.").language());
        assertSame(chinese, LineVoices.forLine(chinese, "再见，朋友。"));
    }
}
