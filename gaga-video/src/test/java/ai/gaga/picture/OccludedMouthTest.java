package ai.gaga.picture;

import ai.gaga.animation.FaceAnimator;
import ai.gaga.audio.PcmAudio;
import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceWarning;
import ai.gaga.face.OcclusionTest;
import ai.gaga.face.TestServices;
import ai.gaga.rig.FaceControl;
import ai.gaga.rig.FaceControls;
import ai.gaga.rig.FacePerformance;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.viseme.OculusViseme;
import ai.gaga.voice.viseme.Viseme;
import ai.gaga.voice.viseme.VisemeTrack;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An actor whose photo has a mask over the mouth speaks with much smaller mouth motion; the rest of the face acts. */
class OccludedMouthTest {

    /** "a-pa-pa-o" voiced as a buzz: the viseme track is known exactly. */
    private static Utterance speech() {
        OculusViseme[] shapes = {OculusViseme.SIL, OculusViseme.AA, OculusViseme.PP, OculusViseme.AA, OculusViseme.PP,
                OculusViseme.O, OculusViseme.SIL};
        double[] lengths = {0.2, 0.25, 0.08, 0.25, 0.08, 0.3, 0.3};
        List<Viseme> visemes = new ArrayList<>();
        List<PhoneTiming> phones = new ArrayList<>();
        int rate = PcmAudio.STANDARD_RATE;
        double total = 0;
        for (double l : lengths) {
            total += l;
        }
        float[] samples = new float[(int) Math.round(total * rate)];
        double t = 0;
        for (int k = 0; k < shapes.length; k++) {
            visemes.add(new Viseme(shapes[k], t, t + lengths[k]));
            phones.add(new PhoneTiming(shapes[k] == OculusViseme.SIL ? "_" : shapes[k].code(), t, t + lengths[k]));
            if (shapes[k] != OculusViseme.SIL) {
                for (int i = (int) Math.round(t * rate); i < Math.min(samples.length, (t + lengths[k]) * rate); i++) {
                    samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 140 * i / rate));
                }
            }
            t += lengths[k];
        }
        return new Utterance(new PcmAudio(samples, rate, 1), phones, "test", new VisemeTrack(visemes));
    }

    @Test
    void aMaskedActorMovesHerMouthAboutAThirdAsMuch() {
        FaceAnalysis original;
        FaceAnalysis masked;
        try (TestServices services = new TestServices()) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            original = analyzer.analyze(OcclusionTest.photo("grace"));
            masked = analyzer.analyze(OcclusionTest.withMask("grace", original, new Color(140, 180, 205)));
        }
        assertFalse(original.warnings().contains(FaceWarning.MOUTH_OCCLUDED), original.warningMessages().toString());
        assertTrue(masked.warnings().contains(FaceWarning.MOUTH_OCCLUDED), masked.warningMessages().toString());

        Scene scene = Scene.builder().actor("grace", Path.of("grace.jpg")).says("Papa, oh.").build();
        Utterance u = speech();
        Timeline timeline = new Timeline(List.of(new TimelineEntry(scene.lines().get(0), u, 0.5)),
                0.5 + u.durationSeconds() + 1);
        FacePerformance animator = FaceAnimator.of(scene, timeline, "grace", 25);
        FacePerformance free = ActingPlates.restrained(animator, original);
        FacePerformance covered = ActingPlates.restrained(animator, masked);
        FaceControls a = new FaceControls();
        FaceControls b = new FaceControls();
        double maxJaw = 0;
        int frames = (int) Math.round(timeline.durationSeconds() * 25);
        for (int f = 0; f < frames; f++) {
            free.controlsAt(f, a);
            covered.controlsAt(f, b);
            maxJaw = Math.max(maxJaw, a.get(FaceControl.JAW_OPEN));
            for (FaceControl c : new FaceControl[] {FaceControl.JAW_OPEN, FaceControl.MOUTH_FUNNEL,
                    FaceControl.MOUTH_CLOSE}) {
                assertEquals(0.35 * a.get(c), b.get(c), 1e-5, c + " at frame " + f);
            }
            for (FaceControl c : new FaceControl[] {FaceControl.EYE_BLINK_LEFT, FaceControl.HEAD_YAW,
                    FaceControl.BROW_INNER_UP}) {
                assertEquals(a.get(c), b.get(c), 1e-6, c + " at frame " + f);
            }
        }
        assertTrue(maxJaw > 0.3, "the unmasked actor should open her jaw: " + maxJaw);
    }
}
