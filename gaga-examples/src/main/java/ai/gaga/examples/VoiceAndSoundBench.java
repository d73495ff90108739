package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Voice;
import ai.gaga.sound.ambience.Ambience;
import ai.gaga.sound.ambience.AmbienceGenerator;
import ai.gaga.sound.music.Mood;
import ai.gaga.sound.music.MoodSegment;
import ai.gaga.sound.music.ScoreGenerator;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;

import java.util.List;
import java.util.Locale;

/**
 * The speech and sound parts of {@code gaga bench}: synthesis speed per voice after start-up (seconds of audio per
 * second of CPU wall time), and the time to generate 60 s of score and ambience.
 */
final class VoiceAndSoundBench {
    private static final String[][] LINES = {
            {"en-US", "The quick brown fox jumps over the lazy dog, and then it rests for a while."},
            {"en-US", "I never thought I would see you again, not after everything that happened here."},
            {"fr-FR", "Je dois partir maintenant, mais je reviendrai avant la fin de l'hiver."},
            {"de-DE", "Der Zug fährt in zehn Minuten ab, wir müssen uns beeilen."},
            {"es-ES", "No sé qué decir, todo ha cambiado desde que te fuiste."},
            {"zh-CN", "我今天很高兴见到你，我们好久没有见面了。"},
    };

    private VoiceAndSoundBench() {
    }

    static void speech(Gaga gaga) {
        System.out.println(String.format(Locale.ROOT, "%-7s %-9s %7s %8s %9s", "voice", "engine", "audio",
                "synth", "x realtime"));
        for (String[] l : LINES) {
            Voice voice = Voice.of(l[0]);
            gaga.speak(SpeechRequest.of(l[1], voice)); // warm-up: start-up is paid once per Gaga, not per line
            double audio = 0;
            long t0 = System.nanoTime();
            String engine = "?";
            for (int i = 0; i < 3; i++) {
                Utterance u = gaga.speak(new SpeechRequest(l[1], voice, i == 1 ? Emotion.JOY : Emotion.NEUTRAL,
                        i == 1 ? 0.7 : 0, ai.gaga.scene.Delivery.NORMAL));
                audio += u.durationSeconds();
                engine = u.engine();
            }
            double synth = (System.nanoTime() - t0) / 1e9;
            System.out.println(String.format(Locale.ROOT, "%-7s %-9s %6.2fs %7.2fs %9.1fx", l[0], engine, audio,
                    synth, audio / synth));
        }
        System.out.println("x realtime = seconds of speech per second of synthesis (3 lines per voice, after a"
                + " warm-up line)");
        System.out.println();
    }

    static void sound() {
        ScoreGenerator score = new ScoreGenerator();
        AmbienceGenerator ambience = new AmbienceGenerator();
        score.generate(Mood.parse("calm"), 5, 1); // warm-up (JIT)
        System.out.println(String.format(Locale.ROOT, "%-28s %8s", "60 s of", "seconds"));
        for (String mood : List.of("melancholic", "joyful", "tense")) {
            long t0 = System.nanoTime();
            PcmAudio a = score.generate(List.of(new MoodSegment(0, Mood.parse(mood)),
                    new MoodSegment(30, Mood.parse("calm"))), 60, 7);
            System.out.println(String.format(Locale.ROOT, "%-28s %8.2f", "score " + mood + " -> calm",
                    (System.nanoTime() - t0) / 1e9) + check(a));
        }
        for (String bed : List.of("rain", "city", "cafe")) {
            long t0 = System.nanoTime();
            PcmAudio a = ambience.generate(Ambience.parse(bed), 60, 7);
            System.out.println(String.format(Locale.ROOT, "%-28s %8.2f", "ambience " + bed,
                    (System.nanoTime() - t0) / 1e9) + check(a));
        }
        System.out.println();
    }

    private static String check(PcmAudio a) {
        return a.durationSeconds() < 59.9 ? "  (short: " + a.durationSeconds() + " s)" : "";
    }
}
