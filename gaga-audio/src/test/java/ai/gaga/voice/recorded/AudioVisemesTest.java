package ai.gaga.voice.recorded;

import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Voice;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.espeak.EspeakEngine;
import ai.gaga.voice.viseme.OculusViseme;
import ai.gaga.voice.viseme.VisemeTrack;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Visemes read from audio alone, checked against the phone-derived track of the same speech (espeak-ng speaks it, so
 * the phones are known): the mouth must open and close where the speech does.
 */
class AudioVisemesTest {
    private static final Logger LOG = LoggerFactory.getLogger(AudioVisemesTest.class);
    /** How open the jaw is for each shape (what lip sync shows most). */
    private static final Map<OculusViseme, Double> OPENNESS = new EnumMap<>(Map.ofEntries(
            Map.entry(OculusViseme.SIL, 0.0), Map.entry(OculusViseme.PP, 0.0), Map.entry(OculusViseme.FF, 0.15),
            Map.entry(OculusViseme.TH, 0.3), Map.entry(OculusViseme.DD, 0.35), Map.entry(OculusViseme.KK, 0.4),
            Map.entry(OculusViseme.CH, 0.3), Map.entry(OculusViseme.SS, 0.2), Map.entry(OculusViseme.NN, 0.3),
            Map.entry(OculusViseme.RR, 0.35), Map.entry(OculusViseme.AA, 1.0), Map.entry(OculusViseme.E, 0.7),
            Map.entry(OculusViseme.I, 0.45), Map.entry(OculusViseme.O, 0.75), Map.entry(OculusViseme.U, 0.4)));

    @Test
    void mouthFollowsRecordedSpeechInSeveralLanguages() {
        EspeakEngine espeak = EspeakEngine.create();
        String[][] lines = {
                {"en", "Papa bought a map, but the boat was far away from home."},
                {"en", "I am so happy to see you again after all these years."},
                {"fr", "Bonjour madame, je voudrais un café, s'il vous plaît."},
        };
        for (String[] l : lines) {
            Utterance u = espeak.synthesize(SpeechRequest.of(l[1], Voice.of(l[0])));
            // pad with silence on both sides, as a recording would have
            PcmAudio padded = pad(u.audio(), 0.5);
            VisemeTrack heard = AudioVisemes.track(padded);
            assertEquals(padded.durationSeconds(), heard.duration(), 0.011, "covers the recording");
            double[] truth = openness(u.visemes(), padded.durationSeconds(), 0.5);
            double[] got = openness(heard, padded.durationSeconds(), 0.0);
            double r = pearson(smooth(truth), smooth(got));
            double speechAgree = closedOpenAgreement(u.visemes(), heard, padded.durationSeconds(), 0.5);
            LOG.info("{} '{}': openness correlation {}, speech/silence agreement {}", l[0], l[1],
                    String.format("%.2f", r), String.format("%.2f", speechAgree));
            assertTrue(speechAgree > 0.9, "speech and silence found: " + speechAgree);
            assertTrue(r > 0.6, "jaw follows the speech, r = " + r);
        }
    }

    @Test
    void silenceAndToneEdgeCases() {
        PcmAudio silence = PcmAudio.silence(1.0, 48_000, 1);
        VisemeTrack t = AudioVisemes.track(silence);
        assertEquals(1, t.visemes().size());
        assertEquals(OculusViseme.SIL, t.visemes().get(0).shape());
        // a sustained open vowel-like sound (/a/-ish: harmonics shaped around 800 and 1200 Hz) reads as open
        float[] x = new float[48_000];
        for (int i = 0; i < x.length; i++) {
            double tt = i / 48_000.0;
            double v = 0;
            for (int h = 1; h <= 30; h++) {
                double f = 130 * h;
                double g = 1 / (1 + Math.pow((f - 800) / 150, 2)) + 0.7 / (1 + Math.pow((f - 1250) / 180, 2))
                        + 0.2 / (1 + Math.pow((f - 2600) / 250, 2));
                v += g * Math.sin(2 * Math.PI * f * tt);
            }
            x[i] = (float) (0.1 * v);
        }
        VisemeTrack vowel = AudioVisemes.track(new PcmAudio(x, 48_000, 1));
        assertEquals(OculusViseme.AA, vowel.at(0.5), "synthetic /a/ is an open mouth: " + vowel.toJson());
    }

    private static PcmAudio pad(PcmAudio a, double seconds) {
        int n = (int) (seconds * a.sampleRate());
        float[] x = new float[a.samples().length + 2 * n];
        System.arraycopy(a.samples(), 0, x, n, a.samples().length);
        return new PcmAudio(x, a.sampleRate(), 1);
    }

    private static double[] openness(VisemeTrack track, double duration, double offset) {
        int n = (int) (duration * 100);
        double[] o = new double[n];
        for (int k = 0; k < n; k++) {
            o[k] = OPENNESS.get(track.at(k / 100.0 + 0.005 - offset));
        }
        return o;
    }

    private static double[] smooth(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            int n = 0;
            for (int j = Math.max(0, i - 3); j <= Math.min(x.length - 1, i + 3); j++) {
                s += x[j];
                n++;
            }
            y[i] = s / n;
        }
        return y;
    }

    /**
     * Over the frames where the true track is silence or a clear vowel: the share where the heard track agrees that
     * the mouth is closed (silence or closure) or open (anything else).
     */
    private static double closedOpenAgreement(VisemeTrack truth, VisemeTrack heard, double duration, double offset) {
        int n = (int) (duration * 100);
        int counted = 0;
        int agree = 0;
        for (int k = 0; k < n; k++) {
            double t = k / 100.0 + 0.005;
            OculusViseme a = truth.at(t - offset);
            boolean closedTruth = a == OculusViseme.SIL;
            boolean vowel = a == OculusViseme.AA || a == OculusViseme.E || a == OculusViseme.O
                    || a == OculusViseme.I || a == OculusViseme.U;
            if (!closedTruth && !vowel) {
                continue;
            }
            OculusViseme b = heard.at(t);
            boolean closedHeard = b == OculusViseme.SIL || b == OculusViseme.PP;
            counted++;
            agree += closedTruth == closedHeard ? 1 : 0;
        }
        return agree / (double) Math.max(1, counted);
    }

    static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - ma) * (b[i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[i] - mb) * (b[i] - mb);
        }
        return num / Math.sqrt(da * db + 1e-12);
    }
}
