package ai.gaga.animation;

import ai.gaga.scene.ActionCue;
import ai.gaga.timeline.TimedCue;
import ai.gaga.timeline.TimelineEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Where the eyes look, per frame: small saccades between fixations of 0.5 to 3 s (resting on the lens at the clip's
 * ends); a glance aside before some lines
 * (the speaker thinking); a slight turn towards whoever speaks; and the gaze that {@code [action: …]} cues ask for,
 * held a couple of seconds, with the head following big shifts. Records the big shifts, which come with a blink.
 */
final class Gaze {
    static final double CUE_HOLD = 2.5;
    private static final double SACCADE = 0.05;
    private static final double AVERSION_CHANCE = 0.35;

    final float[] x;
    final float[] y;
    /** Head rotation that follows the gaze shifts, degrees. */
    final float[] yaw;
    final float[] pitch;
    /** Start times of big shifts (seconds). */
    final List<Double> bigShifts = new ArrayList<>();
    /** Times of cued nods (seconds). */
    final List<Double> cuedNods = new ArrayList<>();

    private record Shift(double start, double end, double x, double y, double ramp, double headFollow) {
        double weight(double t) {
            return Curves.smoothstep((t - start) / ramp) * (1 - Curves.smoothstep((t - end) / ramp));
        }
    }

    Gaze(Stage stage, Random random) {
        int frames = stage.frames;
        x = new float[frames];
        y = new float[frames];
        yaw = new float[frames];
        pitch = new float[frames];
        fixations(stage, random);
        // Between fixations near the centre the eyes wander; at the clip's ends they rest on the lens.
        float[] idle = Curves.settle(frames, stage.fps);
        for (int f = 0; f < frames; f++) {
            x[f] *= idle[f];
            y[f] *= idle[f];
        }
        float[] bias = listenerBias(stage);
        for (int f = 0; f < frames; f++) {
            x[f] += bias[f];
        }
        List<Shift> shifts = new ArrayList<>();
        for (TimelineEntry e : stage.own) {
            if (random.nextDouble() < AVERSION_CHANCE) {
                double side = random.nextBoolean() ? 1 : -1;
                double up = random.nextBoolean() ? 0.1 + 0.2 * random.nextDouble() : -0.05 - 0.15 * random.nextDouble();
                double start = Math.max(0, e.start() - 0.45);
                shifts.add(new Shift(start, e.start() + 0.5 + 0.6 * random.nextDouble(),
                        side * (0.25 + 0.2 * random.nextDouble()), up, 0.18, 0.4));
            }
        }
        List<TimedCue> cues = stage.timeline.cues();
        for (int i = 0; i < cues.size(); i++) {
            if (!(cues.get(i).element() instanceof ActionCue cue)) {
                continue;
            }
            Optional<StageDirection> d = StageDirection.parse(cue, stage.actor);
            if (d.isEmpty()) {
                continue;
            }
            double start = cues.get(i).start();
            if (d.get().kind() == StageDirection.Kind.NOD) {
                cuedNods.add(start);
                continue;
            }
            if (!d.get().looks()) {
                continue;
            }
            double end = start + CUE_HOLD;
            for (int j = i + 1; j < cues.size(); j++) {
                if (cues.get(j).element() instanceof ActionCue next
                        && StageDirection.parse(next, stage.actor).filter(StageDirection::looks)
                        .isPresent()) {
                    end = Math.min(end, cues.get(j).start());
                    break;
                }
            }
            double[] target = target(d.get(), stage, random);
            shifts.add(new Shift(start, end, target[0], target[1], 0.3, 1.0));
        }
        shifts.sort(java.util.Comparator.comparingDouble(Shift::start));
        for (Shift s : shifts) {
            if (Math.hypot(s.x, s.y) > 0.3) {
                bigShifts.add(s.start);
            }
        }
        for (int f = 0; f < frames; f++) {
            double t = Curves.time(f, stage.fps);
            double gx = x[f];
            double gy = y[f];
            double hy = 0;
            double hp = 0;
            for (Shift s : shifts) {
                double w = s.weight(t);
                if (w > 0) {
                    gx += (s.x - gx) * w;
                    gy += (s.y - gy) * w;
                    hy += (s.x * 10 * s.headFollow - hy) * w;
                    hp += (s.y * 6 * s.headFollow - hp) * w;
                }
            }
            x[f] = (float) gx;
            y[f] = (float) gy;
            yaw[f] = (float) hy;
            pitch[f] = (float) hp;
        }
    }

    /** Fixations of 0.5 to 3 s near the centre, joined by quick saccades. */
    private void fixations(Stage stage, Random random) {
        double t = 0;
        double px = random.nextGaussian() * 0.05;
        double py = random.nextGaussian() * 0.03;
        double nx = px;
        double ny = py;
        double change = 0;
        int f = 0;
        while (f < stage.frames) {
            double ft = Curves.time(f, stage.fps);
            if (ft >= t) {
                px = nx;
                py = ny;
                nx = Curves.clamp(random.nextGaussian() * 0.07, -0.18, 0.18);
                ny = Curves.clamp(random.nextGaussian() * 0.04, -0.1, 0.1);
                change = t;
                t += 0.5 + 2.5 * random.nextDouble();
                continue;
            }
            double w = Curves.smoothstep((ft - change) / SACCADE);
            x[f] = (float) (px + (nx - px) * w);
            y[f] = (float) (py + (ny - py) * w);
            f++;
        }
    }

    /** A slight turn of the eyes towards another actor while they speak (left or right by cast order). */
    private static float[] listenerBias(Stage stage) {
        float[] bias = new float[stage.frames];
        for (TimelineEntry e : stage.others) {
            int other = stage.indexOf(e.line().actor());
            double side = other > stage.actorIndex ? 1 : -1;
            for (int f = 0; f < stage.frames; f++) {
                if (stage.listening[f] > 0 && e.covers(Curves.time(f, stage.fps))) {
                    bias[f] = (float) (0.12 * side);
                }
            }
        }
        return Curves.gaussian(bias, 0.2 * stage.fps);
    }

    /** Gaze target of a direction; GAZE_X positive is the actor's own left, which is screen right. */
    private static double[] target(StageDirection d, Stage stage, Random random) {
        return switch (d.kind()) {
            case LOOK_AWAY -> new double[] {(random.nextBoolean() ? 1 : -1) * 0.65, -0.1};
            case LOOK_DOWN -> new double[] {0, -0.6};
            case LOOK_UP -> new double[] {0, 0.55};
            case LOOK_LEFT -> new double[] {0.6, 0};
            case LOOK_RIGHT -> new double[] {-0.6, 0};
            case LOOK_AT -> {
                int other = stage.indexOf(d.target());
                if (other >= 0 && other != stage.actorIndex) {
                    yield new double[] {other > stage.actorIndex ? 0.45 : -0.45, 0};
                }
                if (List.of("camera", "lens", "us", "audience", "viewer").contains(d.target())) {
                    yield new double[] {0, 0};
                }
                yield new double[] {(random.nextBoolean() ? 1 : -1) * 0.45, 0};
            }
            case NOD, SMILE, FROWN -> new double[] {0, 0};
        };
    }
}
