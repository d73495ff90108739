package ai.gaga;

import ai.gaga.direction.DirectedLine;
import ai.gaga.direction.DirectedScript;
import ai.gaga.direction.ScriptDirector;
import ai.gaga.render.CastMember;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneChecks;
import ai.gaga.scene.SceneElement;
import ai.gaga.scene.TagCue;
import ai.gaga.scene.Voice;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelinePlanner;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The planning half of the chain, each stage one value in and one out: cast (photos and faces) → direct (language,
 * voice, emotion, delivery per line) → voice (speech or its exact timing) → place (timeline, shots and grades at the
 * output rate) → {@link RenderPlan}.
 */
final class Planner {
    private static final ScriptDirector DIRECTOR = new ScriptDirector();

    private final Services services;
    private final Voicing voicing;
    private final boolean inferDirection;

    Planner(Services services, boolean inferDirection) {
        this.services = services;
        this.voicing = new Voicing(services);
        this.inferDirection = inferDirection;
    }

    Voicing voicing() {
        return voicing;
    }

    /**
     * The plan of {@code scene}.
     *
     * @param timeWherePossible only time the lines whose engine can (the render speaks them later); false speaks
     *                          every line now
     */
    RenderPlan plan(Scene scene, boolean timeWherePossible, RenderRun.Steps steps) {
        SceneChecks.check(scene); // photo files and length in milliseconds, before any model loads (issue 14)
        steps.enter(RenderStage.PHOTOS);
        List<CastMember> cast = services.performer().cast(scene);
        steps.checkCancelled();

        steps.enter(RenderStage.SPEECH);
        DirectedScript direction = DIRECTOR.direct(scene, inferDirection);
        Scene directed = inferDirection ? direction.applyTo(scene) : scene;
        List<Voice> voices = direction.lines().stream().map(DirectedLine::voice).toList();
        Voicing.Spoken spoken = voicing.voice(directed, voices, timeWherePossible, steps);
        steps.checkCancelled();

        steps.enter(RenderStage.TIMELINE);
        Timeline timeline = new TimelinePlanner().plan(directed, spoken.utterances(), cast);
        VideoFormat format = new VideoFormat(scene.resolution(), scene.fps(), timeline.frameCount(scene.fps()));
        Set<String> warnings = warnings(scene, cast);
        warnings.addAll(spoken.warnings());
        return new RenderPlan(directed, direction, cast, spoken.utterances(), spoken.timedOnly(), timeline, format,
                List.copyOf(warnings));
    }

    /** What the user should know about the photos and the script, once each, in order. */
    private static Set<String> warnings(Scene scene, List<CastMember> cast) {
        Set<String> out = new LinkedHashSet<>();
        for (CastMember m : cast) {
            m.warnings().forEach(w -> out.add(m.actor() + " (" + m.photo().getFileName() + "): " + w));
        }
        out.addAll(scene.scriptNotes());
        List<SceneElement> elements = scene.elements();
        int lastLine = -1;
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof ai.gaga.scene.Line) {
                lastLine = i;
            }
        }
        for (int i = 0; i < elements.size(); i++) {
            SceneElement e = elements.get(i);
            if (e instanceof TagCue tag) {
                out.add("The tag " + tag.toScript() + " is not one GAGA acts on; it is kept in the script and does "
                        + "nothing");
            } else if (e instanceof ai.gaga.scene.SoundCue sound && i > lastLine) {
                // Seen: the README's own example put .music(...).ambience(...) after its last line and was silent.
                out.add("[" + sound.kind().tag() + ": " + sound.description() + "] comes after the last line, where "
                        + "the scene ends, so it is not heard (at most in the last moment): put it before the line "
                        + "it should start with");
            }
        }
        return out;
    }
}
