package ai.gaga.animation;

import ai.gaga.scene.Emotion;
import ai.gaga.timeline.TimelineEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Head pose (degrees) and breathing, per frame: slow idle micro-motion (a degree or so of smooth seeded noise), a
 * livelier sway while speaking, nods on stressed syllables (peaks of the loudness envelope), occasional nods while
 * listening, cued nods, and a breathing cycle of about 4 s that quickens with fear and anger, paced by the actor's
 * own lines while speaking (in before a line, out through it); a laugh lifts the chin,
 * a sigh is a deep breath out with the head sinking. The idle wander rests at the clip's ends and the breath fits a
 * whole number of cycles, so a clip opens and closes on the same rest pose.
 */
final class HeadMotion {
    static final double BREATH_HZ = 0.25;
    /** Largest change of the breathing rate that fitting whole breaths into a clip may make (clips over ~10 s). */
    static final double MAX_BREATH_FIT = 0.2;
    private static final double STRESS = 0.85;
    /** Longest inhale before a line, seconds (a shorter pause gives a shorter, shallower one). */
    static final double INHALE = 0.6;
    /** After a line the rest of the breath is let out over this many seconds. */
    static final double LET_OUT = 1.2;
    /** Loudness under which the voice counts as silent, and the inner silence that ends a phrase, seconds. */
    static final double QUIET = 0.08;
    static final double PHRASE_BREAK = 0.2;
    /** Longest phrase spoken on one breath, seconds, and the catch breath that ends a longer one. */
    static final double LONGEST_PHRASE = 5.0;
    static final double CATCH = 0.4;
    /** The free breathing cycle fades into and out of the paced one over this many seconds. */
    private static final double FADE = 1.0;
    private static final double NOD_SPACING = 0.35;

    final float[] yaw;
    final float[] pitch;
    final float[] roll;
    final float[] breath;
    /** Pitch offsets of nods, laughs and sighs (degrees, negative = chin down). */
    final float[] nods;

    HeadMotion(Stage stage, LipSync lips, ExpressionTrack expression, Gaze gaze, Random random) {
        int frames = stage.frames;
        int fps = stage.fps;
        yaw = new float[frames];
        pitch = new float[frames];
        roll = new float[frames];
        breath = new float[frames];
        nods = new float[frames];
        SmoothNoise idleYaw = new SmoothNoise(random, 0.05, 0.25);
        SmoothNoise idlePitch = new SmoothNoise(random, 0.05, 0.25);
        SmoothNoise idleRoll = new SmoothNoise(random, 0.04, 0.2);
        SmoothNoise swayYaw = new SmoothNoise(random, 0.25, 0.6);
        SmoothNoise swayPitch = new SmoothNoise(random, 0.3, 0.7);
        SmoothNoise swayRoll = new SmoothNoise(random, 0.2, 0.5);
        float[] speaking = Curves.gaussian(stage.ownSpeech, 0.4 * fps);
        // Idle wander rests at the clip's ends (see Curves.settle); speech sway and nods come with the lines.
        float[] idle = Curves.settle(frames, fps);
        random.nextDouble(); // was the breath's random start phase: kept so the seeded draws after it stay the same
        double[] phase = breathPhase(expression, frames, fps);
        for (int f = 0; f < frames; f++) {
            double t = Curves.time(f, fps);
            double s = speaking[f];
            double i = idle[f];
            yaw[f] = (float) (1.2 * i * idleYaw.at(t) + 1.5 * s * swayYaw.at(t));
            pitch[f] = (float) (0.8 * i * idlePitch.at(t) + 0.6 * s * swayPitch.at(t));
            roll[f] = (float) (0.6 * i * idleRoll.at(t) + 1.0 * s * swayRoll.at(t));
            breath[f] = (float) (0.5 - 0.5 * Math.cos(phase[f]));
        }
        speechBreath(stage, lips, expression);
        speechNods(stage, lips, random);
        listenerNods(stage, random);
        for (double at : gaze.cuedNods) {
            nod(at + 0.25, 3.0, 0.5, fps);
            nod(at + 0.75, 2.0, 0.5, fps);
        }
        for (double at : stage.laughs) {
            laugh(at, fps);
        }
        for (double at : stage.sighs) {
            sigh(at, fps);
        }
        for (int f = 0; f < frames; f++) {
            pitch[f] += nods[f];
        }
    }

    /**
     * The breathing phase of each frame (radians, at the frame's middle). The rate quickens with fear and anger, so
     * the phase is an integral of the emotions played and would end the clip anywhere in the cycle; instead the
     * rate is scaled (by a few percent over a minute, at most {@link #MAX_BREATH_FIT}) to fit a whole number of
     * breaths, starting and ending exhaled, so the breath of the clip's last second mirrors that of its first.
     */
    private static double[] breathPhase(ExpressionTrack expression, int frames, int fps) {
        double[] step = new double[frames];
        double total = 0;
        for (int f = 0; f < frames; f++) {
            double hz = BREATH_HZ + 0.15 * Math.min(1, expression.weight(Emotion.FEAR, f)
                    + expression.weight(Emotion.ANGER, f));
            step[f] = 2 * Math.PI * hz / fps;
            total += step[f];
        }
        double cycles = Math.round(total / (2 * Math.PI));
        double scale = cycles * 2 * Math.PI / total;
        if (Math.abs(scale - 1) > MAX_BREATH_FIT) {
            scale = 1; // too short a clip to fit whole breaths without rushing or dragging them
        }
        double[] phase = new double[frames];
        double before = 0;
        for (int f = 0; f < frames; f++) {
            phase[f] = before + 0.5 * step[f] * scale;
            before += step[f] * scale;
        }
        return phase;
    }

    /**
     * Breathing paced by the actor's own speech, as a speaker breathes: a quick inhale in the pause before each phrase
     * (up to {@link #INHALE} s, shallower when the pause is shorter), a slow exhale through the phrase (talking is
     * breathing out) and the rest of the breath let out over {@link #LET_OUT} s after it. Phrases are the line's
     * stretches between its own silences of {@link #PHRASE_BREAK} s or more; a phrase that runs on past
     * {@link #LONGEST_PHRASE} s takes a quick catch breath at its quietest moment. The free cycle fades into and out of
     * it around the lines (and at the clip's very ends, which rest alike), and fear and anger, whose breathing is quick
     * and uncontrolled, keep most of their own faster cycle.
     */
    private void speechBreath(Stage stage, LipSync lips, ExpressionTrack expression) {
        int fps = stage.fps;
        int frames = breath.length;
        float[] speech = new float[frames];
        float[] weight = new float[frames];
        double previousEnd = Double.NEGATIVE_INFINITY;
        for (double[] p : phrases(stage, lips.loudness)) {
            double inhaleStart = p[0];
            double start = p[1];
            double end = p[2];
            double inhale = start - inhaleStart;
            int atInhale = Math.max(0, Math.min(frames - 1, (int) Math.round(inhaleStart * fps)));
            // the inhale starts from the breath as it stands there (the previous phrase's exhale, where it reaches)
            double from = breath[atInhale] + (speech[atInhale] - breath[atInhale]) * weight[atInhale];
            // a short pause gives a shallow breath: never faster than a deep one over the whole inhale time
            double peak = Math.min(Math.min(1, 0.5 + 0.5 * inhale / INHALE), from + inhale / INHALE);
            double breathedOut = peak * Math.max(0.2, 1 - (end - start) / 7);
            int first = Math.max(0, (int) Math.floor((inhaleStart - FADE) * fps));
            int last = Math.min(frames - 1, (int) Math.ceil((end + LET_OUT + FADE) * fps));
            for (int f = first; f <= last; f++) {
                double t = Curves.time(f, fps);
                double v;
                if (t < inhaleStart) {
                    v = from;
                } else if (t < start) {
                    v = from + (peak - from) * Curves.smoothstep((t - inhaleStart) / inhale);
                } else if (t < end) {
                    v = peak + (breathedOut - peak) * (t - start) / Math.max(1e-6, end - start);
                } else {
                    v = breathedOut * (1 - Curves.smoothstep((t - end) / LET_OUT));
                }
                double w = Curves.smoothstep((t - (inhaleStart - FADE)) / FADE)
                        * (1 - Curves.smoothstep((t - (end + LET_OUT)) / FADE));
                // from its inhale on a phrase owns the breath; before it, the previous phrase keeps what it holds more of
                if (t >= inhaleStart || w >= weight[f]) {
                    speech[f] = (float) v;
                    weight[f] = (float) w;
                }
            }
            previousEnd = end;
        }
        if (previousEnd == Double.NEGATIVE_INFINITY) {
            return; // a silent actor breathes freely
        }
        // the clip's first and last moments keep the free cycle, so it opens and closes on the same rest
        float[] settle = Curves.settle(frames, fps);
        for (int f = 0; f < frames; f++) {
            double agitated = Math.min(1, expression.weight(Emotion.FEAR, f) + expression.weight(Emotion.ANGER, f));
            double w = weight[f] * settle[f] * (1 - 0.7 * agitated);
            breath[f] = (float) (breath[f] + (speech[f] - breath[f]) * w);
        }
    }

    /**
     * The actor's phrases in time order, each {inhale start, phrase start, phrase end} in seconds: each line split at
     * its inner silences (loudness under {@link #QUIET} for {@link #PHRASE_BREAK} s or more) and, where a phrase runs
     * past {@link #LONGEST_PHRASE} s, at its quietest frame between 70 and 100 % of that length (a catch breath of
     * {@link #CATCH} s taken while the voice dips).
     */
    static List<double[]> phrases(Stage stage, float[] loudness) {
        int fps = stage.fps;
        List<TimelineEntry> lines = new ArrayList<>(stage.own);
        lines.sort(Comparator.comparingDouble(TimelineEntry::start));
        List<double[]> spans = new ArrayList<>();
        for (TimelineEntry line : lines) {
            int f0 = Math.max(0, (int) Math.round(line.start() * fps));
            int f1 = Math.min(loudness.length, (int) Math.round(line.end() * fps));
            int breakFrames = Math.max(1, (int) Math.round(PHRASE_BREAK * fps));
            // the line's voiced extent: its leading and trailing silence belong to the pauses
            int a = f0;
            while (a < f1 && loudness[a] < QUIET) {
                a++;
            }
            int b = f1;
            while (b > a && loudness[b - 1] < QUIET) {
                b--;
            }
            if (a >= b) {
                continue;
            }
            int phraseStart = a;
            int quiet = 0;
            for (int f = a; f < b; f++) {
                if (loudness[f] < QUIET) {
                    quiet++;
                    continue;
                }
                if (quiet >= breakFrames) {
                    spans.add(new double[] {phraseStart / (double) fps, (f - quiet) / (double) fps});
                    phraseStart = f;
                }
                quiet = 0;
            }
            spans.add(new double[] {phraseStart / (double) fps, b / (double) fps});
        }
        List<double[]> out = new ArrayList<>();
        double previousEnd = 0;
        for (double[] span : spans) {
            double start = span[0];
            double end = span[1];
            double inhaleStart = start - Math.min(INHALE, Math.max(0, start - previousEnd));
            while (end - start > LONGEST_PHRASE) {
                // a catch breath where the voice is quietest late in the phrase
                int from = (int) Math.round((start + 0.7 * LONGEST_PHRASE) * fps);
                int to = Math.min(loudness.length - 1, (int) Math.round((start + LONGEST_PHRASE) * fps));
                int best = from;
                for (int f = from; f <= to; f++) {
                    if (loudness[f] < loudness[best]) {
                        best = f;
                    }
                }
                double at = best / (double) fps;
                out.add(new double[] {inhaleStart, start, at - CATCH});
                inhaleStart = at - CATCH;
                start = at;
            }
            out.add(new double[] {inhaleStart, start, end});
            previousEnd = end;
        }
        return out;
    }

    /** A nod on each stressed syllable: a local loudness peak well above the line's usual level. */
    private void speechNods(Stage stage, LipSync lips, Random random) {
        int fps = stage.fps;
        float[] loud = lips.loudness;
        int reach = Math.max(1, (int) Math.round(0.2 * fps));
        double last = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < loud.length; f++) {
            if (loud[f] < STRESS) {
                continue;
            }
            boolean peak = true;
            for (int k = Math.max(0, f - reach); k <= Math.min(loud.length - 1, f + reach) && peak; k++) {
                peak = loud[k] <= loud[f] && (k >= f || loud[k] < loud[f]);
            }
            double t = Curves.time(f, fps);
            if (peak && t - last >= NOD_SPACING) {
                last = t;
                if (random.nextDouble() < 0.65) {
                    nod(t - 0.03, Math.min(2.5, 1.2 + 3 * (loud[f] - STRESS)), 0.4, fps);
                }
            }
        }
    }

    /** Every few seconds while another actor speaks (and this one is silent), sometimes a nod. */
    private void listenerNods(Stage stage, Random random) {
        int fps = stage.fps;
        for (TimelineEntry e : stage.others) {
            double t = e.start() + 0.8 + 1.5 * random.nextDouble();
            while (t < e.end() - 0.4) {
                int f = Math.min(stage.frames - 1, (int) Math.round(t * fps));
                if (stage.listening[f] > 0 && random.nextDouble() < 0.6) {
                    double amplitude = 1.5 + random.nextDouble();
                    nod(t, amplitude, 0.6, fps);
                    if (random.nextDouble() < 0.3 && t + 0.55 < e.end() - 0.3) {
                        nod(t + 0.55, 0.7 * amplitude, 0.5, fps);
                    }
                }
                t += 2.5 + 2.5 * random.nextDouble();
            }
        }
    }

    /** A laugh: the chin lifts (2.5°) for about a second, shaken by small quick bounces. */
    private void laugh(double start, int fps) {
        for (int f = Math.max(0, (int) Math.floor(start * fps)); f < nods.length; f++) {
            double t = Curves.time(f, fps) - start;
            if (t > 1.4) {
                break;
            }
            double envelope = Math.sin(Math.PI * Curves.clamp(t / 1.4, 0, 1));
            nods[f] += (float) (envelope * (2.5 + 0.7 * Math.sin(2 * Math.PI * 4.5 * t)));
        }
    }

    /** A sigh: a deep breath in (0.6 s), out slowly (1.4 s) while the head sinks a little. */
    private void sigh(double start, int fps) {
        for (int f = Math.max(0, (int) Math.floor(start * fps)); f < nods.length; f++) {
            double t = Curves.time(f, fps) - start;
            if (t > 2.4) {
                break;
            }
            double deep = t < 0.6 ? Curves.smoothstep(t / 0.6) : 1 - Curves.smoothstep((t - 0.6) / 1.4);
            double weight = Curves.smoothstep(t / 0.3) * (1 - Curves.smoothstep((t - 2.0) / 0.4));
            breath[f] = (float) (breath[f] + (deep - breath[f]) * weight);
            nods[f] -= (float) (2.0 * (t < 0.6 ? 0 : Math.sin(Math.PI * Curves.clamp((t - 0.6) / 1.8, 0, 1))));
        }
    }

    /** Chin down by {@code degrees} at {@code centre} and back, a sin² bump {@code width} seconds wide. */
    private void nod(double centre, double degrees, double width, int fps) {
        int from = Math.max(0, (int) Math.floor((centre - width / 2) * fps));
        int to = Math.min(nods.length - 1, (int) Math.ceil((centre + width / 2) * fps));
        for (int f = from; f <= to; f++) {
            double u = (Curves.time(f, fps) - (centre - width / 2)) / width;
            if (u > 0 && u < 1) {
                double s = Math.sin(Math.PI * u);
                nods[f] -= (float) (degrees * s * s);
            }
        }
    }
}
