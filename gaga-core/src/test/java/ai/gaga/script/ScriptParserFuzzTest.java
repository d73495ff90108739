package ai.gaga.script;

import ai.gaga.InvalidSceneException;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneLimits;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded fuzzing of the script parser: random mixes of the syntax's own pieces (tags, brackets, parentheticals, SSML,
 * cues, headings), Unicode (CJK, emoji, combining marks, lone surrogates, right-to-left), control characters and a
 * few huge inputs. Every input must end in a script (which then builds a scene or fails with
 * {@link InvalidSceneException}) or a {@link ai.gaga.ScriptException}: never another exception, never a hang.
 */
class ScriptParserFuzzTest {
    private static final long SEED = 20261206L;
    private static final int INPUTS = 12_000;
    private static final String[] PIECES = {
        "[", "]", "(", ")", "<", ">", "[pause 300ms]", "[pause ", "[pause abc]", "[pause 0s]", "[pause 1e9s]",
        "[at +0.3s]", "[at 12.5s]", "[at -1s]", "[at ", "[laughs]", "[sighs]", "[whispers]", "[music: rain]",
        "[music:]", "[camera: push-in]", "[camera: sideways]", "[action: MAYA looks away]", "[action:]", "[cut]",
        "[sfx: door.wav]", "[unknown tag]", "[[", "]]", "[there [pause 300ms] friend]", "(sad, whispering)",
        "(very angry)", "(0.4 joy)", "(", "<break time=\"500ms\"/>", "<break time='x'/>", "<prosody rate=\"slow\">",
        "</prosody>", "<emphasis>", "</emphasis>", "<b", "</", "MAYA", "LEO ^", "@Leo", "^", "INT. ROOM - DAY",
        "EXT. STREET", "CUT TO:", "FADE OUT.", "...", "…", "!", "?", "。", "，", "\n", "\n\n", "\r\n", "\r", " ",
        "\t", "Hello", "there", "friend.", "Je dois partir.", "我今天很高兴见到你。", "こんにちは", "안녕하세요",
        "Привет", "مرحبا", "שלום", "🙂", "👩‍👩‍👧", "e\u0301", "\u200B", "\u202E", "\uFEFF", "\u0000", "\u0007",
        "\u001B[31m", "\uD800", "\uDC00", "\uFFFF", "12.5", "-", "#", "'", "\""};

    private static final String[] WELL_FORMED = {
        "[pause 300ms] ", "[at +0.3s] ", "[laughs] ", "[sighs] ", "[whispers] ", "[music: rain]\n", "[cut]\n",
        "[camera: push-in]\n", "[action: MAYA looks away]\n", "[unknown tag] ", "[there [pause 300ms] friend] ",
        "(sad, whispering) ", "(very angry) ", "<break time=\"500ms\"/> ", "<prosody rate=\"slow\">Hi</prosody> ",
        "\nMAYA\n", "\nLEO ^\n", "\n@Leo\n", "\nINT. ROOM - DAY\n\n", "\nCUT TO:\n\n", "... ", "… ",
        "Hello ", "there ", "friend. ", "Je dois partir. ", "我今天很高兴见到你。", "Привет ", "🙂 ", "\n", "\n\n",
        "\r\n", "e\u0301 ", "\u200B", "\u0007"};

    @Test
    void twelveThousandRandomScriptsEndInAScriptOrAScriptException() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            SplittableRandom random = new SplittableRandom(SEED);
            long slowest = 0;
            int parsed = 0;
            for (int i = 0; i < INPUTS; i++) {
                String text = input(random, i);
                long t0 = System.nanoTime();
                try {
                    Script script = new ScriptParser().parse(text);
                    parsed++;
                    try {
                        Scene scene = script.toScene(Map.of("MAYA", Path.of("maya.jpg")));
                        SceneLimits.leastLength(scene);
                    } catch (InvalidSceneException expected) {
                        // a script without lines, an unknown character, a scene the builder refuses
                    }
                } catch (InvalidSceneException expected) {
                    // ScriptException (a subclass) with line and column, or a scene problem
                } catch (RuntimeException | StackOverflowError e) {
                    fail("input #" + i + " (seed " + SEED + ") threw " + e + " for: " + printable(text), e);
                }
                slowest = Math.max(slowest, System.nanoTime() - t0);
            }
            assertEquals(true, parsed > INPUTS / 10, "most inputs should not be trivially rejected: " + parsed);
            // a hang is caught by the timeout; one slow input is reported
            assertEquals(true, slowest < 2_000_000_000L, "slowest input took " + slowest / 1e6 + " ms");
        });
    }

    private static String input(SplittableRandom random, int i) {
        int kind = i % 2000;
        if (kind == 0) { // huge: over the size limit, or one enormous line
            return (i % 4000 == 0 ? "Hello there. [pause 1s] " : "word ").repeat(25_000 + random.nextInt(10_000));
        }
        int pieces = kind < 10 ? 300 + random.nextInt(1_000) : random.nextInt(60);
        // most inputs are made of well-formed pieces (so the parser goes deep), a third are chaos
        boolean chaos = random.nextInt(3) == 0;
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < pieces; p++) {
            int r = random.nextInt(10);
            if (!chaos) {
                sb.append(WELL_FORMED[random.nextInt(WELL_FORMED.length)]);
            } else if (r < 7) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            } else if (r < 9) {
                sb.append(Character.toChars(randomCodePoint(random)));
            } else {
                sb.append((char) random.nextInt(0x20)); // control characters
            }
        }
        return sb.toString();
    }

    private static int randomCodePoint(SplittableRandom random) {
        int cp;
        do {
            cp = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x3000);
        } while (cp >= 0xD800 && cp <= 0xDFFF);
        return cp;
    }

    private static String printable(String s) {
        List<String> out = new ArrayList<>();
        String head = s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
        head.codePoints().forEach(c -> out.add(c < 0x20 || c == 0x7F ? String.format("\\u%04X", c)
                : new String(Character.toChars(c))));
        return String.join("", out);
    }
}
