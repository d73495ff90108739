package ai.gaga.voice.espeak;

import ai.gaga.audio.PcmAudio;
import ai.gaga.voice.PhoneTiming;

import java.util.ArrayList;
import java.util.List;

/**
 * Derives phone timings for espeak-ng, whose command line reports none. The audio is cut into speech and silence by
 * frame energy; the phones are spread over the speech only ("speech time"), each in proportion to a typical relative
 * length ({@link IpaPhones#weight}), word boundaries are snapped to the pauses, and every silence becomes a {@code _}
 * phone. So pauses are exact to a frame; the error is that of the relative lengths inside stretches of continuous
 * speech (measured in {@code PhoneAlignerTest}).
 */
final class PhoneAligner {
    /** Analysis hop. */
    static final double HOP = 0.005;
    /** Silences shorter than this are stop closures inside speech, not pauses. */
    private static final double MIN_PAUSE = 0.06;
    /** Energy threshold relative to the loudest frame (-34 dB). */
    private static final double SILENCE_RATIO = 0.02;

    private PhoneAligner() {
    }

    /** A stretch of speech, in seconds. */
    record Segment(double start, double end) {
        double length() {
            return end - start;
        }
    }

    /** Speech stretches of the audio, separated by pauses of at least {@link #MIN_PAUSE}. */
    static List<Segment> speech(PcmAudio audio) {
        int hop = (int) Math.round(HOP * audio.sampleRate());
        float[] s = audio.samples();
        int frames = s.length / hop;
        double[] rms = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * hop; i < (f + 1) * hop; i++) {
                sum += s[i] * (double) s[i];
            }
            rms[f] = Math.sqrt(sum / hop);
            max = Math.max(max, rms[f]);
        }
        List<Segment> raw = new ArrayList<>();
        int start = -1;
        for (int f = 0; f <= frames; f++) {
            boolean loud = f < frames && rms[f] > max * SILENCE_RATIO && max > 0;
            if (loud && start < 0) {
                start = f;
            } else if (!loud && start >= 0) {
                raw.add(new Segment(start * HOP, f * HOP));
                start = -1;
            }
        }
        List<Segment> merged = new ArrayList<>();
        for (Segment seg : raw) {
            if (!merged.isEmpty() && seg.start() - merged.get(merged.size() - 1).end() < MIN_PAUSE) {
                Segment last = merged.remove(merged.size() - 1);
                merged.add(new Segment(last.start(), seg.end()));
            } else {
                merged.add(seg);
            }
        }
        return merged;
    }

    /**
     * Phone timeline covering the whole audio without gaps: words' phones over the speech, {@code _} elsewhere. Word
     * boundaries are first placed by the phones' relative lengths, then each pause is given to the nearest word
     * boundary (espeak pauses only between words), so that no word straddles a pause.
     */
    static List<PhoneTiming> align(List<List<String>> words, PcmAudio audio) {
        double total = audio.durationSeconds();
        List<Segment> speech = speech(audio);
        List<PhoneTiming> out = new ArrayList<>();
        if (speech.isEmpty() || words.isEmpty()) {
            out.add(new PhoneTiming("_", 0, total));
            return out;
        }
        double[] bounds = wordBounds(words, speech);
        double lastEnd = 0; // in real time
        for (int w = 0; w < words.size(); w++) {
            List<String> phones = words.get(w);
            double weightSum = phones.stream().mapToDouble(IpaPhones::weight).sum();
            double cursor = bounds[w];
            for (String phone : phones) {
                double next = cursor + IpaPhones.weight(phone) / weightSum * (bounds[w + 1] - bounds[w]);
                double start = Math.max(lastEnd, toRealStart(cursor, speech));
                double end = Math.max(start, toRealEnd(next, speech));
                if (start > lastEnd + 1e-9) {
                    out.add(new PhoneTiming("_", lastEnd, start));
                }
                out.add(new PhoneTiming(phone, start, end));
                lastEnd = end;
                cursor = next;
            }
        }
        if (lastEnd < total) {
            out.add(new PhoneTiming("_", lastEnd, total));
        }
        return out;
    }

    /**
     * The words of an {@link #align alignment}: each of {@code words} (espeak's IPA words) from its first phone's
     * start to its last phone's end, labelled with its phones joined; empty when nothing was aligned.
     */
    static List<ai.gaga.voice.WordTiming> words(List<List<String>> words, List<PhoneTiming> aligned) {
        List<ai.gaga.voice.WordTiming> out = new ArrayList<>(words.size());
        int k = 0;
        for (List<String> word : words) {
            while (k < aligned.size() && aligned.get(k).phone().equals("_")) {
                k++;
            }
            if (k + word.size() > aligned.size()) {
                return List.of(); // not this alignment's words
            }
            double start = aligned.get(k).start();
            k += word.size();
            out.add(new ai.gaga.voice.WordTiming(String.join("", word), start, aligned.get(k - 1).end()));
        }
        return List.copyOf(out);
    }

    /** Word boundaries in speech time ({@code words.size() + 1} values), snapped to the pauses. */
    static double[] wordBounds(List<List<String>> words, List<Segment> speech) {
        int n = words.size();
        double speechTime = speech.stream().mapToDouble(Segment::length).sum();
        double[] weights = words.stream().mapToDouble(w -> w.stream().mapToDouble(IpaPhones::weight).sum()).toArray();
        double weightSum = java.util.Arrays.stream(weights).sum();
        double[] bounds = new double[n + 1];
        for (int w = 0; w < n; w++) {
            bounds[w + 1] = bounds[w] + weights[w] / weightSum * speechTime;
        }
        bounds[n] = speechTime;
        // Pauses in speech time, each given to the nearest still-free interior word boundary, in order.
        List<Integer> anchors = new ArrayList<>();
        List<Double> anchorTimes = new ArrayList<>();
        anchors.add(0);
        anchorTimes.add(0.0);
        double acc = 0;
        int lastK = 0;
        for (int j = 0; j < speech.size() - 1; j++) {
            acc += speech.get(j).length();
            int pausesLeft = speech.size() - 2 - j;
            int best = -1;
            for (int k = lastK + 1; k <= n - 1 - pausesLeft; k++) {
                if (best < 0 || Math.abs(bounds[k] - acc) < Math.abs(bounds[best] - acc)) {
                    best = k;
                }
            }
            if (best < 0) {
                break; // more pauses than word boundaries (e.g. a pause inside a word): keep the plain spread
            }
            anchors.add(best);
            anchorTimes.add(acc);
            lastK = best;
        }
        anchors.add(n);
        anchorTimes.add(speechTime);
        double[] snapped = bounds.clone();
        for (int a = 0; a + 1 < anchors.size(); a++) {
            int k0 = anchors.get(a);
            int k1 = anchors.get(a + 1);
            double t0 = anchorTimes.get(a);
            double t1 = anchorTimes.get(a + 1);
            double span = bounds[k1] - bounds[k0];
            for (int k = k0; k <= k1; k++) {
                snapped[k] = span <= 0 ? t0 : t0 + (bounds[k] - bounds[k0]) / span * (t1 - t0);
            }
        }
        return snapped;
    }

    /** A speech-time instant as the start of something: at a segment boundary, the next segment's start. */
    private static double toRealStart(double u, List<Segment> speech) {
        double acc = 0;
        for (Segment seg : speech) {
            if (u < acc + seg.length() - 1e-9) {
                return seg.start() + (u - acc);
            }
            acc += seg.length();
        }
        return speech.get(speech.size() - 1).end();
    }

    /** A speech-time instant as the end of something: at a segment boundary, the previous segment's end. */
    private static double toRealEnd(double u, List<Segment> speech) {
        double acc = 0;
        for (Segment seg : speech) {
            if (u <= acc + seg.length() + 1e-9) {
                return seg.start() + (u - acc);
            }
            acc += seg.length();
        }
        return speech.get(speech.size() - 1).end();
    }
}
