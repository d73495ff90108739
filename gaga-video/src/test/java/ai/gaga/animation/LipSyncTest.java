package ai.gaga.animation;

import ai.gaga.audio.PcmAudio;

import ai.gaga.rig.FaceControl;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.viseme.OculusViseme;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.gaga.animation.Stages.frame;
import static ai.gaga.rig.FaceControl.JAW_OPEN;
import static ai.gaga.rig.FaceControl.MOUTH_CLOSE;
import static ai.gaga.rig.FaceControl.MOUTH_FUNNEL;
import static ai.gaga.rig.FaceControl.MOUTH_PRESS;
import static ai.gaga.rig.FaceControl.MOUTH_PUCKER;
import static ai.gaga.rig.FaceControl.MOUTH_ROLL_LOWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LipSyncTest {
    private static final double START = 0.5;

    private static ControlCurves perform(Utterance u, Delivery delivery) {
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Papa.").delivery(delivery).build();
        Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {START}, START + u.durationSeconds() + 1);
        return FaceAnimator.of(scene, timeline, "maya").curves();
    }

    @Test
    void bilabialsCloseTheLipsBetweenOpenVowels() {
        // a-pa-pa: the p spans are short (80 ms) and surrounded by wide-open vowels.
        Utterance u = Speech.builder().silence(0.2).say(OculusViseme.AA, 0.2, 0.6).say(OculusViseme.PP, 0.08, 0.05)
                .say(OculusViseme.AA, 0.2, 0.6).say(OculusViseme.PP, 0.08, 0.05).say(OculusViseme.AA, 0.2, 0.6)
                .silence(0.3).build();
        ControlCurves c = perform(u, Delivery.NORMAL);
        for (double mid : new double[] {START + 0.44, START + 0.72}) {
            int f = frame(mid);
            assertTrue(c.value(f, MOUTH_CLOSE) > 0.6, "lips closed mid-p: " + c.value(f, MOUTH_CLOSE));
            assertTrue(c.value(f, MOUTH_PRESS) > 0.3, "lips pressed mid-p: " + c.value(f, MOUTH_PRESS));
            assertTrue(c.value(f, JAW_OPEN) < 0.15, "jaw nearly shut mid-p: " + c.value(f, JAW_OPEN));
        }
        for (double mid : new double[] {START + 0.3, START + 0.58, START + 0.86}) {
            assertTrue(c.value(frame(mid), JAW_OPEN) > 0.4, "jaw open mid-a: " + c.value(frame(mid), JAW_OPEN));
            assertTrue(c.value(frame(mid), MOUTH_CLOSE) < 0.2, "lips apart mid-a");
        }
    }

    @Test
    void eachVowelAndLabiodentalMakesItsShape() {
        Utterance u = Speech.builder().silence(0.2).say(OculusViseme.O, 0.24, 0.5).silence(0.4)
                .say(OculusViseme.U, 0.24, 0.5).silence(0.4).say(OculusViseme.FF, 0.2, 0.2).silence(0.4).build();
        ControlCurves c = perform(u, Delivery.NORMAL);
        int o = frame(START + 0.32);
        int uu = frame(START + 0.96);
        int ff = frame(START + 1.58);
        assertTrue(c.value(o, MOUTH_FUNNEL) > 0.4 && c.value(o, JAW_OPEN) > 0.3, "o: round and open");
        assertTrue(c.value(uu, MOUTH_PUCKER) > 0.5 && c.value(uu, JAW_OPEN) < c.value(o, JAW_OPEN), "u: puckered");
        assertTrue(c.value(ff, MOUTH_ROLL_LOWER) > 0.4 && c.value(ff, JAW_OPEN) < 0.15, "f: lower lip to teeth");
    }

    @Test
    void mouthRestsInSilencesLongerThan300ms() {
        Utterance u = Speech.builder().silence(0.1).syllable(OculusViseme.DD, OculusViseme.AA, 0.6)
                .syllable(OculusViseme.KK, OculusViseme.E, 0.5).silence(0.35)
                .syllable(OculusViseme.SS, OculusViseme.AA, 0.6).silence(0.5)
                .syllable(OculusViseme.NN, OculusViseme.O, 0.6).silence(0.8)
                .syllable(OculusViseme.RR, OculusViseme.AA, 0.6).silence(0.2).build();
        ControlCurves c = perform(u, Delivery.NORMAL);
        int inside = 0;
        int resting = 0;
        for (var v : u.visemes().visemes()) {
            if (v.shape() != OculusViseme.SIL || v.duration() <= 0.3) {
                continue;
            }
            // One frame (40 ms) at each edge belongs to the release and the anticipation of the speech around it.
            for (int f = (int) Math.ceil((START + v.start() + 0.04) * 25); f < (START + v.end() - 0.04) * 25; f++) {
                inside++;
                boolean rest = true;
                for (FaceControl m : VisemeShapes.MOUTH) {
                    rest &= c.value(f, m) < 0.05;
                }
                resting += rest ? 1 : 0;
            }
        }
        assertTrue(inside >= 30, "frames inside long silences: " + inside);
        assertTrue(resting >= 0.9 * inside, "mouth at rest in " + resting + " of " + inside + " silent frames");
    }

    @Test
    void jawFollowsTheLoudnessEnvelope() {
        Utterance u = Stages.talk(6, 7);
        ControlCurves c = perform(u, Delivery.NORMAL);
        float[] samples = u.audio().samples();
        int from = frame(START);
        int to = frame(START + u.durationSeconds());
        double[] jaw = new double[to - from];
        double[] rms = new double[to - from];
        for (int f = from; f < to; f++) {
            jaw[f - from] = c.value(f, JAW_OPEN);
            int centre = (int) Math.round((f / 25.0 - START) * 48_000);
            double sum = 0;
            int count = 0;
            for (int i = Math.max(0, centre - 960); i < Math.min(samples.length, centre + 960); i++) {
                sum += samples[i] * samples[i];
                count++;
            }
            rms[f - from] = Math.sqrt(sum / Math.max(1, count));
        }
        double r = pearson(jaw, rms);
        assertTrue(r > 0.5, "jaw/loudness correlation " + r);
    }

    @Test
    void aClickAtTheLinesStartDoesNotFlattenTheJaw() {
        // Seen: MaryTTS opened "I am so sorry." with a 25 ms burst at full scale and the speech 20 dB under it; the
        // jaw, which opens with the voice's loudness relative to its loud parts, then barely moved for the line.
        Utterance clean = Stages.talk(4, 5);
        float[] s = clean.audio().samples().clone();
        for (int i = 0; i < s.length; i++) {
            s[i] *= 0.05f; // the speech 26 dB under the click, as Mary's peak scaling left it
        }
        java.util.Random noise = new java.util.Random(3);
        for (int i = 0; i < 48_000 * 25 / 1000; i++) {
            s[i] = noise.nextBoolean() ? 1f : -1f;
        }
        Utterance clicked = new Utterance(new PcmAudio(s, clean.audio().sampleRate(), 1), clean.phones(),
                clean.engine(), clean.visemes());
        int from = frame(START + 0.2);
        int to = frame(START + clean.durationSeconds());
        double a = Stages.mean(perform(clean, Delivery.NORMAL).curve(JAW_OPEN), from, to);
        double b = Stages.mean(perform(clicked, Delivery.NORMAL).curve(JAW_OPEN), from, to);
        assertTrue(b > 0.9 * a, "mean jaw with a click at the start " + b + " vs " + a + " without");
    }

    @Test
    void whisperOpensTheMouthLessThanNormalSpeech() {
        Utterance u = Stages.talk(4, 11);
        ControlCurves normal = perform(u, Delivery.NORMAL);
        ControlCurves whisper = perform(u, Delivery.WHISPER);
        int from = frame(START);
        int to = frame(START + u.durationSeconds());
        double n = Stages.mean(normal.curve(JAW_OPEN), from, to);
        double w = Stages.mean(whisper.curve(JAW_OPEN), from, to);
        assertTrue(w < 0.8 * n && w > 0.2 * n, "whisper jaw " + w + " vs normal " + n);
        assertEquals(normal.value(frame(START) - 10, JAW_OPEN), 0f, 1e-3, "closed before speaking");
    }

    static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }
}
