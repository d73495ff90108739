package ai.gaga;

import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.scene.Voice;
import ai.gaga.voice.LineSpeaker;
import ai.gaga.voice.LineVoices;
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
        List<String> warnings = new ArrayList<>();
        BitSet timedOnly = new BitSet();
        for (int i = 0; i < lines.size(); i++) {
            steps.speaking(i, lines.size());
            Line line = lines.get(i);
            if (line.recorded().isPresent()) {
                out.add(services.recordingReader().read(line.recorded().get()));
                continue;
            }
            // a line that switches writing system speaks each run in its own language (issue 14)
            List<LineVoices.Run> runs = runs(scene, line, voices.get(i), warnings);
            try {
                if (timeWherePossible && runs.stream().allMatch(r -> canTime(r.voice()))) {
                    out.add(LineSpeaker.time(services::speechEngine, line, runs));
                    timedOnly.set(i);
                } else {
                    out.add(LineSpeaker.speak(services::speechEngine, line, runs));
                }
            } catch (ai.gaga.voice.NothingToSayException e) {
                throw unspeakable(i, line, e);
            }
        }
        return new Spoken(out, timedOnly, warnings);
    }

    /**
     * The line's runs of one writing system with their voices, the main one in the direction's voice; a run in
     * another writing system that no installed engine speaks is named in {@code warnings} (LineSpeaker leaves it out).
     */
    private List<LineVoices.Run> runs(Scene scene, Line line, Voice lineVoice, List<String> warnings) {
        Voice actorVoice = scene.actor(line.actor()).map(a -> a.voice()).orElse(Voice.DEFAULT);
        List<LineVoices.Run> runs = LineVoices.runs(actorVoice, lineVoice, line.text());
        for (LineVoices.Run r : runs) {
            if (!r.main() && !speaks(r.voice())) {
                String w = "The words \"" + line.text().substring(r.start(), r.end()).strip() + "\" in \""
                        + line.text() + "\" are not spoken: no installed voice speaks " + r.voice().language();
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            }
        }
        return runs;
    }

    private boolean speaks(Voice voice) {
        try {
            services.speechEngine(voice);
            return true;
        } catch (UnsupportedLanguageException e) {
            return false;
        }
    }

    private boolean canTime(Voice voice) {
        try {
            return services.speechEngine(voice).timesWithoutSpeaking();
        } catch (UnsupportedLanguageException e) {
            return true; // a run nobody speaks is left out either way
        }
    }

    /** A line its voice cannot pronounce, named as the user wrote it (1-based line number, actor). */
    private static InvalidSceneException unspeakable(int i, Line line, ai.gaga.voice.NothingToSayException e) {
        String text = line.text().length() <= 60 ? line.text() : line.text().substring(0, 57) + "...";
        return new InvalidSceneException("Line " + (i + 1) + " (" + line.actor() + ", \"" + text + "\"): "
                + e.getMessage() + "; write it in words of the line's language (digits and letters it reads)");
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
            Line line = lines.get(i);
            Utterance spoken;
            try {
                spoken = LineSpeaker.speak(services::speechEngine, line, runs(plan.scene(), line, plan.voice(i),
                        new ArrayList<>()));
            } catch (ai.gaga.voice.NothingToSayException e) {
                throw unspeakable(i, line, e);
            }
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

    /** Each line's speech, which of them are timing only, and the words no voice could speak. */
    record Spoken(List<Utterance> utterances, BitSet timedOnly, List<String> warnings) {
    }
}
