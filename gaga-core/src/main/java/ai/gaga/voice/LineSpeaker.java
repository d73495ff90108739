package ai.gaga.voice;

import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Beat;
import ai.gaga.scene.Line;
import ai.gaga.scene.Voice;
import ai.gaga.voice.viseme.OculusViseme;
import ai.gaga.voice.viseme.Viseme;
import ai.gaga.voice.viseme.VisemeTrack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Speaks a whole line, honouring what happens inside it: the text is cut at each beat, every piece is spoken with the
 * line's emotion and delivery, and the pieces are joined with what the beats ask for: silence of the pause's length
 * ({@code [pause 600ms]}, SSML breaks, {@code …}), or a synthesised laugh or sigh ({@code [laughs]}, {@code [sighs]})
 * at the speech's own level. Pieces longer than {@link #MAX_PIECE} characters are split at clause boundaries, so no
 * engine meets an unbounded input. Phone timings and viseme tracks are shifted and joined to match. Works with any
 * {@link SpeechEngine}.
 */
public final class LineSpeaker {
    /** Longest text handed to an engine at once (a few sentences). */
    public static final int MAX_PIECE = 240;
    /** Breath between the parts of a split long piece. */
    static final double SPLIT_GAP = 0.12;
    private static final int RATE = PcmAudio.STANDARD_RATE;

    private LineSpeaker() {
    }

    /** The line's speech in the voice; audio mono at {@link PcmAudio#STANDARD_RATE} like every engine's. */
    public static Utterance speak(SpeechEngine engine, Line line, Voice voice) {
        List<Beat> beats = new ArrayList<>(line.pauses());
        line.beats().stream().filter(b -> b.kind() != Beat.Kind.PAUSE).forEach(beats::add);
        beats.sort(Comparator.comparingInt(Beat::at));
        if (beats.isEmpty() && line.text().length() <= MAX_PIECE) {
            return engine.synthesize(request(line, line.text(), voice));
        }
        // Speak every text piece first: laughs and sighs are made at the level of the line's speech.
        List<Object> parts = new ArrayList<>(); // Utterance, Double (silence seconds) or Beat (vocalisation)
        int from = 0;
        for (int i = 0; i <= beats.size(); i++) {
            int to = i < beats.size() ? Math.min(beats.get(i).at(), line.text().length()) : line.text().length();
            String piece = line.text().substring(Math.min(from, to), to).strip();
            List<String> chunks = split(piece, MAX_PIECE);
            for (int c = 0; c < chunks.size(); c++) {
                if (c > 0) {
                    parts.add(SPLIT_GAP);
                }
                Utterance u = engine.synthesize(request(line, chunks.get(c), voice));
                if (u.audio().channels() != 1 || u.audio().sampleRate() != RATE) {
                    throw new IllegalStateException("Engine " + engine.id() + " broke the contract: "
                            + u.audio() + " instead of mono " + RATE + " Hz");
                }
                parts.add(u);
            }
            if (i < beats.size()) {
                Beat b = beats.get(i);
                parts.add(b.kind() == Beat.Kind.PAUSE ? (Object) (b.duration().toNanos() / 1e9) : b);
            }
            from = to;
        }
        double level = speechLevel(parts);

        List<float[]> pieces = new ArrayList<>();
        List<PhoneTiming> phones = new ArrayList<>();
        List<Viseme> visemes = new ArrayList<>();
        long frames = 0;
        int beatIndex = 0;
        for (Object part : parts) {
            double offset = frames / (double) RATE;
            if (part instanceof Utterance u) {
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
        return new Utterance(new PcmAudio(audio, RATE, 1), phones, engine.id(), VisemeTrack.of(visemes));
    }

    /** RMS of the spoken parts (a default when the line is only a laugh). */
    private static double speechLevel(List<Object> parts) {
        double sum = 0;
        long n = 0;
        for (Object p : parts) {
            if (p instanceof Utterance u) {
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

    private static SpeechRequest request(Line line, String text, Voice voice) {
        return new SpeechRequest(text, voice, line.emotion(), line.intensity(), line.delivery());
    }
}
