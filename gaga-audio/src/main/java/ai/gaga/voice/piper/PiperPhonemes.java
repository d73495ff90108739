package ai.gaga.voice.piper;

import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.espeak.EspeakPhonemizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Text to Piper phoneme ids, and phoneme-id durations back to phone timings. Piper's rules: espeak-ng IPA, decomposed
 * (NFD), one phoneme per code point; clause punctuation kept; ids are BOS {@code ^}, then every phoneme followed by the
 * pad {@code _}, then EOS {@code $}. Phonemes the voice's map lacks are dropped (as Piper does).
 */
final class PiperPhonemes {
    private PiperPhonemes() {
    }

    /**
     * One phoneme and the ids it becomes (its own ids plus the pad after it).
     *
     * @param symbol the phoneme code point ({@code ^}, {@code $} for the ends)
     * @param ids    its ids in the input
     */
    record Unit(String symbol, long[] ids) {
    }

    /** The phoneme string of a text: espeak-ng IPA with clause punctuation, decomposed to NFD as Piper does. */
    static String phonemize(String text, String espeakVoice) {
        return Normalizer.normalize(EspeakPhonemizer.ipaWithPunctuation(espeakVoice, text), Normalizer.Form.NFD);
    }

    /** The units of a phoneme string, with the voice's ids; unknown phonemes are counted into {@code missing}. */
    static List<Unit> units(String phonemes, PiperConfig config, Map<String, Integer> missing) {
        Map<String, long[]> map = config.phonemeIds();
        long[] pad = map.get(PiperConfig.PAD);
        List<Unit> units = new ArrayList<>();
        units.add(new Unit(PiperConfig.BOS, concat(map.get(PiperConfig.BOS), pad)));
        for (int i = 0; i < phonemes.length(); ) {
            int cp = phonemes.codePointAt(i);
            i += Character.charCount(cp);
            String symbol = new String(Character.toChars(cp));
            long[] ids = map.get(symbol);
            if (ids == null) {
                missing.merge(symbol, 1, Integer::sum);
                continue;
            }
            units.add(new Unit(symbol, concat(ids, pad)));
        }
        units.add(new Unit(PiperConfig.EOS, map.get(PiperConfig.EOS)));
        return units;
    }

    /** The flat id sequence of the units. */
    static long[] ids(List<Unit> units) {
        int n = units.stream().mapToInt(u -> u.ids().length).sum();
        long[] out = new long[n];
        int k = 0;
        for (Unit u : units) {
            for (long id : u.ids()) {
                out[k++] = id;
            }
        }
        return out;
    }

    /**
     * Phone timings from the samples each id lasts. Ends, spaces and punctuation become {@code _}; length marks,
     * diacritics, tied letters and stress marks join the phone before them, so {@code a} {@code ː} is one phone
     * {@code aː} and every phone starts where its own sound starts. Adjacent silences merge.
     */
    static List<PhoneTiming> timings(List<Unit> units, long[] samplesPerId, int sampleRate) {
        List<String> symbols = new ArrayList<>();
        List<long[]> spans = new ArrayList<>(); // [start, end) in samples
        long t = 0;
        int k = 0;
        boolean tied = false;
        for (Unit u : units) {
            long start = t;
            for (int i = 0; i < u.ids().length; i++) {
                t += samplesPerId[k++];
            }
            int cp = u.symbol().codePointAt(0);
            int last = symbols.size() - 1;
            if (cp == 'ˈ' || cp == 'ˌ') {
                // Stress is no sound: its (short) time goes to what precedes, so the stressed phone starts at its onset.
                if (last >= 0) {
                    spans.get(last)[1] = t;
                } else {
                    add(symbols, spans, "_", start, t);
                }
                continue;
            }
            boolean silence = u.symbol().equals(PiperConfig.BOS) || u.symbol().equals(PiperConfig.EOS)
                    || !(Character.isLetter(cp) || isMark(cp));
            if (silence) {
                add(symbols, spans, "_", start, t);
                tied = false;
            } else if ((isMark(cp) || tied) && last >= 0 && !symbols.get(last).equals("_")) {
                symbols.set(last, symbols.get(last) + u.symbol());
                spans.get(last)[1] = t;
                tied = cp == '\u0361' || cp == '\u035C';
            } else {
                symbols.add(u.symbol());
                spans.add(new long[] {start, t});
                tied = false;
            }
        }
        List<PhoneTiming> out = new ArrayList<>(symbols.size());
        for (int i = 0; i < symbols.size(); i++) {
            long[] s = spans.get(i);
            out.add(new PhoneTiming(symbols.get(i), s[0] / (double) sampleRate, s[1] / (double) sampleRate));
        }
        return out;
    }

    private static void add(List<String> symbols, List<long[]> spans, String symbol, long start, long end) {
        int last = symbols.size() - 1;
        if (last >= 0 && symbols.get(last).equals(symbol)) {
            spans.get(last)[1] = end;
        } else {
            symbols.add(symbol);
            spans.add(new long[] {start, end});
        }
    }

    /** Combining marks and modifier letters other than stress (ː ʰ ʲ ̃ …) modify the phone before them. */
    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.MODIFIER_LETTER
                || type == Character.MODIFIER_SYMBOL;
    }

    /** Counts of unknown phonemes, for a log line. */
    static String describe(Map<String, Integer> missing) {
        Map<String, Integer> sorted = new TreeMap<>(missing);
        return sorted.toString();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
