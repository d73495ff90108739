package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.InvalidSceneException;
import ai.gaga.RenderOptions;
import ai.gaga.RenderResult;
import ai.gaga.evaluate.ClipEvaluator;
import ai.gaga.evaluate.ClipReport;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Ffprobe;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user brings their own voice: {@code says(Path)} plays the recording and the face lip-syncs to its sound (visemes
 * read from the audio). The recording is made by the espeak-ng command, independent of GAGA's engines.
 */
class RecordedLineTest {
    private static final Logger LOG = LoggerFactory.getLogger(RecordedLineTest.class);

    @TempDir
    Path dir;

    @Test
    void theFaceLipSyncsToTheUsersRecording() throws Exception {
        Path wav = dir.resolve("my-voice.wav");
        Process p = new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", "150", "-w", wav.toString(),
                "Papa bought a map, and we walked all the way to the harbour. Then the boats came back home.")
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        double seconds = Ffprobe.probe(wav).formatDuration();

        Scene scene = Scene.builder().actor("me", Fixtures.graceHopper())
                .says(wav, "Papa bought a map, and we walked all the way to the harbour.").emotion(Emotion.JOY, 0.6)
                .build();
        Path out = dir.resolve("mine.mp4");
        try (Gaga gaga = Gaga.builder().models(Fixtures.modelStore()).build();
             ClipEvaluator evaluator = ClipEvaluator.open(Fixtures.modelDir())) {
            RenderResult r = gaga.render(scene, out, RenderOptions.builder().subtitles(true).build());
            assertEquals(seconds, r.duration().toMillis() / 1000.0, 0.1, "the clip is as long as the recording");
            ClipReport report = evaluator.evaluate(out);
            LOG.info("Recorded line: {}", report.summary());
            assertTrue(Math.abs(report.avOffsetFrames()) <= 1, "A/V offset " + report.avOffsetFrames());
            assertTrue(report.syncScore() > 0.3, "the mouth follows the recording: sync " + report.syncScore());
            assertTrue(Files.readString(dir.resolve("mine.srt")).contains("Papa bought a map"), "transcript subtitled");
        }
    }

    @Test
    void aMissingOrSilentRecordingIsRejectedNamingTheFileAndLeavesNothing() throws Exception {
        Path silent = dir.resolve("silence.wav");
        Process p = new ProcessBuilder(Ffprobe.ffmpeg(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "anullsrc=r=44100:cl=mono", "-t", "1", silent.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        try (Gaga gaga = Gaga.builder().models(Fixtures.modelStore()).build()) {
            for (Path bad : new Path[] {dir.resolve("nowhere.wav"), silent}) {
                Scene scene = Scene.builder().actor("me", Fixtures.graceHopper()).says(bad).build();
                Path out = dir.resolve("bad.mp4");
                InvalidSceneException e = assertThrows(InvalidSceneException.class, () -> gaga.render(scene, out));
                assertTrue(e.getMessage().contains(bad.getFileName().toString()), e.getMessage());
                assertFalse(Files.exists(out));
                try (Stream<Path> files = Files.list(dir)) {
                    assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")));
                }
            }
        }
    }
}
