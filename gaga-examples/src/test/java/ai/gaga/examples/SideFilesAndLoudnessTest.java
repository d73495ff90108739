package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.RenderOptions;
import ai.gaga.RenderResult;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Ffprobe;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A render that asks for stems and subtitles, mastered to a chosen loudness: the side files appear beside the MP4
 * (and nothing temporary is left), and the MP4's soundtrack measures at the target with FFmpeg's ebur128.
 */
class SideFilesAndLoudnessTest {
    @TempDir
    Path dir;

    @Test
    void stemsSubtitlesAndLoudnessTarget() throws Exception {
        Scene scene = Scene.parse(String.join("\n", "EXT. STATION - NIGHT - RAIN", "[music: melancholic]", "",
                "GRACE", "(sad)", "The last train left an hour ago.", "", "GRACE", "I will walk home in the rain.",
                ""), Map.of("GRACE", Fixtures.graceHopper()));
        Path out = dir.resolve("night.mp4");
        RenderResult r;
        try (Gaga gaga = Gaga.builder().models(Fixtures.modelStore()).loudness(-20).build()) {
            r = gaga.render(scene, out, RenderOptions.builder().stems(true).subtitles(true).build());
        }
        List<String> names = List.of("night.dialogue.wav", "night.music.wav", "night.effects.wav", "night.srt",
                "night.vtt");
        for (String name : names) {
            assertTrue(Files.size(dir.resolve(name)) > 100, name + " written");
        }
        assertEquals(names.stream().map(dir::resolve).sorted().toList(), r.sideFiles().stream().sorted().toList());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }

        double seconds = r.duration().toMillis() / 1000.0;
        for (String stem : List.of("night.dialogue.wav", "night.music.wav", "night.effects.wav")) {
            Ffprobe wav = Ffprobe.probe(dir.resolve(stem));
            assertEquals(seconds, wav.formatDuration(), 0.05, stem + " as long as the clip");
            assertEquals("48000", wav.get("streams_stream_0_sample_rate").orElseThrow(), stem);
            assertEquals("2", wav.get("streams_stream_0_channels").orElseThrow(), stem);
        }
        String srt = Files.readString(dir.resolve("night.srt"));
        assertTrue(srt.contains("The last train left an hour ago.") && srt.contains("-->"), srt);
        assertTrue(Files.readString(dir.resolve("night.vtt")).startsWith("WEBVTT"));

        // rain ambience and music are in their stems, speech in the dialogue stem
        assertTrue(rms(dir.resolve("night.effects.wav")) > 1e-3, "rain audible");
        assertTrue(rms(dir.resolve("night.music.wav")) > 1e-3, "music audible");

        double[] loudness = ebur128(out);
        assertEquals(-20, loudness[0], 1.0, "integrated loudness of the MP4's AAC track");
        assertTrue(loudness[1] <= -1.0, "true peak " + loudness[1] + " dBTP");
    }

    private static double rms(Path wav) {
        float[] pcm = Ffprobe.decodeAudio(wav, 16000, 1);
        double sum = 0;
        for (float v : pcm) {
            sum += v * (double) v;
        }
        return Math.sqrt(sum / Math.max(1, pcm.length));
    }

    /** Integrated loudness (LUFS) and true peak (dBTP) by the ffmpeg command. */
    static double[] ebur128(Path media) throws Exception {
        Process p = new ProcessBuilder(Ffprobe.ffmpeg(), "-hide_banner", "-nostats", "-i", media.toString(), "-vn",
                "-af", "ebur128=peak=true", "-f", "null", "-").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        String summary = log.substring(log.lastIndexOf("Summary:"));
        return new double[] {number(summary, "I:\\s+(-?[0-9.]+) LUFS"), number(summary, "Peak:\\s+(-?[0-9.]+) dBFS")};
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " not in " + text);
        return Double.parseDouble(m.group(1));
    }
}
