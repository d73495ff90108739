package ai.gaga.sound.music;

import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Emotion;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreGeneratorTest {
    private static final Logger LOG = LoggerFactory.getLogger(ScoreGeneratorTest.class);
    private static final int RATE = PcmAudio.STANDARD_RATE;
    private final ScoreGenerator generator = new ScoreGenerator();

    @Test
    void exactLengthStereoAndSameSeedSameMusic() {
        PcmAudio a = generator.generate(Mood.TENDER, 7.3, 11);
        PcmAudio b = generator.generate(Mood.TENDER, 7.3, 11);
        PcmAudio c = generator.generate(Mood.TENDER, 7.3, 12);
        assertEquals(2, a.channels());
        assertEquals(RATE, a.sampleRate());
        assertEquals(Math.round(7.3 * RATE), a.frames());
        assertArrayEquals(a.samples(), b.samples());
        assertFalse(java.util.Arrays.equals(a.samples(), c.samples()), "another seed must vary the music");
        assertEquals(ScoreGenerator.PEAK, a.peak(), 1e-4);
    }

    @Test
    void fadesInAndOutInsteadOfCutting() {
        PcmAudio music = generator.generate(Mood.JOYFUL, 12, 1);
        double start = rms(mono(music), 0, 0.05);
        double body = rms(mono(music), 4, 8);
        double end = rms(mono(music), 11.95, 12);
        assertTrue(body > 0.03, "music is audible: " + body);
        assertTrue(start < body / 20, "fade-in: " + start + " vs " + body);
        assertTrue(end < body / 20, "fade-out: " + end + " vs " + body);
    }

    @Test
    void joyIsMajorSadnessIsMinor() {
        double[] joy = thirds(mono(generator.generate(Mood.JOYFUL, 10, 3)), Mood.JOYFUL, 1.5, 7.5);
        double[] sad = thirds(mono(generator.generate(Mood.MELANCHOLIC, 10, 3)), Mood.MELANCHOLIC, 1.5, 7.5);
        assertTrue(joy[0] > 2 * joy[1], "joyful major third " + joy[0] + " vs minor third " + joy[1]);
        assertTrue(sad[1] > 2 * sad[0], "melancholic minor third " + sad[1] + " vs major third " + sad[0]);
    }

    @Test
    void scoreChangesKeyAndPaceAtTheEmotionTurn() {
        List<MoodSegment> arc = List.of(new MoodSegment(0, Mood.forEmotion(Emotion.JOY)),
                new MoodSegment(10, Mood.forEmotion(Emotion.SADNESS)));
        float[] music = mono(generator.generate(arc, 20, 5));
        double[] before = thirds(music, Mood.JOYFUL, 1.5, 9);
        double[] after = thirds(music, Mood.MELANCHOLIC, 13, 17.5);
        assertTrue(before[0] > 2 * before[1], "major before the turn: " + before[0] + " vs " + before[1]);
        assertTrue(after[1] > 2 * after[0], "minor after the turn: " + after[1] + " vs " + after[0]);

        List<Note> notes = Composer.compose(arc, 20, 5);
        double busyBefore = notes.stream().filter(n -> n.start() < 10 && isLead(n)).count() / 10.0;
        double busyAfter = notes.stream().filter(n -> n.start() > 12 && n.start() < 17.5 && isLead(n)).count() / 5.5;
        assertTrue(busyBefore > 1.8 * busyAfter, "joy is busier: " + busyBefore + " vs " + busyAfter + " notes/s");
        // the turn waits for the bar line: no melancholic note before 10 s, and it has arrived within one bar
        double joyBar = 4 * Mood.JOYFUL.profile().beatSeconds();
        assertTrue(notes.stream().filter(n -> n.instrument() == Instrument.PIANO).allMatch(n -> n.start() >= 10),
                "piano belongs to the melancholic part only");
        assertTrue(notes.stream().anyMatch(n -> n.instrument() == Instrument.PIANO && n.start() < 10 + joyBar));
    }

    @Test
    void endsOnTheTonicOfTheLastMood() {
        List<Note> notes = Composer.compose(List.of(new MoodSegment(0, Mood.TENSE)), 15, 2);
        double lastStart = notes.stream().mapToDouble(Note::start).max().orElseThrow();
        int root = Mood.TENSE.profile().rootMidi();
        notes.stream().filter(n -> n.start() == lastStart && n.instrument() != Instrument.KICK
                        && n.instrument() != Instrument.HAT)
                .forEach(n -> {
                    int pc = Math.floorMod(n.midi() - root, 12);
                    assertTrue(pc == 0 || pc == 3 || pc == 7, "final chord note " + n.midi() + " not in the tonic");
                });
    }

    @Test
    void moodNamesParseAndUnknownOnesListTheKnown() {
        assertEquals(Mood.MELANCHOLIC, Mood.parse("melancholic piano"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mood.parse("polka"));
        assertTrue(e.getMessage().contains("joyful") && e.getMessage().contains("tense"), e.getMessage());
    }

    @Test
    void aMinuteOfScoreHasExactlyItsLengthAndLogsItsTime() {
        long t0 = System.nanoTime();
        PcmAudio music = generator.generate(List.of(new MoodSegment(0, Mood.JOYFUL),
                new MoodSegment(30, Mood.MELANCHOLIC)), 60, 9);
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.info("60 s of score generated in {} s", String.format(java.util.Locale.ROOT, "%.2f", seconds));
        assertEquals(60 * RATE, music.frames());
    }

    private static boolean isLead(Note n) {
        return n.instrument() == Instrument.PLUCK || n.instrument() == Instrument.PIANO;
    }

    /** Energy of the major and minor third above the mood's root, summed over four octaves (Goertzel). */
    static double[] thirds(float[] mono, Mood mood, double from, double to) {
        int root = mood.profile().rootMidi();
        double major = 0;
        double minor = 0;
        for (int octave = -2; octave <= 1; octave++) {
            major += goertzel(mono, midiToHz(root + 4 + 12 * octave), from, to);
            minor += goertzel(mono, midiToHz(root + 3 + 12 * octave), from, to);
        }
        return new double[] {major, minor};
    }

    static double midiToHz(int midi) {
        return 440 * Math.pow(2, (midi - 69) / 12.0);
    }

    static double goertzel(float[] x, double freq, double from, double to) {
        int a = (int) (from * RATE);
        int b = Math.min(x.length, (int) (to * RATE));
        double coeff = 2 * Math.cos(2 * Math.PI * freq / RATE);
        double s1 = 0;
        double s2 = 0;
        for (int i = a; i < b; i++) {
            double s = x[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return (s1 * s1 + s2 * s2 - coeff * s1 * s2) / ((double) (b - a) * (b - a));
    }

    static float[] mono(PcmAudio stereo) {
        float[] s = stereo.samples();
        float[] m = new float[stereo.frames()];
        for (int i = 0; i < m.length; i++) {
            m[i] = (s[2 * i] + s[2 * i + 1]) * 0.5f;
        }
        return m;
    }

    static double rms(float[] x, double from, double to) {
        int a = (int) (from * RATE);
        int b = Math.min(x.length, (int) (to * RATE));
        double sum = 0;
        for (int i = a; i < b; i++) {
            sum += x[i] * (double) x[i];
        }
        return Math.sqrt(sum / Math.max(1, b - a));
    }
}
