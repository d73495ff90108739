package ai.gaga.evaluate;

import ai.gaga.GagaException;
import ai.gaga.face.Images;
import ai.gaga.face.TestServices;
import ai.gaga.scene.Emotion;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluator on generated clips whose truth is known (see {@link TalkingClip}): a mouth opening with a voice,
 * shifted sound, a still face, open mouths in silences, shaking and drifting pictures.
 */
class ClipEvaluatorTest {
    private static final Logger LOG = LoggerFactory.getLogger(ClipEvaluatorTest.class);
    private static final Path OUT = Path.of("target", "evaluate-test");

    private static TestServices services;
    private static ClipEvaluator evaluator;
    private static TalkingClip clip;
    private static ClipReport aligned;

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(OUT);
        services = new TestServices();
        evaluator = new ClipEvaluator(services);
        clip = TalkingClip.of(Fixtures.graceHopper(), services);
        aligned = evaluate("aligned", new TalkingClip.Spec(), EvaluationOptions.defaults());
    }

    @AfterAll
    static void tearDown() {
        if (evaluator != null) {
            evaluator.close();
        }
        if (services != null) {
            services.close();
        }
    }

    private static ClipReport evaluate(String name, TalkingClip.Spec spec, EvaluationOptions options) {
        Path file = clip.write(spec, OUT.resolve(name + ".mp4"));
        ClipReport r = evaluator.evaluate(file, options);
        LOG.info("{}:\n{}", name, r.summary());
        return r;
    }

    @Test
    void alignedClipIsInSyncWithClosedMouthInSilences() {
        assertEquals(75, aligned.frameCount());
        assertEquals(25.0, aligned.fps(), 1e-6);
        assertEquals(75, aligned.faceFrames(), "face tracked in every frame");
        assertTrue(aligned.hasAudio());
        assertTrue(Math.abs(aligned.avOffsetFrames()) <= 1, aligned.summary());
        assertTrue(aligned.syncScore() > 0.8, aligned.summary());
        assertTrue(aligned.silentFrames() >= 25, "long silences found: " + aligned.silentFrames());
        assertTrue(aligned.mouthClosedRatio() >= 0.9, aligned.summary());
        // The drawn opening is visible to the mesh: wide open frames measure far above closed ones.
        assertTrue(aligned.openAperture() - aligned.restAperture() > 0.1, aligned.summary());
    }

    @Test
    void apertureFollowsTheDrawnOpening() {
        TalkingClip.Spec spec = new TalkingClip.Spec();
        double[] a = aligned.apertures();
        double[] drawn = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            drawn[i] = TalkingClip.opening(spec, i);
        }
        double r = Metrics.correlationByLag(a, drawn, 0)[0];
        assertTrue(r > 0.9, "aperture vs drawn opening r=" + r);
    }

    @Test
    void delayedSoundGivesNegativeOffsetAndLateVideoPositive() {
        TalkingClip.Spec late = new TalkingClip.Spec();
        late.audioDelayFrames = 3;
        ClipReport soundLate = evaluate("sound-late-3", late, EvaluationOptions.defaults());
        assertEquals(-3, soundLate.avOffsetFrames(), soundLate.summary());
        assertTrue(soundLate.syncScore() > 0.8, soundLate.summary());

        TalkingClip.Spec early = new TalkingClip.Spec();
        early.audioDelayFrames = -3;
        ClipReport videoLate = evaluate("video-late-3", early, EvaluationOptions.defaults());
        assertEquals(3, videoLate.avOffsetFrames(), videoLate.summary());
    }

    @Test
    void stillFaceHasLowSyncScore() {
        TalkingClip.Spec still = new TalkingClip.Spec();
        still.mouthMoves = false;
        ClipReport r = evaluate("still", still, EvaluationOptions.defaults());
        assertTrue(r.syncScore() < 0.4, r.summary());
        assertTrue(aligned.syncScore() - r.syncScore() > 0.5, r.summary());
        assertTrue(r.jitter() < 0.003, "still photo jitter " + r.jitter());
        assertTrue(r.restDrift() < 0.005, "still photo drift " + r.restDrift());
        assertTrue(r.shapeDrift() < 0.005, "still photo shape drift " + r.shapeDrift());
        assertEquals(1.0, r.mouthClosedRatio(), 1e-9, r.summary());
    }

    @Test
    void mouthOpenInSilencesIsCaught() {
        TalkingClip.Spec open = new TalkingClip.Spec();
        open.openInSilence = 0.7;
        ClipReport r = evaluate("open-in-silence", open, EvaluationOptions.defaults());
        assertTrue(r.mouthClosedRatio() < 0.2, r.summary());
    }

    @Test
    void shakeRaisesJitter() {
        TalkingClip.Spec still = new TalkingClip.Spec();
        still.mouthMoves = false;
        still.shakePixels = 3;
        ClipReport r = evaluate("shake", still, EvaluationOptions.defaults());
        // A 3 px shake of a face ~100 px between the eyes moves landmarks by a few hundredths of an IOD per frame.
        double expected = 2.0 / r.frames().get(0).interOcular();
        assertTrue(r.jitter() > expected, "shake jitter " + r.jitter() + " expected above " + expected);
        assertEquals(75, r.faceFrames());
    }

    @Test
    void shiftedLastSecondIsDrift() {
        TalkingClip.Spec drift = new TalkingClip.Spec();
        drift.mouthMoves = false;
        drift.lastSecondShift = 8;
        ClipReport r = evaluate("drift", drift, EvaluationOptions.defaults());
        double expected = 8 / r.frames().get(0).interOcular();
        assertEquals(expected, r.restDrift(), 0.25 * expected, r.summary());
        // A picture moved as a whole is a camera move, not the face changing shape.
        assertTrue(r.shapeDrift() < 0.2 * r.restDrift(), r.summary());
    }

    @Test
    void mouthLeftOpenAtTheEndIsShapeDrift() {
        TalkingClip.Spec open = new TalkingClip.Spec();
        open.mouthMoves = false;
        open.lastSecondOpening = 0.6;
        ClipReport r = evaluate("open-at-end", open, EvaluationOptions.defaults());
        TalkingClip.Spec still = new TalkingClip.Spec();
        still.mouthMoves = false;
        ClipReport s = evaluate("still-reference", still, EvaluationOptions.defaults());
        assertTrue(r.shapeDrift() > 3 * s.shapeDrift() && r.shapeDrift() > 0.01, r.summary() + s.summary());
    }

    @Test
    void restPoseDriftCountsAMovedFaceAndSkipsOpenMouths() {
        TalkingClip.Spec still = new TalkingClip.Spec();
        still.mouthMoves = false;
        ClipReport s = evaluate("still-rest", still, EvaluationOptions.defaults());
        assertTrue(s.restPoseDrift() < 0.005, s.summary());
        assertEquals(25, s.restFramesFirst(), s.summary());
        assertEquals(25, s.restFramesLast(), s.summary());

        TalkingClip.Spec moved = new TalkingClip.Spec();
        moved.mouthMoves = false;
        moved.lastSecondShift = 8;
        ClipReport m = evaluate("moved-rest", moved, EvaluationOptions.defaults());
        double expected = 8 / m.frames().get(0).interOcular();
        assertEquals(expected, m.restPoseDrift(), 0.25 * expected, "nothing is removed: " + m.summary());
        assertTrue(m.restPoseDriftMax() >= m.restPoseDrift(), m.summary());

        // A mouth held open through the last second is no rest: those frames are left out, not averaged in.
        TalkingClip.Spec open = new TalkingClip.Spec();
        open.mouthMoves = false;
        open.lastSecondOpening = 0.6;
        ClipReport o = evaluate("open-rest", open, EvaluationOptions.defaults());
        assertEquals(0, o.restFramesLast(), o.summary());
        assertTrue(Double.isNaN(o.restPoseDrift()), o.summary());
    }

    @Test
    void analysedRangesLeaveTheOtherFramesOut() {
        TalkingClip.Spec moved = new TalkingClip.Spec();
        moved.mouthMoves = false;
        moved.lastSecondShift = 8;
        Path file = clip.write(moved, OUT.resolve("moved-ends.mp4"));
        ClipReport whole = evaluator.evaluate(file, EvaluationOptions.defaults());
        ClipReport ends = evaluator.evaluate(file, EvaluationOptions.builder().analyse(new TimeRange(0, 1))
                .analyse(new TimeRange(2, 3)).build());
        assertEquals(75, ends.frameCount());
        assertEquals(50, ends.faceFrames(), ends.summary());
        assertTrue(!ends.frames().get(37).faceFound() && ends.frames().get(60).faceFound());
        // The same measure, but for where the face sits in the mesh crop (a few thousandths).
        assertEquals(whole.restPoseDrift(), ends.restPoseDrift(), 0.005, whole.summary() + ends.summary());
    }

    @Test
    void jitterIsMeasuredOnlyInStillRanges() {
        TalkingClip.Spec drift = new TalkingClip.Spec();
        drift.mouthMoves = false;
        drift.lastSecondShift = 8;
        Path file = clip.write(drift, OUT.resolve("drift-still.mp4"));
        ClipReport whole = evaluator.evaluate(file, EvaluationOptions.defaults());
        ClipReport before = evaluator.evaluate(file, EvaluationOptions.builder().still(new TimeRange(0, 1.9)).build());
        // The 8 px jump at 2 s is one large frame-to-frame step: in the whole clip, not before it.
        assertTrue(whole.jitter() > 3 * before.jitter(), whole.jitter() + " vs " + before.jitter());
        assertTrue(before.jitter() < 0.003, "jitter before the jump " + before.jitter());
    }

    @Test
    void emotionSignatureAndContactSheet() throws Exception {
        // The drawn mouth opens the jaw in the speech stretches: read as "surprise" (jawOpen is part of it) against
        // the closed-mouth silences labelled neutral.
        EvaluationOptions options = EvaluationOptions.builder()
                .emotion(EmotionRange.of(Emotion.NEUTRAL, 0, 0.4))
                .emotion(EmotionRange.of(Emotion.NEUTRAL, 1.4, 2.0))
                .emotion(EmotionRange.of(Emotion.SURPRISE, 0.4, 1.4))
                .emotion(EmotionRange.of(Emotion.JOY, 2.0, 2.6))
                .build();
        Path file = OUT.resolve("aligned.mp4");
        ClipReport r = evaluator.evaluate(file, options);
        LOG.info("emotions:\n{}", r.summary());
        EmotionScore surprise = r.emotion(Emotion.SURPRISE).orElseThrow();
        assertEquals(25, surprise.frames());
        assertTrue(r.neutralFrames() >= 20, "neutral frames " + r.neutralFrames());
        // jawOpen is one of the five surprise shapes; the eyes and brows do not move here.
        assertTrue(surprise.delta() > 0.01, r.summary());
        assertEquals(surprise.mean() - surprise.neutralMean(), surprise.delta(), 1e-12);
        assertNotNull(r.frames().get(0).blendshapes());
        int peak = surprise.peakFrame();
        assertTrue(peak >= 10 && peak < 35, "peak inside the surprise range: " + peak);
        assertTrue(TalkingClip.opening(new TalkingClip.Spec(), peak) > 0.5, "peak where the mouth is wide open");
        double jawPeak = r.frames().get(peak).blendshapes().get("jawOpen");
        double jawNeutral = r.frames().get(40).blendshapes().get("jawOpen");
        assertTrue(jawPeak > jawNeutral + 0.1, "jawOpen at the surprise peak " + jawPeak + " vs " + jawNeutral);

        List<ContactSheet.Cell> cells = ContactSheet.emotionCells(r, options);
        assertEquals(3, cells.size(), cells.toString());
        ContactSheet sheet = ContactSheet.of(3, 200, 200);
        Path png = OUT.resolve("emotions.png");
        sheet.write(file, cells, png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(600, read.getWidth());
        assertEquals(200 + ContactSheet.LABEL_HEIGHT, read.getHeight());
        // The neutral and the surprise cells show different mouths.
        assertTrue(meanAbsDiff(read, 0, 200, 200) > 2, "cells differ");
        assertEquals(List.of(600, 222), List.of(sheet.size(3)[0], sheet.size(3)[1]));

        GagaException e = assertThrows(GagaException.class,
                () -> sheet.render(file, List.of(ContactSheet.Cell.whole(500, "past the end"))));
        assertTrue(e.getMessage().contains("500") && e.getMessage().contains("75 frames"), e.getMessage());
    }

    private static double meanAbsDiff(BufferedImage img, int x0, int x1, int side) {
        byte[] p = Images.bgr(Images.copy(img));
        int w = img.getWidth();
        double sum = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                for (int c = 0; c < 3; c++) {
                    sum += Math.abs((p[(y * w + x0 + x) * 3 + c] & 0xff) - (p[(y * w + x1 + x) * 3 + c] & 0xff));
                }
            }
        }
        return sum / (side * side * 3);
    }

    @Test
    void reportJsonCarriesTheHeadlineNumbers() throws Exception {
        String json = aligned.toJson();
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals(aligned.avOffsetFrames(), node.at("/lipSync/avOffsetFrames").asInt());
        assertEquals(aligned.syncScore(), node.at("/lipSync/syncScore").asDouble(), 1e-5);
        assertEquals(75, node.at("/track").size());
        assertEquals(21, node.at("/lipSync/correlationByLag").size());
        assertTrue(aligned.summary().contains("A/V offset"), aligned.summary());
    }

    @Test
    void writesAFrameToLookAt() throws Exception {
        byte[] px = new byte[TalkingClip.WIDTH * TalkingClip.HEIGHT * 3];
        clip.warp(1.0, px);
        BufferedImage img = Images.fromBgr(px, TalkingClip.WIDTH, TalkingClip.HEIGHT);
        ImageIO.write(img, "png", OUT.resolve("open-mouth.png").toFile());
        byte[] closed = new byte[px.length];
        clip.warp(0, closed);
        int changed = 0;
        for (int i = 0; i < px.length; i++) {
            changed += px[i] != closed[i] ? 1 : 0;
        }
        assertTrue(changed > 1000, "opening the mouth changes pixels: " + changed);
    }

    @Test
    void silentSoundtrackHasNoLipSyncNumbers() {
        TalkingClip.Spec mute = new TalkingClip.Spec();
        mute.envelope = new double[50];
        ClipReport r = evaluate("mute", mute, EvaluationOptions.defaults());
        assertEquals(50, r.frameCount());
        assertFalse(r.hasAudio());
        assertTrue(Double.isNaN(r.syncScore()), r.summary());
        assertTrue(Double.isNaN(r.mouthClosedRatio()), r.summary());
        assertTrue(r.summary().contains("no audio"), r.summary());
        assertTrue(r.toJson().contains("\"syncScore\" : null"), "NaN written as null");
    }

    @Test
    void missingFileIsAClearError() {
        GagaException e = assertThrows(GagaException.class,
                () -> evaluator.evaluate(OUT.resolve("no-such.mp4"), EvaluationOptions.defaults()));
        assertTrue(e.getMessage().contains("no-such.mp4"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
