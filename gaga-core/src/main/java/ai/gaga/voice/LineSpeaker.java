package ai.gaga.voice;

import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Beat;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import ai.gaga.scene.Line;
import ai.gaga.scene.Voice;
import ai.gaga.voice.viseme.OculusViseme;
import ai.gaga.voice.viseme.Viseme;
import ai.gaga.voice.viseme.VisemeTrack;

import ai.gaga.UnsupportedLanguageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Speaks a whole line, honouring what happens inside it: the text is cut at each beat and at each turn of its
 * {@link EmotionArc} (no pause there: the speech runs on), every piece is spoken with the line's delivery and the
 * emotion of the arc where it starts (the line's emotion when it does not turn), and the pieces are joined with what
 * the beats ask for: silence of the pause's length ({@code [pause 600ms]}, SSML breaks, {@code …}), or a synthesised
 * laugh or sigh ({@code [laughs]}, {@code [sighs]}) at the speech's own level. Pieces longer than {@link #MAX_PIECE} characters are split at clause boundaries, so no
 * engine meets an unbounded input. Phone timings and viseme tracks are shifted and joined to match. Works with any
 * {@link SpeechEngine}. The result always has word timings ({@link WordTiming#fit}).
 */
@ai.gaga.Internal
public final class LineSpeaker {
    /** Longest text handed to an engine at once (a few sentences). */
    public static final int MAX_PIECE = 240;
    /** Breath between the parts of a split long piece. */
    static final double SPLIT_GAP = 0.12;
    /** Silence kept on each side of a turn of the arc (the speech runs on, with a breath's worth of a gap). */
    static final double TURN_EDGE = 0.05;
    private static final int RATE = PcmAudio.STANDARD_RATE;
    private static final Logger LOG = LoggerFactory.getLogger(LineSpeaker.class);

    private LineSpeaker() {
    }

    /** The line's speech in the voice; audio mono at {@link PcmAudio#STANDARD_RATE} like every engine's. */
    public static Utterance speak(SpeechEngine engine, Line line, Voice voice) {
        return speak(v -> engine, line, single(line, voice), SpeechEngine::synthesize);
    }

    /**
     * The timing {@link #speak} gives the line (see {@link SpeechEngine#time}): same length, phones, words and
     * visemes; the speech itself may be silence, laughs and sighs are.
     */
    public static Utterance time(SpeechEngine engine, Line line, Voice voice) {
        return speak(v -> engine, line, single(line, voice), SpeechEngine::time);
    }

    /**
     * The line's speech for an actor whose voice is {@code actorVoice}: each run of the line's text in one writing
     * system is spoken in the voice of its language ({@link LineVoices#runs}), by the engine {@code engines} gives
     * for that voice, and the runs are joined as one line, speech running on between them. A run in another writing
     * system than the line's main one that no engine can speak is left out with a warning naming it; the main run
     * failing fails the line.
     */
    public static Utterance speakInVoices(Function<Voice, SpeechEngine> engines, Line line, Voice actorVoice) {
        return speak(engines, line, LineVoices.runs(actorVoice, line.text()), SpeechEngine::synthesize);
    }

    /** The timing {@link #speakInVoices} gives the line, as {@link #time} is to {@link #speak}. */
    public static Utterance timeInVoices(Function<Voice, SpeechEngine> engines, Line line, Voice actorVoice) {
        return speak(engines, line, LineVoices.runs(actorVoice, line.text()), SpeechEngine::time);
    }

    /** The line's speech, each of its {@link LineVoices#runs runs} in the run's voice (see {@link #speakInVoices}). */
    public static Utterance speak(Function<Voice, SpeechEngine> engines, Line line, List<LineVoices.Run> runs) {
        return speak(engines, line, runs, SpeechEngine::synthesize);
    }

    /** The timing {@link #speak(Function, Line, List)} gives the line. */
    public static Utterance time(Function<Voice, SpeechEngine> engines, Line line, List<LineVoices.Run> runs) {
        return speak(engines, line, runs, SpeechEngine::time);
    }

    private static List<LineVoices.Run> single(Line line, Voice voice) {
        return List.of(new LineVoices.Run(0, line.text().length(), voice, true));
    }

    private static Utterance speak(Function<Voice, SpeechEngine> engines, Line line, List<LineVoices.Run> runs,
                                   BiFunction<SpeechEngine, SpeechRequest, Utterance> say) {
        // the engine of every run; a foreign run nobody can speak is dropped with a warning, never silently
        Map<LineVoices.Run, SpeechEngine> engineOf = new HashMap<>();
        for (LineVoices.Run run : runs) {
            try {
                engineOf.put(run, engines.apply(run.voice()));
            } catch (UnsupportedLanguageException e) {
                if (run.main()) {
                    throw e;
                }
                LOG.warn("Line \"{}\": the words \"{}\" ({}) cannot be spoken and are left out: {}",
                        abbreviate(line.text()), abbreviate(line.text().substring(run.start(), run.end()).strip()),
                        run.voice().language(), e.getMessage());
            }
        }
        SpeechEngine mainEngine = engineOf.get(runs.stream().filter(LineVoices.Run::main).findFirst()
                .orElse(runs.get(0)));
        List<Beat> beats = new ArrayList<>(line.pauses());
        line.beats().stream().filter(b -> b.kind() != Beat.Kind.PAUSE).forEach(beats::add);
        List<Integer> turns = turns(line);
        List<Cut> cuts = new ArrayList<>();
        beats.forEach(b -> cuts.add(new Cut(b.at(), b)));
        turns.forEach(t -> cuts.add(new Cut(t, null)));
        // a change of writing system is a cut without a pause, like a turn: the speech runs on
        runs.stream().skip(1).forEach(r -> cuts.add(new Cut(r.start(), null)));
        cuts.sort(Comparator.comparingInt(Cut::at)); // stable: a beat before a turn at the same place
        if (cuts.isEmpty() && line.text().length() <= MAX_PIECE) {
            Voice voice = runs.get(0).voice();
            Utterance u = say.apply(mainEngine, request(line, line.text(), voice, line.emotion(),
                    line.intensity()));
            return u.withWords(WordTiming.fit(line.text(), u.words(), u.phones(), u.durationSeconds()));
        }
        java.util.Set<String> engineIds = new java.util.LinkedHashSet<>();
        // Speak every text piece first: laughs and sighs are made at the level of the line's speech.
        List<Object> parts = new ArrayList<>(); // Spoken, Double (silence seconds) or Beat (vocalisation)
        int from = 0;
        for (int i = 0; i <= cuts.size(); i++) {
            int to = i < cuts.size() ? Math.min(cuts.get(i).at(), line.text().length()) : line.text().length();
            String piece = line.text().substring(Math.min(from, to), to).strip();
            // The piece's own emotion where the line turns; a turn is a cut without a pause, so speech runs on.
            EmotionArc.Segment segment = turns.isEmpty() ? null : line.arc().at(Math.min(from, to)).orElse(null);
            Emotion emotion = segment == null ? line.emotion() : segment.emotion();
            double intensity = segment == null ? line.intensity() : segment.intensity();
            LineVoices.Run run = runAt(runs, Math.min(from, to));
            SpeechEngine engine = engineOf.get(run);
            List<String> chunks = engine == null ? List.of() : split(piece, MAX_PIECE);
            for (int c = 0; c < chunks.size(); c++) {
                if (c > 0) {
                    parts.add(SPLIT_GAP);
                }
                Utterance u = say.apply(engine, request(line, chunks.get(c), run.voice(), emotion, intensity));
                engineIds.add(engine.id());
                if (u.audio().channels() != 1 || u.audio().sampleRate() != RATE) {
                    throw new IllegalStateException("Engine " + engine.id() + " broke the contract: "
                            + u.audio() + " instead of mono " + RATE + " Hz");
                }
                parts.add(new Spoken(chunks.get(c), u));
            }
            if (i < cuts.size() && cuts.get(i).beat() != null) {
                Beat b = cuts.get(i).beat();
                parts.add(b.kind() == Beat.Kind.PAUSE ? (Object) (b.duration().toNanos() / 1e9) : b);
            }
            from = to;
        }
        tightenTurns(parts);
        double level = speechLevel(parts);

        List<float[]> pieces = new ArrayList<>();
        List<PhoneTiming> phones = new ArrayList<>();
        List<Viseme> visemes = new ArrayList<>();
        List<WordTiming> words = new ArrayList<>();
        long frames = 0;
        int beatIndex = 0;
        for (Object part : parts) {
            double offset = frames / (double) RATE;
            if (part instanceof Spoken spoken) {
                Utterance u = spoken.utterance();
                for (WordTiming w : WordTiming.fit(spoken.text(), u.words(), u.phones(), u.durationSeconds())) {
                    if (WordTiming.spoken(w.word())) {
                        words.add(new WordTiming(w.word(), w.start() + offset, w.end() + offset));
                    }
                }
                u.phones().forEach(p -> phones.add(new PhoneTiming(p.phone(), p.start() + offset, p.end() + offset)));
                visemes.addAll(Utterance.shifted(u.visemes(), offset));
                pieces.add(u.audio().samples());
                frames += u.audio().frames();
            } else if (part instanceof Double seconds) {
                int silence = (int) Math.round(seconds * RATE);
                phones.add(new PhoneTiming("_", offset, offset + silence / (double) RATE));
                pieces.add(new float[silence]);
                frames += silence;
            } else {
                Beat b = (Beat) part;
                Vocalizer.Vocalization v = Vocalizer.of(b.kind(), line.delivery(), level,
                        31L * line.text().hashCode() + beatIndex++);
                String symbol = b.kind() == Beat.Kind.LAUGH ? "(laugh)" : "(sigh)";
                phones.add(new PhoneTiming(symbol, offset, offset + v.seconds()));
                for (Viseme s : v.visemes()) {
                    visemes.add(new Viseme(s.shape(), s.start() + offset, s.end() + offset));
                }
                pieces.add(v.samples());
                frames += v.samples().length;
            }
        }
        float[] audio = new float[Math.toIntExact(frames)];
        int at = 0;
        for (float[] p : pieces) {
            System.arraycopy(p, 0, audio, at, p.length);
            at += p.length;
        }
        // Pauses are silence: VisemeTrack.of fills every gap between the pieces' tracks with SIL.
        double total = frames / (double) RATE;
        visemes.add(new Viseme(OculusViseme.SIL, total, total));
        String engineId = engineIds.isEmpty() ? mainEngine.id() : String.join("+", engineIds);
        return new Utterance(new PcmAudio(audio, RATE, 1), phones, engineId, VisemeTrack.of(visemes),
                WordTiming.fit(line.text(), words, phones, total));
    }

    /** The run holding text position {@code at}. */
    private static LineVoices.Run runAt(List<LineVoices.Run> runs, int at) {
        LineVoices.Run found = runs.get(0);
        for (LineVoices.Run r : runs) {
            if (r.start() <= at) {
                found = r;
            }
        }
        return found;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /**
     * Two pieces spoken back to back meet at a turn of the arc (chunks of a long piece are parted by
     * {@link #SPLIT_GAP}, beats by their sound): each engine pads its piece with silence at both ends (MaryTTS ends
     * every piece with a sentence pause, measured 0.4 s at a turn), which would be heard as a pause the line does
     * not have. Keep {@link #TURN_EDGE} of it on each side.
     */
    private static void tightenTurns(List<Object> parts) {
        for (int i = 0; i + 1 < parts.size(); i++) {
            if (parts.get(i) instanceof Spoken a && parts.get(i + 1) instanceof Spoken b) {
                Utterance ua = a.utterance();
                Utterance ub = b.utterance();
                parts.set(i, new Spoken(a.text(), clip(ua, 0, Math.min(ua.durationSeconds(),
                        speechEnd(ua) + TURN_EDGE))));
                parts.set(i + 1, new Spoken(b.text(), clip(ub, Math.max(0, speechStart(ub) - TURN_EDGE),
                        ub.durationSeconds())));
            }
        }
    }

    private static double speechStart(Utterance u) {
        return u.phones().stream().filter(p -> !p.isSilence()).mapToDouble(PhoneTiming::start).min().orElse(0);
    }

    private static double speechEnd(Utterance u) {
        return u.phones().stream().filter(p -> !p.isSilence()).mapToDouble(PhoneTiming::end).max()
                .orElse(u.durationSeconds());
    }

    /** The part of an utterance from {@code from} to {@code to} seconds, with faded edges, as one of its own. */
    static Utterance clip(Utterance u, double from, double to) {
        if (from <= 0 && to >= u.durationSeconds()) {
            return u;
        }
        int a = (int) Math.round(from * RATE);
        int b = Math.max(a, Math.min(u.audio().frames(), (int) Math.round(to * RATE)));
        float[] samples = java.util.Arrays.copyOfRange(u.audio().samples(), a, b);
        int fade = Math.min(samples.length / 2, RATE / 200); // 5 ms: the cut falls in near-silence, but not quite
        for (int i = 0; i < fade; i++) {
            float g = i / (float) fade;
            if (a > 0) {
                samples[i] *= g;
            }
            if (b < u.audio().frames()) {
                samples[samples.length - 1 - i] *= g;
            }
        }
        double start = a / (double) RATE;
        double end = b / (double) RATE;
        List<PhoneTiming> phones = new ArrayList<>();
        for (PhoneTiming p : u.phones()) {
            double s = Math.max(p.start(), start);
            double e = Math.min(p.end(), end);
            if (e > s || (e == s && !p.isSilence() && p.start() >= start && p.start() <= end)) {
                phones.add(new PhoneTiming(p.phone(), s - start, e - start));
            }
        }
        List<Viseme> visemes = new ArrayList<>();
        for (Viseme v : u.visemes().visemes()) {
            double s = Math.max(v.start(), start);
            double e = Math.min(v.end(), end);
            if (e > s) {
                visemes.add(new Viseme(v.shape(), s - start, e - start));
            }
        }
        visemes.add(new Viseme(OculusViseme.SIL, end - start, end - start));
        List<WordTiming> words = new ArrayList<>();
        for (WordTiming w : u.words()) {
            double s = Math.min(Math.max(w.start(), start), end);
            double e = Math.min(Math.max(w.end(), s), end);
            words.add(new WordTiming(w.word(), s - start, e - start));
        }
        return new Utterance(new PcmAudio(samples, RATE, 1), phones, u.engine(), VisemeTrack.of(visemes), words);
    }

    /** A place the text is cut: at a beat, or (beat null) at a turn of the line's emotion arc. */
    private record Cut(int at, Beat beat) {
    }

    /** A piece of text and its speech. */
    private record Spoken(String text, Utterance utterance) {
    }

    /**
     * Where the line's emotion turns: the start of each arc segment whose emotion differs from the one before it,
     * moved to the start of the word it falls in (a piece is never cut inside a word).
     */
    static List<Integer> turns(Line line) {
        List<EmotionArc.Segment> segments = line.arc().segments();
        List<Integer> out = new ArrayList<>();
        String text = line.text();
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).emotion() == segments.get(i - 1).emotion()) {
                continue;
            }
            int at = segments.get(i).start();
            while (at > 0 && !Character.isWhitespace(text.charAt(at - 1))) {
                at--;
            }
            if (at > 0 && text.substring(at).codePoints().anyMatch(Character::isLetterOrDigit)) {
                out.add(at);
            }
        }
        return out;
    }

    /** RMS of the spoken parts (a default when the line is only a laugh). */
    private static double speechLevel(List<Object> parts) {
        double sum = 0;
        long n = 0;
        for (Object p : parts) {
            if (p instanceof Spoken spoken) {
                Utterance u = spoken.utterance();
                for (float v : u.audio().samples()) {
                    sum += v * (double) v;
                }
                n += u.audio().samples().length;
            }
        }
        return n == 0 ? 0.08 : Math.sqrt(sum / n);
    }

    /**
     * Pieces of at most {@code max} characters, cut after the last clause punctuation that fits (sentence ends
     * first, then commas and semicolons, in Latin and CJK forms), else at a space, else hard. Pieces without a
     * letter or digit are dropped (nothing to say).
     */
    static List<String> split(String text, int max) {
        List<String> out = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = lastOf(rest, max, ".!?。！？…");
            if (cut < max / 3) {
                cut = Math.max(cut, lastOf(rest, max, ",;:，；：、"));
            }
            if (cut < max / 3) {
                cut = Math.max(cut, rest.lastIndexOf(' ', max));
            }
            if (cut < 1) {
                cut = max;
            }
            add(out, rest.substring(0, cut));
            rest = rest.substring(cut).strip();
        }
        add(out, rest);
        return out;
    }

    private static int lastOf(String s, int max, String marks) {
        for (int i = Math.min(max, s.length()) - 1; i > 0; i--) {
            if (marks.indexOf(s.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static void add(List<String> out, String piece) {
        String p = piece.strip();
        if (!p.isEmpty() && p.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(p);
        }
    }

    private static SpeechRequest request(Line line, String text, Voice voice, Emotion emotion, double intensity) {
        return new SpeechRequest(text, voice, emotion, intensity, line.delivery());
    }
}
