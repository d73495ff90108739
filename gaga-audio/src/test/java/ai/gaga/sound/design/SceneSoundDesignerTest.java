package ai.gaga.sound.design;

import ai.gaga.InvalidSceneException;
import ai.gaga.audio.processing.Ebur128;
import ai.gaga.audio.processing.LoudnessNormalizer;
import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Scene;
import ai.gaga.sound.mix.Mix;
import ai.gaga.sound.mix.SoundMixer;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelinePlanner;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneSoundDesignerTest {
    private static final int RATE = PcmAudio.STANDARD_RATE;
    private static final Path PHOTO = Path.of("maya.jpg");

    @TempDir
    Path dir;

    /** A voice-like utterance: syllable bursts of a harmonic tone. */
    private static Utterance speech(double seconds) {
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) RATE;
            double env = Math.max(0, Math.sin(2 * Math.PI * 3 * t));
            x[i] = (float) (0.5 * env * (Math.sin(2 * Math.PI * 190 * t) + 0.4 * Math.sin(2 * Math.PI * 570 * t)));
        }
        return new Utterance(new PcmAudio(x, RATE, 1), List.of(new PhoneTiming("a", 0, seconds)), "test");
    }

    private static Timeline plan(Scene scene, double... seconds) {
        List<Utterance> u = new ArrayList<>();
        for (double s : seconds) {
            u.add(speech(s));
        }
        return new TimelinePlanner().plan(scene, u);
    }

    private static Timeline silentPlan(Scene scene, double... seconds) {
        List<Utterance> u = new ArrayList<>();
        for (double s : seconds) {
            u.add(new Utterance(PcmAudio.silence(s, RATE, 1), List.of(new PhoneTiming("_", 0, s)), "test"));
        }
        return new TimelinePlanner().plan(scene, u);
    }

    @Test
    void rainySadSceneHasDuckedMusicAudibleRainAndTargetLoudness() throws Exception {
        Scene scene = Scene.parse(String.join("\n", "EXT. STATION - NIGHT", "[music: melancholic] [ambience: rain]",
                "", "MAYA", "(sad)", "I have to go.", "", "[pause 3s]", "", "MAYA", "Goodbye.", ""),
                Map.of("MAYA", PHOTO));
        Timeline timeline = plan(scene, 3, 2);
        Mix mix = new SceneSoundDesigner().mixStems(scene, timeline);
        double speechStart = timeline.entries().get(0).start();
        double gapStart = timeline.entries().get(0).end();

        double musicInSpeech = rms(mix.music(), speechStart + 0.8, speechStart + 2.6);
        double musicInGap = rms(mix.music(), gapStart + 1.2, gapStart + 2.8);
        double dialogue = rms(mix.dialogue(), speechStart + 0.8, speechStart + 2.6);
        // the same music without anyone speaking (silent lines of the same lengths) is the undocked reference;
        // comparing speech and gap windows of both cancels the music's own ups and downs and the normalisation gain
        Mix quiet = new SceneSoundDesigner().mixStems(scene, silentPlan(scene, 3, 2));
        double ducking = db(rms(quiet.music(), speechStart + 0.8, speechStart + 2.6) / musicInSpeech)
                - db(rms(quiet.music(), gapStart + 1.2, gapStart + 2.8) / musicInGap);
        // syllable gaps let the side-chain release a little, so the average dip is below the full DUCK_DB
        assertTrue(ducking > SoundMixer.DUCK_DB / 2 && ducking <= SoundMixer.DUCK_DB + 0.5,
                "music ducked under speech by " + ducking + " dB");
        assertTrue(db(dialogue / musicInSpeech) >= 10, "music 10 dB under dialogue: " + db(dialogue / musicInSpeech));
        assertTrue(rms(mix.effects(), gapStart + 1.2, gapStart + 2.8) > 0.005, "rain audible in the pause");

        double[] loudness = Ebur128.measure(mix.master(), dir);
        assertEquals(LoudnessNormalizer.DEFAULT_LUFS, loudness[0], 1.0, "integrated loudness");
        assertTrue(loudness[1] <= -1.0, "true peak " + loudness[1]);
        assertEquals(Math.round(timeline.durationSeconds() * RATE), mix.master().frames());
    }

    @Test
    void joyfulAndSadScenesGetDifferentScores() {
        Scene joy = Scene.parse("[music: joyful]\n\nMAYA\n(happy)\nWhat a day!\n\n[pause 6s]\n", Map.of("MAYA", PHOTO));
        Scene sad = Scene.parse("[music: melancholic]\n\nMAYA\n(sad)\nWhat a day.\n\n[pause 6s]\n",
                Map.of("MAYA", PHOTO));
        Mix a = new SceneSoundDesigner().mixStems(joy, plan(joy, 2));
        Mix b = new SceneSoundDesigner().mixStems(sad, plan(sad, 2));
        assertTrue(rms(a.music(), 3, 7) > 0.001 && rms(b.music(), 3, 7) > 0.001, "both have music");
        assertTrue(correlation(a.music(), b.music(), 3, 7) < 0.3, "different music");
    }

    @Test
    void aSceneHeadingThatNamesRainBringsRain() {
        Scene scene = Scene.parse("EXT. STREET - NIGHT - RAIN\n\nMAYA\nHello.\n\n[pause 3s]\n", Map.of("MAYA", PHOTO));
        Mix mix = new SceneSoundDesigner().mixStems(scene, plan(scene, 1));
        assertTrue(rms(mix.effects(), 1.5, 3.5) > 0.005, "rain from the heading");
        assertEquals(0.0, rms(mix.music(), 0, 3), 1e-9, "no music unless asked");
    }

    @Test
    void unknownMoodOrEffectNamesTheKnownOnes() {
        Scene polka = Scene.parse("[music: polka]\n\nMAYA\nHi.\n", Map.of("MAYA", PHOTO));
        InvalidSceneException e = assertThrows(InvalidSceneException.class,
                () -> new SceneSoundDesigner().mix(polka, plan(polka, 1)));
        assertTrue(e.getMessage().contains("polka") && e.getMessage().contains("melancholic"), e.getMessage());
        Scene moo = Scene.parse("MAYA\nHi.\n\n[sfx: moo]\n\n[pause 1s]\n", Map.of("MAYA", PHOTO));
        e = assertThrows(InvalidSceneException.class, () -> new SceneSoundDesigner().mix(moo, plan(moo, 1)));
        assertTrue(e.getMessage().contains("moo") && e.getMessage().contains("thunder"), e.getMessage());
    }

    private static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    static double rms(PcmAudio a, double from, double to) {
        float[] s = a.samples();
        int i0 = Math.max(0, (int) (from * RATE) * 2);
        int i1 = Math.min(s.length, (int) (to * RATE) * 2);
        double sum = 0;
        for (int i = i0; i < i1; i++) {
            sum += s[i] * (double) s[i];
        }
        return Math.sqrt(sum / Math.max(1, i1 - i0));
    }

    static double correlation(PcmAudio a, PcmAudio b, double from, double to) {
        int i0 = (int) (from * RATE) * 2;
        int i1 = Math.min(Math.min(a.samples().length, b.samples().length), (int) (to * RATE) * 2);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = i0; i < i1; i++) {
            ab += a.samples()[i] * (double) b.samples()[i];
            aa += a.samples()[i] * (double) a.samples()[i];
            bb += b.samples()[i] * (double) b.samples()[i];
        }
        return Math.abs(ab / Math.sqrt(aa * bb));
    }

    /** A 1 kHz tone file made by the ffmpeg command: the user's "music". */
    private Path toneFile(String name, double seconds, int hz) throws Exception {
        Path out = dir.resolve(name);
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=" + hz + ":sample_rate=44100:duration=" + seconds, out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        return out;
    }

    @Test
    void userMusicAndEffectFilesPlayInsteadOfGeneratedSound() throws Exception {
        Path song = toneFile("song.mp3", 2.0, 1000);
        Path knock = toneFile("knock.wav", 0.3, 2500);
        // the script names the files relative to its own folder
        Path script = java.nio.file.Files.writeString(dir.resolve("scene.fountain"), String.join("\n",
                "[music: song.mp3]", "", "MAYA", "Hello there, my friend.", "", "[sfx: knock.wav]", "", "MAYA",
                "Who is it?", ""));
        Scene scene = Scene.parse(script, Map.of("MAYA", PHOTO));
        Timeline timeline = plan(scene, 3, 2);
        Mix mix = new SceneSoundDesigner().mixStems(scene, timeline);
        // the 2 s song loops under all 5+ seconds: the music stem is a 1 kHz tone throughout
        for (double t = 0.5; t < timeline.durationSeconds() - 3; t += 1.0) {
            assertTrue(rms(mix.music(), t, t + 0.5) > 1e-3, "music playing at " + t + " s");
            assertEquals(1000, zeroCrossingHz(mix.music(), t, t + 0.5), 20, "the song's pitch at " + t + " s");
        }
        double knockAt = timeline.cues().stream().filter(c -> c.element() instanceof ai.gaga.scene.SoundCue s
                && s.kind() == ai.gaga.scene.SoundCue.Kind.SFX).findFirst().orElseThrow().start();
        assertTrue(rms(mix.effects(), knockAt + 0.05, knockAt + 0.25) > 1e-3, "the knock plays at its cue");
        assertEquals(2500, zeroCrossingHz(mix.effects(), knockAt + 0.05, knockAt + 0.25), 50, "the knock's pitch");
        assertTrue(rms(mix.effects(), knockAt + 0.5, knockAt + 1.0) < 1e-4, "and only once");

        Scene missing = Scene.builder().actor("MAYA", PHOTO).music(dir.resolve("gone.mp3")).says("Hi.").build();
        InvalidSceneException e = assertThrows(InvalidSceneException.class,
                () -> new SceneSoundDesigner().mixStems(missing, plan(missing, 1)));
        assertTrue(e.getMessage().contains("gone.mp3"), e.getMessage());
    }

    @Test
    void loudnessTargetIsTheDesignersSetting() throws Exception {
        Scene scene = Scene.parse(String.join("\n", "[music: joyful]", "", "MAYA", "(joyful)", "What a day!", ""),
                Map.of("MAYA", PHOTO));
        Timeline timeline = plan(scene, 4);
        PcmAudio quiet = new SceneSoundDesigner(-23).mix(scene, timeline);
        assertEquals(-23, Ebur128.measure(quiet, dir)[0], 0.5, "EBU broadcast target");
        ai.gaga.sound.Soundtrack st = new SceneSoundDesigner(-14).design(scene, timeline);
        assertEquals(-14, Ebur128.measure(st.master(), dir)[0], 0.5, "louder platform target");
        assertEquals(List.of("dialogue", "music", "effects"), List.copyOf(st.stems().keySet()));
        // the stems sum to the master
        float[] sum = new float[st.master().samples().length];
        st.stems().values().forEach(p -> {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p.samples()[i];
            }
        });
        double err = 0;
        for (int i = 0; i < sum.length; i++) {
            err = Math.max(err, Math.abs(sum[i] - st.master().samples()[i]));
        }
        assertTrue(err < 0.02, "stems sum to the master within " + err);
    }

    private static double zeroCrossingHz(PcmAudio a, double from, double to) {
        int i0 = (int) (from * RATE);
        int i1 = (int) (to * RATE);
        int crossings = 0;
        for (int i = i0 + 1; i < i1; i++) {
            if ((a.samples()[2 * (i - 1)] < 0) != (a.samples()[2 * i] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / (to - from);
    }
}
