package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.RenderResult;
import ai.gaga.RenderStage;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.PhotoLoader;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.GagaSettings;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.scene.Voice;
import ai.gaga.spi.ServiceContext;
import ai.gaga.testing.Ffprobe;
import ai.gaga.testing.Fixtures;
import ai.gaga.voice.SpeechRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders real clips from the fixture photos with the real voice and encoder, and checks them with ffprobe. */
class EndToEndRenderTest {
    static Gaga gaga;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        gaga = Gaga.builder().models(Fixtures.modelStore()).build();
    }

    @AfterAll
    static void stop() {
        gaga.close();
    }

    @Test
    void rendersATalking1080pClipWhoseStreamsMatchTheSpeech() {
        String first = "Hello, my name is Grace.";
        String second = "I wrote the first compiler.";
        Scene scene = Scene.builder().actor("grace", Fixtures.graceHopper())
                .says(first).emotion(Emotion.JOY, 0.5)
                .pause(Duration.ofMillis(700))
                .says(second)
                .build();
        double speech1 = gaga.speak(SpeechRequest.of(first, Voice.DEFAULT)).durationSeconds();
        double speech2 = gaga.speak(SpeechRequest.of(second, Voice.DEFAULT)).durationSeconds();
        // the first line is acted with joy, which changes its tempo: measure it as rendered
        double joyful = gaga.speak(new SpeechRequest(first, Voice.DEFAULT, Emotion.JOY, 0.5,
                ai.gaga.scene.Delivery.NORMAL)).durationSeconds();
        double expected = joyful + 0.7 + speech2;
        assertTrue(speech1 > 0.8 && speech2 > 0.8, "speech too short: " + speech1 + ", " + speech2);

        List<Double> fractions = new ArrayList<>();
        Path out = dir.resolve("grace.mp4");
        RenderResult r = gaga.render(scene, out, p -> fractions.add(p.fraction()));

        Ffprobe probe = Ffprobe.probe(out);
        Ffprobe.Stream video = probe.video();
        Ffprobe.Stream audio = probe.audio();
        assertEquals("h264", video.codecName());
        assertEquals(1920, video.width());
        assertEquals(1080, video.height());
        assertEquals("yuv420p", video.pixFmt());
        assertEquals(25.0, video.avgFrameRate(), 1e-6);
        assertEquals("aac", audio.codecName());
        assertEquals(48000, audio.sampleRate());
        assertEquals(2, audio.channels());
        assertEquals(expected, audio.duration(), 0.1, "audio vs speech");
        assertEquals(expected, video.duration(), 0.1, "video vs speech");
        assertEquals(r.frames(), Ffprobe.countVideoFrames(out));
        assertTrue(Ffprobe.isFastStart(out), "moov must precede mdat");
        assertTrue(List.of("libopenh264", "libx264", "h264_nvenc").contains(r.videoEncoder()), r.videoEncoder());

        // the voice is in the audio where the lines are, and the pause between them is quiet
        float[] pcm = Ffprobe.decodeAudio(out, 16000, 1);
        double speaking = rms(pcm, 16000, 0.1, joyful - 0.1);
        double pause = rms(pcm, 16000, joyful + 0.15, joyful + 0.55);
        assertTrue(speaking > 0.02, "speech level " + speaking);
        assertTrue(pause < speaking / 10, "pause level " + pause + " vs speech " + speaking);

        // progress is monotonic and ends at 1, with per-stage times reported
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1));
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-9);
        assertTrue(r.stageTimes().containsKey(RenderStage.SPEECH) && r.stageTimes().containsKey(RenderStage.ENCODE));

        // the actor is in the picture: re-detect the face in a decoded frame
        FaceBox face = faceInFrame(out, 1.0);
        assertEquals(960, face.centerX(), 1920 * 0.05, "face centred: " + face);
        assertTrue(face.height() > 1080 * 0.25 && face.height() < 1080 * 0.55, "face size: " + face);
    }

    @Test
    void rendersVerticalAndSquareClips() {
        for (Resolution res : List.of(Resolution.VERTICAL_FULL_HD, Resolution.SQUARE)) {
            Path out = dir.resolve("clip-" + res + ".mp4");
            Scene scene = Scene.builder().actor(Fixtures.graceHopper()).says("Short and sweet.").resolution(res)
                    .fps(30).build();
            gaga.render(scene, out);
            Ffprobe.Stream video = Ffprobe.probe(out).video();
            assertEquals(res.width(), video.width());
            assertEquals(res.height(), video.height());
            assertEquals(30.0, video.avgFrameRate(), 1e-6);
            FaceBox face = faceInFrame(out, 0.5);
            assertTrue(face.x() > 0 && face.maxX() < res.width() && face.y() > 0 && face.maxY() < res.height(),
                    res + " face inside the frame: " + face);
        }
    }

    @Test
    void sameSceneRendersTheSameFramesAndSound() {
        Scene scene = Scene.builder().actor(Fixtures.astronaut()).says("Again and again.").seed(3).build();
        Path a = dir.resolve("a.mp4");
        Path b = dir.resolve("b.mp4");
        gaga.render(scene, a);
        gaga.render(scene, b);
        List<String> first = Ffprobe.frameMd5s(a);
        assertTrue(first.size() > 20, "frames and audio packets: " + first.size());
        assertEquals(first, Ffprobe.frameMd5s(b));
    }

    @Test
    void aPauseInsideAScreenplayLineIsHeardAsSilence() {
        Scene scene = Scene.parse("GRACE\nI have to go. [pause 900ms] Goodbye.\n",
                java.util.Map.of("GRACE", Fixtures.graceHopper()));
        ai.gaga.timeline.Timeline plan = gaga.plan(scene).timeline();
        ai.gaga.voice.Utterance u = plan.entries().get(0).utterance();
        ai.gaga.voice.PhoneTiming gap = u.phones().stream().filter(p -> p.isSilence() && p.duration() > 0.85)
                .findFirst().orElseThrow(() -> new AssertionError("no 0.9 s pause in " + u.phones()));
        assertEquals(0.9, gap.duration(), 0.01);

        Path out = dir.resolve("pause.mp4");
        gaga.render(scene, out);
        float[] pcm = Ffprobe.decodeAudio(out, 16000, 1);
        double before = rms(pcm, 16000, 0.1, gap.start() - 0.1);
        double inside = rms(pcm, 16000, gap.start() + 0.15, gap.end() - 0.15);
        double after = rms(pcm, 16000, gap.end() + 0.05, u.durationSeconds() - 0.1);
        assertTrue(inside < before / 10 && inside < after / 10,
                "silence inside the line: " + inside + " vs " + before + " / " + after);
    }

    static double rms(float[] pcm, int rate, double from, double to) {
        int a = (int) (from * rate);
        int b = Math.min(pcm.length, (int) (to * rate));
        double sum = 0;
        for (int i = a; i < b; i++) {
            sum += pcm[i] * (double) pcm[i];
        }
        return Math.sqrt(sum / Math.max(1, b - a));
    }

    FaceBox faceInFrame(Path video, double seconds) {
        Path png = Ffprobe.extractFrame(video, seconds, dir.resolve("frame-" + seconds + ".png"));
        BufferedImage frame = PhotoLoader.load(png);
        try (OnnxSessions onnx = new OnnxSessions(ExecutionDevice.CPU, 2)) {
            ServiceContext ctx = ServiceContext.of(Fixtures.modelStore(), onnx, GagaSettings.defaults());
            return new FaceDetector(ctx).largest(frame)
                    .orElseThrow(() -> new AssertionError("no face in the rendered frame at " + seconds + " s"));
        }
    }
}
