package ai.gaga.animation;

import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneElement;
import ai.gaga.timeline.TimedCue;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.viseme.OculusViseme;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scenes and hand-placed timelines for animation tests (no voices, no photos needed). */
final class Stages {
    static final Path PHOTO = Path.of("maya.jpg");

    private Stages() {
    }

    /** A scene builder with MAYA and LEO, seed 42, 25 fps. */
    static Scene.Builder twoActors() {
        return Scene.builder().actor("LEO", Path.of("leo.jpg")).actor("MAYA", PHOTO);
    }

    /** Places the scene's lines at the given start times with their utterances; cues at the given times. */
    static Timeline timeline(Scene scene, List<Utterance> utterances, double[] starts, double duration,
                             Object... cueTimes) {
        List<Line> lines = scene.lines();
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            entries.add(new TimelineEntry(lines.get(i), utterances.get(i), starts[i]));
        }
        List<TimedCue> cues = new ArrayList<>();
        for (int i = 0; i < cueTimes.length; i += 2) {
            cues.add(new TimedCue((SceneElement) cueTimes[i], ((Number) cueTimes[i + 1]).doubleValue()));
        }
        return new Timeline(entries, duration, cues);
    }

    /** About {@code seconds} of varied syllables with seeded loudness. */
    static Utterance talk(double seconds, long seed) {
        java.util.Random r = new java.util.Random(seed);
        OculusViseme[] consonants = {OculusViseme.PP, OculusViseme.DD, OculusViseme.KK, OculusViseme.SS,
                OculusViseme.NN, OculusViseme.FF, OculusViseme.RR};
        OculusViseme[] vowels = {OculusViseme.AA, OculusViseme.E, OculusViseme.I, OculusViseme.O, OculusViseme.U};
        Speech s = Speech.builder().silence(0.1);
        while (s.duration() < seconds - 0.4) {
            s.syllable(consonants[r.nextInt(consonants.length)], vowels[r.nextInt(vowels.length)],
                    0.1 + 0.6 * r.nextDouble());
        }
        return s.silence(0.1).build();
    }

    static double mean(float[] curve, int from, int to) {
        double sum = 0;
        for (int f = from; f < to; f++) {
            sum += curve[f];
        }
        return sum / (to - from);
    }

    static int frame(double seconds) {
        return (int) Math.round(seconds * 25);
    }
}
