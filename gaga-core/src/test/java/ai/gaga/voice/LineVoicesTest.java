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

    @Test
    void aLineThatSwitchesWritingSystemIsCutIntoRunsEachWithItsOwnVoice() {
        // Seen failing before runs existed: the whole line went to the English voice, which dropped the Chinese.
        String text = "I told her: 我今天很高兴见到你。 Then she left.";
        java.util.List<LineVoices.Run> runs = LineVoices.runs(Voice.DEFAULT, text);
        assertEquals(3, runs.size(), runs.toString());
        assertEquals("I told her: ", text.substring(runs.get(0).start(), runs.get(0).end()));
        assertEquals("我今天很高兴见到你。 ", text.substring(runs.get(1).start(), runs.get(1).end()));
        assertEquals("Then she left.", text.substring(runs.get(2).start(), runs.get(2).end()));
        assertSame(Voice.DEFAULT, runs.get(0).voice());
        assertEquals("zh", runs.get(1).voice().language());
        assertSame(Voice.DEFAULT, runs.get(2).voice(), "the language of a writing system is detected once");
        assertEquals(java.util.List.of(true, false, true), runs.stream().map(LineVoices.Run::main).toList());
    }

    @Test
    void aLineInOneWritingSystemIsOneRun() {
        assertEquals(java.util.List.of(new LineVoices.Run(0, 14, Voice.DEFAULT, true)),
                LineVoices.runs(Voice.DEFAULT, "Hello, 2 you!!"));
        assertEquals("zh", LineVoices.runs(Voice.DEFAULT, "我必须走了。").get(0).voice().language());
    }
}
