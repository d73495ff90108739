package ai.gaga;

import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.scene.Voice;
import ai.gaga.voice.LineSpeaker;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.Utterance;

import ai.gaga.audio.PcmAudio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The voice stage: each line's speech, from its voice's engine or from the user's recording. While planning, a line
 * whose engine can time speech without speaking it is only timed; the render then speaks exactly those lines, once.
 */
final class Voicing {
    private static final Logger LOG = LoggerFactory.getLogger(Voicing.class);
    private final Services services;

    Voicing(Services services) {
        this.services = services;
    }

    /** Speech of every line (in {@link Scene#lines()} order) in the voices chosen by the direction. */
    Spoken voice(Scene scene, List<Voice> voices, boolean timeWherePossible, RenderRun.Steps steps) {
        List<Line> lines = scene.lines();
        List<Utterance> out = new ArrayList<>(lines.size());
        BitSet timedOnly = new BitSet();
        for (int i = 0; i < lines.size(); i++) {
            steps.speaking(i, lines.size());
            Line line = lines.get(i);
            if (line.recorded().isPresent()) {
                out.add(services.recordingReader().read(line.recorded().get()));
                continue;
            }
            SpeechEngine engine = services.speechEngine(voices.get(i));
            if (timeWherePossible && engine.timesWithoutSpeaking()) {
                out.add(LineSpeaker.time(engine, line, voices.get(i)));
                timedOnly.set(i);
            } else {
                out.add(LineSpeaker.speak(engine, line, voices.get(i)));
            }
        }
        return new Spoken(out, timedOnly);
    }

    /** The plan with every line it holds as timing only spoken. */
    RenderPlan complete(RenderPlan plan, RenderRun.Steps steps) {
        List<Line> lines = plan.scene().lines();
        RenderPlan voiced = plan;
        for (int i = 0; i < lines.size(); i++) {
            if (!plan.isTimingOnly(i)) {
                continue;
            }
            steps.speaking(i, lines.size());
            SpeechEngine engine = services.speechEngine(plan.voice(i));
            Utterance spoken = LineSpeaker.speak(engine, lines.get(i), plan.voice(i));
            voiced = voiced.withSpeech(i, fitted(spoken, plan.utterances().get(i), lines.get(i)));
        }
        return voiced;
    }

    /**
     * The speech cut or padded to the length it was planned at, with the plan's timing, should an engine's speech
     * differ from its own timing (it must not; the plan and the render then still agree frame for frame).
     */
    private static Utterance fitted(Utterance spoken, Utterance timed, Line line) {
        if (spoken.audio().frames() == timed.audio().frames()) {
            return spoken;
        }
        LOG.warn("The {} engine spoke \"{}\" in {} samples but timed it at {}; fitting it to the plan",
                spoken.engine(), line.text(), spoken.audio().frames(), timed.audio().frames());
        PcmAudio a = spoken.audio();
        PcmAudio audio = new PcmAudio(Arrays.copyOf(a.samples(), timed.audio().frames() * a.channels()),
                a.sampleRate(), a.channels());
        return new Utterance(audio, timed.phones(), spoken.engine(), timed.visemes(), timed.words());
    }

    /** Each line's speech, and which of them are timing only. */
    record Spoken(List<Utterance> utterances, BitSet timedOnly) {
    }
}
