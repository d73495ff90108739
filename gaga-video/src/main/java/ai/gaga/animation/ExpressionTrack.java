package ai.gaga.animation;

import ai.gaga.scene.ActionCue;
import ai.gaga.scene.Emotion;
import ai.gaga.timeline.TimedCue;
import ai.gaga.timeline.TimelineEntry;

import java.util.List;

/**
 * How much of each emotion the face shows, per frame. A line's emotion is the target from {@link #LEAD} before it
 * starts until it ends (a line whose {@link ai.gaga.scene.EmotionArc arc} turns changes target {@link #LEAD} before
 * each turn is heard, see {@link ArcTimes}); it holds through a pause when the actor's next line has the same emotion, and otherwise fades
 * to neutral over {@link #RELAX}. While another actor speaks with feeling, the listener shows the
 * {@link EmotionShapes#mirror mirrored} emotion at {@link #LISTENER_SHARE} of its intensity after
 * {@link #REACTION_DELAY}. {@code [action: NAME smiles]} and {@code frowns} add a smile or a frown for
 * {@link #CUE_HOLD} s; a {@code [laughs]} in the actor's line, a broad smile for {@link #LAUGH_HOLD} s. The targets
 * are then eased with a zero-phase Gaussian (about 0.7 s wide), so a change starts slightly before the line and never
 * jumps.
 */
final class ExpressionTrack {
    static final double LEAD = 0.25;
    static final double HOLD_GAP = 8.0;
    static final double RELAX = 2.5;
    static final double LISTENER_SHARE = 0.4;
    static final double REACTION_DELAY = 0.6;
    static final double CUE_HOLD = 3.0;
    static final double LAUGH_HOLD = 1.2;
    private static final double EASE_SIGMA = 0.25;
    private static final Emotion[] EMOTIONS = Emotion.values();

    /** weights[emotion ordinal][frame], 0..1 (NEUTRAL stays 0: rest is the absence of the others). */
    final float[][] weights;

    ExpressionTrack(Stage stage) {
        int frames = stage.frames;
        int fps = stage.fps;
        float[][] own = new float[EMOTIONS.length][frames];
        boolean[] ownActive = new boolean[frames];
        List<TimelineEntry> lines = stage.own;
        for (int i = 0; i < lines.size(); i++) {
            TimelineEntry e = lines.get(i);
            TimelineEntry next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            // A line whose emotion turns (its arc) changes target at each turn, LEAD ahead like a new line.
            List<ArcTimes.Piece> pieces = ArcTimes.of(e);
            ArcTimes.Piece last = pieces.get(pieces.size() - 1);
            Emotion emotion = last.emotion();
            float intensity = last.intensity();
            double from = e.start() - LEAD;
            double to = e.end();
            double nextFrom = next == null ? Double.POSITIVE_INFINITY : next.start() - LEAD;
            boolean hold = next != null && ArcTimes.of(next).get(0).emotion() == emotion
                    && next.start() - to < HOLD_GAP;
            for (int f = 0; f < frames; f++) {
                double t = Curves.time(f, fps);
                if (t >= from && t < to) {
                    ArcTimes.Piece p = ArcTimes.at(pieces, t + LEAD);
                    own[p.emotion().ordinal()][f] = Math.max(own[p.emotion().ordinal()][f], p.intensity());
                    ownActive[f] = true;
                } else if (t >= to && t < nextFrom) {
                    float v = hold ? intensity : (float) (intensity * (1 - Curves.smoothstep((t - to) / RELAX)));
                    own[emotion.ordinal()][f] = Math.max(own[emotion.ordinal()][f], v);
                    ownActive[f] |= hold;
                }
            }
        }
        float[][] listen = new float[EMOTIONS.length][frames];
        for (TimelineEntry e : stage.others) {
            List<ArcTimes.Piece> pieces = ArcTimes.of(e);
            double from = e.start() + REACTION_DELAY;
            double to = e.end() + 0.3;
            for (int f = 0; f < frames; f++) {
                double t = Curves.time(f, fps);
                // the listener reacts to each turn of the speaker's arc after the same delay
                ArcTimes.Piece p = ArcTimes.at(pieces, t < to ? t - REACTION_DELAY : Double.POSITIVE_INFINITY);
                Emotion mirrored = EmotionShapes.mirror(p.emotion());
                if (mirrored == Emotion.NEUTRAL) {
                    continue;
                }
                float intensity = (float) (LISTENER_SHARE * p.intensity());
                float v = t < from ? 0f : t < to ? intensity
                        : (float) (intensity * (1 - Curves.smoothstep((t - to) / RELAX)));
                listen[mirrored.ordinal()][f] = Math.max(listen[mirrored.ordinal()][f], v);
            }
        }
        float[][] cued = cued(stage);
        weights = new float[EMOTIONS.length][];
        for (int k = 0; k < EMOTIONS.length; k++) {
            float[] target = new float[frames];
            for (int f = 0; f < frames; f++) {
                target[f] = Math.max(cued[k][f], ownActive[f] ? own[k][f] : Math.max(own[k][f], listen[k][f]));
            }
            weights[k] = Curves.gaussian(target, EASE_SIGMA * fps);
        }
        weights[Emotion.NEUTRAL.ordinal()] = new float[frames];
    }

    /** {@code [action: MAYA smiles]} / {@code frowns}: a smile (joy) or a frown (anger) held a few seconds. */
    private static float[][] cued(Stage stage) {
        float[][] cued = new float[EMOTIONS.length][stage.frames];
        for (TimedCue c : stage.timeline.cues()) {
            if (!(c.element() instanceof ActionCue cue)) {
                continue;
            }
            StageDirection.Kind kind = StageDirection.parse(cue, stage.actor).map(StageDirection::kind).orElse(null);
            Emotion e = kind == StageDirection.Kind.SMILE ? Emotion.JOY
                    : kind == StageDirection.Kind.FROWN ? Emotion.ANGER : null;
            if (e == null) {
                continue;
            }
            hold(stage, cued[e.ordinal()], c.start(), CUE_HOLD, e == Emotion.JOY ? 0.7f : 0.5f);
        }
        for (double laugh : stage.laughs) {
            hold(stage, cued[Emotion.JOY.ordinal()], laugh - 0.1, LAUGH_HOLD, 0.95f);
        }
        return cued;
    }

    /** Holds {@code intensity} from {@code start} for {@code hold} s, then relaxes. */
    private static void hold(Stage stage, float[] target, double start, double hold, float intensity) {
        for (int f = 0; f < stage.frames; f++) {
            double t = Curves.time(f, stage.fps) - start;
            float v = t < 0 ? 0f : t < hold ? intensity
                    : (float) (intensity * (1 - Curves.smoothstep((t - hold) / RELAX)));
            target[f] = Math.max(target[f], v);
        }
    }

    double weight(Emotion e, int frame) {
        return weights[e.ordinal()][frame];
    }
}
