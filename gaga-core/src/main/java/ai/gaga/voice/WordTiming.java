package ai.gaga.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When one word of an utterance is heard. The words of a spoken line are the whitespace-separated words of its text,
 * in order (what subtitles show), each timed from its first phone to its last.
 *
 * @param word  the word as written in the text (punctuation attached)
 * @param start seconds from the start of the utterance
 * @param end   seconds from the start of the utterance, &gt;= start
 */
public record WordTiming(String word, double start, double end) {
    public WordTiming {
        Objects.requireNonNull(word, "word");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad word timing " + word + " " + start + ".." + end);
        }
    }

    public double duration() {
        return end - start;
    }

    /** The whitespace-separated words of a text, in order (empty for blank text). */
    public static List<String> words(String text) {
        String s = text.strip();
        return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
    }

    /**
     * Words as the runs of speech between silences, for engines whose phone timeline marks every word boundary
     * with a (possibly zero-length) silence, as Piper's does for the spaces of its phoneme string. Each word is
     * labelled with its phones joined.
     */
    public static List<WordTiming> runs(List<PhoneTiming> phones) {
        List<WordTiming> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        double start = 0;
        double end = 0;
        for (PhoneTiming p : phones) {
            if (p.isSilence()) {
                if (word.length() > 0) {
                    out.add(new WordTiming(word.toString(), start, end));
                    word.setLength(0);
                }
                continue;
            }
            if (word.length() == 0) {
                start = p.start();
            }
            word.append(p.phone());
            end = p.end();
        }
        if (word.length() > 0) {
            out.add(new WordTiming(word.toString(), start, end));
        }
        return List.copyOf(out);
    }

    /** Whether a word is spoken at all (has a letter or digit), rather than a lone dash or ellipsis. */
    static boolean spoken(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * The words of {@code text} timed in an utterance. When the engine timed as many words as the text has spoken
     * words, its times are kept and the text's spelling is used; otherwise (no timings, or an engine that reads
     * "42" as two words) the engine's words are joined where their letters spell the text's words (MaryTTS reads
     * "cannot" as "can" "not"), and failing that each word gets a share of the speech (the non-silent phones) in proportion to its letters.
     * Words without letters sit, with no length, where the speech before them ends.
     *
     * @param text     what was spoken
     * @param engine   the engine's word timings, possibly empty
     * @param phones   the utterance's phones
     * @param duration the utterance's length in seconds
     */
    public static List<WordTiming> fit(String text, List<WordTiming> engine, List<PhoneTiming> phones,
                                       double duration) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        long spokenCount = words.stream().filter(WordTiming::spoken).count();
        List<double[]> spans = new ArrayList<>(); // [start, end] of each spoken word
        if (engine.size() == spokenCount && spokenCount > 0) {
            for (WordTiming w : engine) {
                spans.add(new double[] {w.start(), w.end()});
            }
        } else {
            spans = byLetters(words, engine);
            if (spans == null) {
                spans = estimate(words, phones, duration);
            }
        }
        List<WordTiming> out = new ArrayList<>(words.size());
        int k = 0;
        double last = spans.isEmpty() ? 0 : spans.get(0)[0];
        for (String w : words) {
            if (spoken(w) && k < spans.size()) {
                double[] s = spans.get(k++);
                double start = Math.max(last, Math.min(s[0], duration));
                double end = Math.max(start, Math.min(s[1], duration));
                out.add(new WordTiming(w, start, end));
                last = end;
            } else {
                out.add(new WordTiming(w, last, last));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Spans of the text's spoken words made by joining consecutive engine words whose letters, run together, spell
     * each text word (case and punctuation ignored); null when they do not spell the text.
     */
    private static List<double[]> byLetters(List<String> words, List<WordTiming> engine) {
        if (engine.isEmpty()) {
            return null;
        }
        List<double[]> out = new ArrayList<>();
        int k = 0;
        for (String w : words) {
            if (!spoken(w)) {
                continue;
            }
            String target = normal(w);
            StringBuilder got = new StringBuilder();
            double start = k < engine.size() ? engine.get(k).start() : 0;
            double end = start;
            while (k < engine.size() && got.length() < target.length()) {
                got.append(normal(engine.get(k).word()));
                end = engine.get(k).end();
                k++;
            }
            if (!got.toString().equals(target)) {
                return null;
            }
            out.add(new double[] {start, end});
        }
        return k == engine.size() ? out : null;
    }

    private static String normal(String word) {
        StringBuilder sb = new StringBuilder();
        word.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /**
     * Spans of the spoken words spread over the speech by letters: the non-silent phones' time, or the whole
     * duration when there are no phones.
     */
    private static List<double[]> estimate(List<String> words, List<PhoneTiming> phones, double duration) {
        List<double[]> speech = new ArrayList<>();
        for (PhoneTiming p : phones) {
            if (p.isSilence() || p.duration() <= 0) {
                continue;
            }
            if (!speech.isEmpty() && p.start() - speech.get(speech.size() - 1)[1] < 1e-6) {
                speech.get(speech.size() - 1)[1] = p.end();
            } else {
                speech.add(new double[] {p.start(), p.end()});
            }
        }
        if (speech.isEmpty()) {
            speech.add(new double[] {0, duration});
        }
        double speechTime = speech.stream().mapToDouble(s -> s[1] - s[0]).sum();
        double letters = words.stream().filter(WordTiming::spoken).mapToInt(w -> letters(w)).sum();
        List<double[]> out = new ArrayList<>();
        double at = 0; // in speech time
        for (String w : words) {
            if (!spoken(w)) {
                continue;
            }
            double next = at + letters(w) / letters * speechTime;
            out.add(new double[] {real(at, speech, true), real(next, speech, false)});
            at = next;
        }
        return out;
    }

    private static int letters(String w) {
        return (int) Math.max(1, w.codePoints().filter(Character::isLetterOrDigit).count());
    }

    /** A speech-time instant in real time; a start on a boundary goes to the next stretch of speech. */
    private static double real(double u, List<double[]> speech, boolean start) {
        double acc = 0;
        for (int i = 0; i < speech.size(); i++) {
            double[] s = speech.get(i);
            double len = s[1] - s[0];
            if (u < acc + len - 1e-9 || (!start && u <= acc + len + 1e-9) || i == speech.size() - 1) {
                return Math.min(s[1], s[0] + Math.max(0, u - acc));
            }
            acc += len;
        }
        return speech.get(speech.size() - 1)[1];
    }
}
