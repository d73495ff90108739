package ai.gaga.voice.espeak;

import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.processing.Resampler;
import ai.gaga.voice.PhoneTiming;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the derived espeak timings. Ground truth: the same words spoken with 350 ms SSML breaks between them, so each
 * word's true start and end are the edges of its stretch of speech. The aligner's word boundaries come from the phones'
 * relative lengths alone (the pauses are excluded from "speech time"), so the measured error is that of spreading phones
 * by typical lengths, which is what it makes inside any stretch of continuous speech.
 */
class PhoneAlignerTest {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneAlignerTest.class);

    @Test
    void splitsIpaIntoPhones() {
        assertEquals(List.of(List.of("b", "ɔ̃", "ʒ", "u", "ʁ"), List.of("l", "ə"), List.of("m", "ɔ̃", "d")),
                IpaPhones.words("bɔ̃ʒˈuʁ\nlə- mˈɔ̃d"));
        assertEquals(List.of("t͡ʃ", "aː"), IpaPhones.phones("t͡ʃˈaː"));
    }

    @Test
    void measuresWordBoundaryErrorAgainstKnownPauses() {
        List<Double> paused = new ArrayList<>();
        List<Double> continuous = new ArrayList<>();
        measure("fr", List.of("bonjour", "madame", "aujourd'hui", "nous", "partons", "ensemble"), paused, continuous);
        measure("de", List.of("guten", "Morgen", "meine", "liebe", "Freundin", "Anna"), paused, continuous);
        measure("en", List.of("the", "quick", "brown", "fox", "jumps", "over", "lazy", "dogs"), paused, continuous);
        double pausedMedian = median(paused);
        double continuousMedian = median(continuous);
        LOG.info("espeak derived word-boundary error over {} boundaries: with pauses median {} ms (max {} ms); "
                        + "continuous speech (pauses removed) median {} ms (p90 {} ms)", paused.size(),
                Math.round(pausedMedian * 1000), Math.round(quantile(paused, 1) * 1000),
                Math.round(continuousMedian * 1000), Math.round(quantile(continuous, 0.9) * 1000));
        // Pauses are found in the audio by the same detector that gives the truth here, so this checks the snapping.
        assertTrue(quantile(paused, 1) < 0.015, "max error with pauses " + quantile(paused, 1));
        // Inside continuous speech only the typical phone lengths place words: median 23 ms measured on espeak 1.51.
        assertTrue(continuousMedian < 0.040, "median continuous error " + continuousMedian);
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))];
    }

    /**
     * Adds |predicted - true| for each interior word boundary: in real time as the aligner places them in audio with
     * pauses ({@code paused}), and in speech time from the phone lengths alone, as in continuous speech
     * ({@code continuous}).
     */
    private static void measure(String voice, List<String> words, List<Double> paused, List<Double> continuous) {
        var binary = EspeakProcess.binary();
        String ssml = "<speak>" + String.join("<break time=\"350ms\"/>", words) + "</speak>";
        PcmAudio audio = Resampler.resample(EspeakWav.decode(
                EspeakProcess.run(binary, List.of("--stdout", "-m", "-v", voice), ssml)), PcmAudio.STANDARD_RATE);
        List<PhoneAligner.Segment> truth = PhoneAligner.speech(audio);
        // Phones per word, from each word alone, so that word boundaries are known in the phone list.
        List<List<String>> ipaWords = new ArrayList<>();
        for (String w : words) {
            String ipa = new String(EspeakProcess.run(binary, List.of("-q", "--ipa", "-v", voice), w),
                    StandardCharsets.UTF_8);
            ipaWords.add(IpaPhones.words(ipa).stream().flatMap(List::stream).toList());
        }
        assertEquals(words.size(), truth.size(), "speech stretches " + truth);
        List<PhoneTiming> phones = PhoneAligner.align(ipaWords, audio).stream().filter(p -> !p.isSilence()).toList();
        int i = 0;
        for (int w = 0; w < words.size(); w++) {
            int n = ipaWords.get(w).size();
            if (w > 0) {
                paused.add(Math.abs(phones.get(i).start() - truth.get(w).start()));
            }
            if (w < words.size() - 1) {
                paused.add(Math.abs(phones.get(i + n - 1).end() - truth.get(w).end()));
            }
            i += n;
        }
        double speechTime = truth.stream().mapToDouble(PhoneAligner.Segment::length).sum();
        double[] spread = PhoneAligner.wordBounds(ipaWords, List.of(new PhoneAligner.Segment(0, speechTime)));
        double acc = 0;
        List<Long> ms = new ArrayList<>();
        for (int w = 0; w < words.size() - 1; w++) {
            acc += truth.get(w).length();
            continuous.add(Math.abs(spread[w + 1] - acc));
            ms.add(Math.round((spread[w + 1] - acc) * 1000));
        }
        LOG.debug("{} continuous-speech boundary errors (ms): {}", voice, ms);
    }
}
