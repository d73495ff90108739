package ai.gaga.script;

import ai.gaga.ScriptException;
import ai.gaga.scene.ActionCue;
import ai.gaga.scene.Beat;
import ai.gaga.scene.Camera;
import ai.gaga.scene.CameraCue;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Line;
import ai.gaga.scene.LineStart;
import ai.gaga.scene.Pause;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneElement;
import ai.gaga.scene.SceneHeading;
import ai.gaga.scene.SoundCue;
import ai.gaga.scene.TagCue;
import ai.gaga.scene.TransitionCue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptParserTest {
    static final String DESIGN_EXAMPLE = """
            INT. TRAIN STATION - NIGHT
            [music: melancholic piano] [ambience: rain]
            MAYA
            (sad, whispering)
            Je dois partir. [pause 600ms] [sighs] Adieu.
            LEO ^
            (angry) [at +0.3s]
            Wait!
            [action: MAYA looks away]
            """;
    static final Map<String, Path> PHOTOS = Map.of("MAYA", Path.of("maya.jpg"), "LEO", Path.of("leo.jpg"));

    private static List<SceneElement> elements(String text) {
        return new ScriptParser().parse(text).elements().stream().map(ScriptElement::element).toList();
    }

    @Test
    void parsesTheDesignExampleExactly() {
        Script script = new ScriptParser().parse(DESIGN_EXAMPLE);
        List<SceneElement> e = script.elements().stream().map(ScriptElement::element).toList();
        assertEquals(List.of(
                new SceneHeading("INT. TRAIN STATION - NIGHT"),
                new SoundCue(SoundCue.Kind.MUSIC, "melancholic piano"),
                new SoundCue(SoundCue.Kind.AMBIENCE, "rain"),
                new Line("MAYA", "Je dois partir. Adieu.", Emotion.SADNESS, 0.7, Delivery.WHISPER,
                        LineStart.SEQUENTIAL, List.of(Beat.pause(16, Duration.ofMillis(600)),
                        Beat.of(16, Beat.Kind.SIGH)), ""),
                new Line("LEO", "Wait!", Emotion.ANGER, 0.7, Delivery.NORMAL,
                        LineStart.overlapping(Duration.ofMillis(300)), List.of(), ""),
                new ActionCue("MAYA looks away")), e);
        assertEquals(List.of(1, 2, 2, 3, 6, 9), script.elements().stream().map(ScriptElement::line).toList());
        assertEquals(List.of("MAYA", "LEO"), script.characters());
        assertTrue(script.warnings().isEmpty(), script.warnings().toString());

        Scene scene = Scene.parse(DESIGN_EXAMPLE, Map.of("maya", Path.of("m.jpg"), "Leo", Path.of("l.jpg")));
        assertEquals(List.of("maya", "Leo"), scene.actors().stream().map(a -> a.name()).toList());
        assertEquals("Leo", scene.lines().get(1).actor());
        assertEquals(4, scene.cues().size()); // heading, music, ambience, action
    }

    @Test
    void everyTagLandsInTheScene() {
        List<SceneElement> e = elements("""
                EXT. ROOF - DAY
                [camera: push-in] [camera: Pan Left] [camera: close-up] [camera: two-shot]
                [sfx: door slams]
                [pause 1.5s]
                MAYA
                [whispers] Hello [laughs] you.
                CUT TO:
                MAYA
                [at 12.5s] <prosody rate="slow">Slowly</prosody> now<break time="250ms"/> and... then.
                [cut]
                [smiles]
                """);
        assertEquals(new CameraCue(Camera.PUSH_IN), e.get(1));
        assertEquals(new CameraCue(Camera.PAN_LEFT), e.get(2));
        assertEquals(new CameraCue(Camera.CLOSE_UP), e.get(3));
        assertEquals(new CameraCue(Camera.TWO_SHOT), e.get(4));
        assertEquals(new SoundCue(SoundCue.Kind.SFX, "door slams"), e.get(5));
        assertEquals(new Pause(Duration.ofMillis(1500)), e.get(6));
        Line hello = (Line) e.get(7);
        assertEquals("Hello you.", hello.text());
        assertEquals(Delivery.WHISPER, hello.delivery());
        assertEquals(List.of(Beat.of(6, Beat.Kind.LAUGH)), hello.beats());
        assertEquals(TransitionCue.CUT, e.get(8));
        Line slow = (Line) e.get(9);
        assertEquals("Slowly now and... then.", slow.text());
        assertEquals("<prosody rate=\"slow\">Slowly</prosody> now and... then.", slow.markup());
        assertEquals(LineStart.at(Duration.ofMillis(12500)), slow.start());
        assertEquals(List.of(Beat.pause(11, Duration.ofMillis(250))), slow.beats());
        assertEquals(List.of(Beat.pause(11, Duration.ofMillis(250)), Beat.pause(18, Line.ELLIPSIS_PAUSE)),
                slow.pauses());
        assertEquals(TransitionCue.CUT, e.get(10));
        assertEquals(new TagCue("smiles", ""), e.get(11));
    }

    @Test
    void unknownTagsAreKeptAndReported() {
        Script s = new ScriptParser().parse("MAYA\nHi there.\n[lights: strobe]\n");
        assertEquals(List.of(new TagCue("lights", "strobe")), s.tags());
        assertEquals(1, s.warnings().size());
        assertEquals(3, s.warnings().get(0).line());
        assertTrue(s.warnings().get(0).message().contains("[lights: strobe]"));
    }

    @Test
    void chatStyleLinesAreACueAndALine() {
        // Seen failing before: "MAYA: Hello there." was spoken with its name ("Maya. Hello there.").
        Script script = new ScriptParser().parse("""
                MAYA: Hello there.
                JOHN (angry): Not now!
                And not here.
                MAYA ^: Fine [pause 300ms] then.
                Note: this is plain text.
                10:30 is early.
                """);
        List<Line> lines = script.lines();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("MAYA", lines.get(0).actor());
        assertEquals("Hello there.", lines.get(0).text());
        assertEquals("JOHN", lines.get(1).actor());
        assertEquals("Not now! And not here.", lines.get(1).text());
        assertEquals(Emotion.ANGER, lines.get(1).emotion());
        assertEquals("MAYA", lines.get(2).actor());
        assertEquals("Fine then. Note: this is plain text. 10:30 is early.", lines.get(2).text());
        assertEquals(List.of(Beat.pause("Fine ".length(), java.time.Duration.ofMillis(300))), lines.get(2).beats());
        ScriptException e = assertThrows(ScriptException.class, () -> new ScriptParser().parse("MAYA: Hi [pause x]."));
        assertEquals(17, e.column(), e.getMessage()); // the column of "x" as typed, cue included
    }

    @Test
    void plainProseIsAOneActorScript() {
        Scene scene = Scene.parse("I have to go.\nIt is late.\n\nGoodbye…", Map.of("grace", Path.of("g.jpg")));
        assertEquals(List.of(Line.of("grace", "I have to go. It is late."), Line.of("grace", "Goodbye…")),
                scene.lines());
    }

    @Test
    void badTagArgumentSaysLineAndColumn() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> new ScriptParser().parse("MAYA\nHello [pause abc] there"));
        assertEquals(2, e.line());
        assertEquals(14, e.column());
        assertTrue(e.getMessage().startsWith(
                "line 2, column 14: pause needs a duration like 600ms or 1.5s, got 'abc'"), e.getMessage());
        assertTrue(assertThrows(ScriptException.class, () -> new ScriptParser().parse("MAYA\n[camera: dolly] Hi"))
                .getMessage().contains("unknown camera 'dolly'"));
        assertTrue(assertThrows(ScriptException.class, () -> new ScriptParser().parse("MAYA\nHi [music]"))
                .getMessage().contains("music needs a description"));
        assertTrue(assertThrows(ScriptException.class, () -> new ScriptParser().parse("MAYA\nHi [pause 2s"))
                .getMessage().contains("unclosed ["));
    }

    @Test
    void ssmlThatDoesNotParseSaysWhere() {
        ScriptException unclosed = assertThrows(ScriptException.class,
                () -> new ScriptParser().parse("MAYA\nHello <prosody rate=\"fast\">there"));
        assertEquals(2, unclosed.line());
        assertEquals(7, unclosed.column());
        assertTrue(unclosed.getMessage().contains("<prosody> is never closed"), unclosed.getMessage());
        ScriptException crossed = assertThrows(ScriptException.class,
                () -> new ScriptParser().parse("MAYA\n<prosody rate=\"slow\"><emphasis>Go</prosody></emphasis>"));
        assertTrue(crossed.getMessage().contains("</prosody> where </emphasis> was expected"), crossed.getMessage());
        assertEquals(34, crossed.column());
        ScriptException stray = assertThrows(ScriptException.class,
                () -> new ScriptParser().parse("MAYA\nGo now</emphasis>"));
        assertTrue(stray.getMessage().contains("closes nothing"), stray.getMessage());
        ScriptException open = assertThrows(ScriptException.class,
                () -> new ScriptParser().parse("MAYA\nGo <prosody rate=\"slow\" now"));
        assertTrue(open.getMessage().contains("not closed with '>'"), open.getMessage());
        // balanced SSML and self-closing breaks still parse
        assertEquals("Go now", new ScriptParser().parse(
                "MAYA\n<prosody rate=\"slow\">Go <break time=\"300ms\"/>now</prosody>").toScene(
                java.util.Map.of("MAYA", java.nio.file.Path.of("m.jpg"))).lines().get(0).text());
    }

    @Test
    void aLineOfOnlyPunctuationOrEmojiHasNothingToSay() {
        ScriptException e = assertThrows(ScriptException.class, () -> new ScriptParser().parse("MAYA\n!!! ... ???")
                .toScene(java.util.Map.of("MAYA", java.nio.file.Path.of("m.jpg"))));
        assertEquals(1, e.line(), "the line's character cue");
        assertTrue(e.getMessage().contains("nothing to speak"), e.getMessage());
        assertThrows(ai.gaga.InvalidSceneException.class, () -> ai.gaga.scene.Scene.builder()
                .actor("maya", java.nio.file.Path.of("m.jpg")).says("\uD83D\uDE22\uD83D\uDE22"));
    }

    @Test
    void negativeTimeIsRejected() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> new ScriptParser().parse("MAYA\nHi.\nLEO\n[at -0.5s] Ho."));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("times cannot be negative"), e.getMessage());
    }

    @Test
    void absurdTimeIsRejectedWithTheLine() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> Scene.parse("MAYA\nHi.\n\nLEO\n[at 500s] Ho.", PHOTOS));
        assertTrue(e.getMessage().contains("500.00 s"), e.getMessage());
        assertTrue(e.getMessage().contains("maxDuration"), e.getMessage());
    }

    @Test
    void unknownCueNamesItAndTheKnownActors() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> Scene.parse("MAYA\nHi.\n\nLEON\nHey.", PHOTOS));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("LEON"), e.getMessage());
        assertTrue(e.getMessage().contains("Known actors: LEO, MAYA"), e.getMessage());
    }

    @Test
    void oneActorScriptMayUseAnySinglePhoto() {
        Scene scene = Scene.parse("WOMAN\nHi.", Map.of("grace", Path.of("g.jpg")));
        assertEquals("grace", scene.lines().get(0).actor());
    }

    @Test
    void emptySceneIsAnError() {
        assertTrue(assertThrows(ScriptException.class, () -> Scene.parse("", PHOTOS)).getMessage()
                .contains("the script is empty"));
        assertTrue(assertThrows(ScriptException.class, () -> Scene.parse("\uFEFF \r\n\r\n", PHOTOS)).getMessage()
                .contains("the script is empty"));
        assertTrue(assertThrows(ScriptException.class, () -> Scene.parse("INT. HOUSE - DAY\n[music: x]", PHOTOS))
                .getMessage().contains("no spoken line"));
    }

    @Test
    void overlapOnTheFirstLineIsAnError() {
        assertTrue(assertThrows(ScriptException.class, () -> new ScriptParser().parse("LEO ^\nHi."))
                .getMessage().contains("first line"));
    }

    @Test
    void bomAndWindowsLineEndingsReadLikePlainText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scene.fountain");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = DESIGN_EXAMPLE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(file, all);
        assertEquals(Scene.parse(DESIGN_EXAMPLE, PHOTOS), Scene.parse(file, PHOTOS));
    }

    @Test
    void nonUtf8FileIsNamedWithTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.fountain");
        Files.write(file, "MAYA\r\nCaf\u00e9 noir.".getBytes(StandardCharsets.ISO_8859_1));
        ScriptException e = assertThrows(ScriptException.class, () -> Scene.parse(file, PHOTOS));
        assertEquals(file, e.file());
        assertEquals(2, e.line());
        assertEquals(4, e.column());
        assertTrue(e.getMessage().contains("latin1.fountain"), e.getMessage());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }
    @Test
    void wordsNotUnderstoodReachTheScenesNotes() {
        // Seen failing: "(angryy)" and "(happy 5)" only reached a log line; the plan's warnings said nothing.
        Scene scene = Scene.parse("MAYA\n(angryy) Hello there.\n\nMAYA\n(happy 5) Good to see you.", PHOTOS);
        assertEquals(2, scene.scriptNotes().size(), scene.scriptNotes().toString());
        assertTrue(scene.scriptNotes().get(0).contains("line 2") && scene.scriptNotes().get(0).contains("angryy"),
                scene.scriptNotes().toString());
        assertTrue(scene.scriptNotes().get(1).contains("5"), scene.scriptNotes().toString());
        assertEquals(Scene.parse("MAYA\nHello there.\n\nMAYA\n(happy) Good to see you.", PHOTOS).lines().size(),
                scene.lines().size());
        assertTrue(Scene.parse("MAYA\n(happy) Hello there.", PHOTOS).scriptNotes().isEmpty());
        // A second intensity replaces the first, which is said to be ignored (seen: "(happy 0.5 0.9)" said nothing);
        // saying the same thing twice is no mistake.
        Scene twice = Scene.parse("MAYA\n(happy 0.5 0.9) Hello there.", PHOTOS);
        assertEquals(0.9, twice.lines().get(0).intensity(), 1e-9);
        assertTrue(twice.scriptNotes().size() == 1 && twice.scriptNotes().get(0).contains("0.5"),
                twice.scriptNotes().toString());
        assertTrue(Scene.parse("MAYA\n(sad, very sad) Hello there.", PHOTOS).scriptNotes().isEmpty());
        assertEquals(scene, scene.toBuilder().build(), "notes change nothing rendered");
        assertEquals(scene.scriptNotes(), scene.toBuilder().build().scriptNotes());
    }
}
