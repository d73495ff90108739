package ai.gaga.voice.kokoro;

import ai.gaga.voice.PhoneTiming;

import java.util.ArrayList;
import java.util.List;

/**
 * Phone timings for Kokoro, whose graph reports no durations: proportional allocation over the voiced span. Leading and
 * trailing silence is found from frame energy; inside it each phone gets time in proportion to a typical relative
 * length (vowels twice a consonant, length marks longer, clause punctuation a pause). Error: that of the relative lengths
 * inside continuous speech, as for espeak's aligner.
 */
final class KokoroTimings {
    private static final String VOWELS = "aeiouyæɐɑɒɔɘəɚɛɜɞɤɨɪɯɵøœɶʉʊʌʏᵻ";
    private static final double FRAME = 0.010;
    /** Frames below -40 dB of the loudest frame are silence. */
    private static final double SILENCE_RATIO = 0.01;
    private static final double PAUSE_WEIGHT = 2.5;

    private KokoroTimings() {
    }

    /** Timings covering {@code samples} at {@code rate}, from the tokens that were spoken. */
    static List<PhoneTiming> align(List<KokoroTokenizer.Token> tokens, float[] samples, int rate) {
        double total = samples.length / (double) rate;
        List<String> symbols = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (KokoroTokenizer.Token t : tokens) {
            String s = t.symbol();
            int cp = s.codePointAt(0);
            int last = symbols.size() - 1;
            if (cp == 'ˈ' || cp == 'ˌ' || cp == ' ') {
                continue; // no time of their own: word gaps inside speech are not pauses
            }
            if (!Character.isLetter(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
                if (last >= 0 && symbols.get(last).equals("_")) {
                    weights.set(last, weights.get(last) + PAUSE_WEIGHT);
                } else {
                    symbols.add("_");
                    weights.add(PAUSE_WEIGHT);
                }
                continue;
            }
            boolean modifier = Character.getType(cp) == Character.MODIFIER_LETTER
                    || Character.getType(cp) == Character.NON_SPACING_MARK;
            if (modifier && last >= 0 && !symbols.get(last).equals("_")) {
                symbols.set(last, symbols.get(last) + s);
                weights.set(last, weights.get(last) + (cp == 'ː' ? 0.7 : 0));
                continue;
            }
            symbols.add(s);
            weights.add(VOWELS.indexOf(cp) >= 0 ? 2.0 : 1.0);
        }
        List<PhoneTiming> out = new ArrayList<>();
        double[] span = voicedSpan(samples, rate);
        double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
        if (symbols.isEmpty() || sum <= 0 || span[1] <= span[0]) {
            out.add(new PhoneTiming("_", 0, total));
            return out;
        }
        if (span[0] > 0) {
            out.add(new PhoneTiming("_", 0, span[0]));
        }
        double acc = 0;
        for (int i = 0; i < symbols.size(); i++) {
            double start = span[0] + acc / sum * (span[1] - span[0]);
            acc += weights.get(i);
            double end = i == symbols.size() - 1 ? span[1] : span[0] + acc / sum * (span[1] - span[0]);
            PhoneTiming p = new PhoneTiming(symbols.get(i), start, end);
            int last = out.size() - 1;
            if (p.phone().equals("_") && last >= 0 && out.get(last).phone().equals("_")) {
                out.set(last, new PhoneTiming("_", out.get(last).start(), end));
            } else {
                out.add(p);
            }
        }
        if (span[1] < total) {
            int last = out.size() - 1;
            if (out.get(last).phone().equals("_")) {
                out.set(last, new PhoneTiming("_", out.get(last).start(), total));
            } else {
                out.add(new PhoneTiming("_", span[1], total));
            }
        }
        return out;
    }

    /** Seconds from the first to the end of the last frame above the silence threshold. */
    static double[] voicedSpan(float[] samples, int rate) {
        int hop = Math.max(1, (int) Math.round(FRAME * rate));
        int frames = samples.length / hop;
        double[] energy = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            double e = 0;
            for (int i = f * hop; i < (f + 1) * hop; i++) {
                e += samples[i] * (double) samples[i];
            }
            energy[f] = e / hop;
            max = Math.max(max, energy[f]);
        }
        int first = -1;
        int last = -1;
        double threshold = max * SILENCE_RATIO * SILENCE_RATIO; // amplitude ratio, squared for energy
        for (int f = 0; f < frames; f++) {
            if (max > 0 && energy[f] > threshold) {
                if (first < 0) {
                    first = f;
                }
                last = f;
            }
        }
        if (first < 0) {
            return new double[] {0, 0};
        }
        return new double[] {first * hop / (double) rate, Math.min(samples.length, (last + 1) * hop) / (double) rate};
    }
}
