package ai.gaga.sound.dialogue;

import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.sound.SoundDesigner;
import ai.gaga.sound.SoundDesignerFactory;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialogueSoundDesignerTest {
    private static final int RATE = PcmAudio.STANDARD_RATE;
    private static final Scene SCENE = Scene.builder().actor("maya", Path.of("maya.jpg")).says("Hello.")
            .pause(Duration.ofMillis(600)).says("Goodbye.").build();

    /** A full-scale tone: louder than the mix may be, so the peak safety must act. */
    private static Utterance tone(double seconds, double hz) {
        float[] s = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.sin(2 * Math.PI * hz * i / RATE);
        }
        return new Utterance(new PcmAudio(s, RATE, 1), List.of(new PhoneTiming("a", 0, seconds)), "test");
    }

    private static int firstSound(float[] stereo, int fromFrame) {
        for (int f = fromFrame; f < stereo.length / 2; f++) {
            if (Math.abs(stereo[2 * f]) > 1e-4) {
                return f;
            }
        }
        return -1;
    }

    @Test
    void placesEachLineAtItsStartCentredWithSilenceBetween() {
        List<Line> lines = SCENE.lines();
        Timeline timeline = new Timeline(List.of(new TimelineEntry(lines.get(0), tone(0.5, 440), 0.25),
                new TimelineEntry(lines.get(1), tone(0.4, 330), 1.3)), 2.0003);
        PcmAudio mix = new DialogueSoundDesigner().mix(SCENE, timeline);

        assertEquals(2, mix.channels());
        assertEquals(RATE, mix.sampleRate());
        assertEquals(Math.round(2.0003 * RATE), mix.frames(), "exactly the timeline's length, to the sample");
        float[] s = mix.samples();

        int first = firstSound(s, 0);
        assertEquals(0.25 * RATE, first, 0.001 * RATE, "first line starts at 0.25 s ± 1 ms");
        int second = firstSound(s, (int) (0.76 * RATE));
        assertEquals(1.3 * RATE, second, 0.001 * RATE, "second line starts at 1.3 s ± 1 ms");
        for (int f = (int) (0.751 * RATE); f < (int) (1.299 * RATE); f++) {
            assertEquals(0f, s[2 * f], "silence between the lines at frame " + f);
        }
        for (int f = (int) (1.701 * RATE); f < mix.frames(); f++) {
            assertEquals(0f, s[2 * f], "silence after the last line at frame " + f);
        }
        for (int f = 0; f < mix.frames(); f++) {
            assertEquals(s[2 * f], s[2 * f + 1], "centred: both channels equal at frame " + f);
        }
        assertTrue(mix.peak() <= DialogueSoundDesigner.PEAK_CEILING + 1e-6, "peak " + mix.peak());
        assertTrue(mix.peak() > 0.85, "the loudest part is kept near the ceiling, not crushed: " + mix.peak());
    }

    @Test
    void fadesTheEdgesOfEachLine() {
        Timeline timeline = new Timeline(List.of(new TimelineEntry(SCENE.lines().get(0), tone(0.2, 1000), 0)), 0.3);
        float[] s = new DialogueSoundDesigner().mix(SCENE, timeline).samples();
        int fade = (int) (DialogueSoundDesigner.FADE_SECONDS * RATE);
        double early = 0;
        for (int f = 0; f < fade / 4; f++) {
            early = Math.max(early, Math.abs(s[2 * f]));
        }
        double middle = 0;
        for (int f = fade; f < 2 * fade; f++) {
            middle = Math.max(middle, Math.abs(s[2 * f]));
        }
        assertTrue(early < 0.2 * middle, "no click at the start: " + early + " vs " + middle);
        int end = (int) (0.2 * RATE) - 1;
        assertTrue(Math.abs(s[2 * end]) < 0.01, "no click at the end: " + s[2 * end]);
    }

    @Test
    void quietDialogueIsNotAmplified() {
        Utterance quiet = new Utterance(new PcmAudio(new float[] {0.1f, 0.1f, 0.1f}, RATE, 1), List.of(), "test");
        Timeline timeline = new Timeline(List.of(new TimelineEntry(SCENE.lines().get(0), quiet, 0)), 0.01);
        assertTrue(new DialogueSoundDesigner().mix(SCENE, timeline).peak() <= 0.1f + 1e-6);
    }

    @Test
    void isFoundThroughServiceLoader() {
        SoundDesignerFactory factory = ServiceLoader.load(SoundDesignerFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("dialogue")).findFirst().orElseThrow();
        try (SoundDesigner designer = factory.create(null)) {
            assertEquals("dialogue", designer.id());
        }
    }
}
