package ai.gaga.animation;

import ai.gaga.scene.Emotion;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Eyelid closure per frame (0 open, 1 closed). Blinks come at random (seeded) about {@link #REST_RATE} times a minute
 * at rest, less often while the actor speaks, more often when afraid; one in ten is a double blink; every big gaze
 * shift brings a blink. A blink closes in {@link #CLOSE} s and opens in {@link #OPEN} s; its closed instant falls on a
 * frame so that every blink shows fully closed eyes once. The clip opens and ends with open eyes ({@link
 * #CLEAR_START}, {@link #CLEAR_END}).
 */
final class Blinks {
    static final double REST_RATE = 17;
    static final double CLOSE = 0.07;
    static final double OPEN = 0.12;
    private static final double REFRACTORY = 0.6;
    private static final double DOUBLE_CHANCE = 0.1;
    /**
     * No blink is closed before this many seconds into the clip, nor in its last {@link #CLEAR_END} (one due then
     * comes just after or before): the first frame is the clip's poster (a player's thumbnail) and the last one is
     * held when it ends. Seen: with the default seed the look at the camera that opens a clip brought a blink at
     * 0.03 s, so clips of every photo opened with closed eyes.
     */
    static final double CLEAR_START = 0.5;
    static final double CLEAR_END = 0.3;

    final float[] closure;
    /** The closed instants, seconds, in order. */
    final List<Double> times = new ArrayList<>();

    Blinks(Stage stage, ExpressionTrack expression, Gaze gaze, Random random) {
        int frames = stage.frames;
        int fps = stage.fps;
        float[] speaking = Curves.gaussian(stage.ownSpeech, 0.5 * fps);
        double duration = frames / (double) fps;
        double t = 0.2 + 1.8 * random.nextDouble();
        List<Double> planned = new ArrayList<>();
        while (t < duration) {
            planned.add(t);
            if (random.nextDouble() < DOUBLE_CHANCE) {
                t += 0.22 + 0.1 * random.nextDouble();
                planned.add(t);
            }
            int f = Math.min(frames - 1, (int) (t * fps));
            double rate = REST_RATE * (1 - 0.35 * speaking[f])
                    * (1 + 0.8 * expression.weight(Emotion.FEAR, f))
                    * (1 - 0.3 * expression.weight(Emotion.SURPRISE, f));
            double mean = Math.max(0.3, 60 / rate - REFRACTORY);
            t += REFRACTORY - mean * Math.log(1 - random.nextDouble());
        }
        for (double shift : gaze.bigShifts) {
            double at = shift + 0.03;
            if (planned.stream().noneMatch(p -> Math.abs(p - at) < 0.4)) {
                planned.add(at);
            }
        }
        planned.sort(Double::compare);
        closure = new float[frames];
        double last = Double.NEGATIVE_INFINITY;
        for (double p : planned) {
            // A blink due in the clip's first or last moments comes just after or before them instead.
            double at = duration - CLEAR_END > CLEAR_START
                    ? Math.max(CLEAR_START, Math.min(duration - CLEAR_END, p)) : -1;
            double peak = Math.round(at * fps) / (double) fps; // closed on a frame
            if (at < 0 || peak - last < 0.2) {
                continue;
            }
            times.add(peak);
            last = peak;
            int from = Math.max(0, (int) Math.floor((peak - CLOSE) * fps));
            int to = Math.min(frames - 1, (int) Math.ceil((peak + OPEN) * fps));
            for (int f = from; f <= to; f++) {
                double ft = Curves.time(f, fps);
                double c = ft <= peak ? Curves.smoothstep(1 - (peak - ft) / CLOSE)
                        : 1 - Curves.smoothstep((ft - peak) / OPEN);
                closure[f] = (float) Math.max(closure[f], c);
            }
        }
    }
}
