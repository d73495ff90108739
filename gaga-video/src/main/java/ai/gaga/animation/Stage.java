package ai.gaga.animation;

import ai.gaga.scene.Actor;
import ai.gaga.scene.Beat;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * What one actor's performance depends on: their own lines, everybody else's lines, the cues, and the frame grid.
 * Built once per animator.
 */
final class Stage {
    final Scene scene;
    final Timeline timeline;
    final String actor;
    /** Index of the actor in the scene (for the side another actor stands on). */
    final int actorIndex;
    final int fps;
    final int frames;
    final List<TimelineEntry> own;
    final List<TimelineEntry> others;
    /** 1 while the actor's own utterance is sounding (not in its silences), per frame. */
    final float[] ownSpeech;
    /** 1 while another actor's utterance is running and this one is not speaking, per frame. */
    final float[] listening;
    /** When the actor's own {@code [laughs]} and {@code [sighs]} happen, seconds. */
    final List<Double> laughs = new ArrayList<>();
    final List<Double> sighs = new ArrayList<>();

    Stage(Scene scene, Timeline timeline, String actor, int actorIndex, int fps) {
        this.scene = scene;
        this.timeline = timeline;
        this.actor = actor;
        this.actorIndex = actorIndex;
        this.fps = fps;
        this.frames = Math.max(1, timeline.frameCount(fps));
        List<TimelineEntry> mine = new ArrayList<>();
        List<TimelineEntry> theirs = new ArrayList<>();
        for (TimelineEntry e : timeline.entries()) {
            (e.line().actor().equalsIgnoreCase(actor) ? mine : theirs).add(e);
        }
        this.own = List.copyOf(mine);
        this.others = List.copyOf(theirs);
        this.ownSpeech = new float[frames];
        this.listening = new float[frames];
        for (int f = 0; f < frames; f++) {
            double t = Curves.time(f, fps);
            ownSpeech[f] = sounding(own, t) ? 1f : 0f;
        }
        for (TimelineEntry e : own) {
            int nth = 0;
            for (Beat b : e.line().beats().stream().sorted(java.util.Comparator.comparingInt(Beat::at)).toList()) {
                if (b.kind() != Beat.Kind.PAUSE) {
                    (b.kind() == Beat.Kind.LAUGH ? laughs : sighs).add(beatTime(e, b, nth++));
                }
            }
        }
        for (int f = 0; f < frames; f++) {
            double t = Curves.time(f, fps);
            listening[f] = ownSpeech[f] == 0f && covered(others, t) && !covered(own, t) ? 1f : 0f;
        }
    }

    double seconds() {
        return timeline.durationSeconds();
    }

    /** The index of an actor named in a direction, or -1. */
    int indexOf(String name) {
        List<Actor> actors = scene.actors();
        for (int i = 0; i < actors.size(); i++) {
            if (actors.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * When the {@code nth} laugh or sigh of a line is heard: the voice marks each with a {@code (laugh)} or
     * {@code (sigh)} phone; without one (another engine), at the end of the speech for a beat after the last word,
     * else where its place in the text is heard (word timings, or the same fraction of the audio as of the text).
     */
    private static double beatTime(TimelineEntry e, Beat b, int nth) {
        int seen = 0;
        for (ai.gaga.voice.PhoneTiming p : e.utterance().phones()) {
            if (p.phone().equals("(laugh)") || p.phone().equals("(sigh)")) {
                if (seen++ == nth) {
                    return e.start() + p.start();
                }
            }
        }
        String text = e.line().text();
        return b.at() >= text.length() ? e.end() : e.start() + e.utterance().timeOf(text, b.at());
    }

    private static boolean covered(List<TimelineEntry> entries, double t) {
        for (TimelineEntry e : entries) {
            if (e.covers(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sounding(List<TimelineEntry> entries, double t) {
        for (TimelineEntry e : entries) {
            if (e.covers(t)) {
                return e.utterance().visemes().at(t - e.start()) != ai.gaga.voice.viseme.OculusViseme.SIL;
            }
        }
        return false;
    }
}
