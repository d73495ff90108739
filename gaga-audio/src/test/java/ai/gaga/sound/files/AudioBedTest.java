package ai.gaga.sound.files;

import ai.gaga.InvalidSceneException;
import ai.gaga.audio.processing.AudioFiles;
import ai.gaga.audio.PcmAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** User audio files: every format and layout FFmpeg reads, fitted to a span by looping or trimming. */
class AudioBedTest {
    private static final int RATE = PcmAudio.STANDARD_RATE;

    @TempDir
    Path dir;

    /** Makes a file with the ffmpeg command (independent of the code under test). */
    private Path ffmpeg(String name, String... args) throws Exception {
        Path out = dir.resolve(name);
        List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        return out;
    }

    @Test
    void surroundFlacAtAnOddRateBecomesStereoAtTheMixRate() throws Exception {
        Path flac = ffmpeg("surround.flac", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=22050:duration=2",
                "-af", "pan=5.1|FL=c0|FR=c0|FC=c0|LFE=c0|BL=c0|BR=c0");
        PcmAudio a = AudioFiles.read(flac, RATE, 2);
        assertEquals(2, a.channels());
        assertEquals(RATE, a.sampleRate());
        assertEquals(2.0, a.durationSeconds(), 0.05);
        assertTrue(a.rms() > 0.01, "sound survives the downmix: rms " + a.rms());
        assertEquals(440, dominantFrequency(a), 5, "pitch kept through resampling");
    }

    @Test
    void monoMp3IsSpreadToBothChannels() throws Exception {
        Path mp3 = ffmpeg("mono.mp3", "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=44100:duration=1.5",
                "-ac", "1");
        PcmAudio a = AudioFiles.read(mp3, RATE, 2);
        double left = 0;
        double right = 0;
        for (int i = 0; i < a.samples().length; i += 2) {
            left += Math.abs(a.samples()[i]);
            right += Math.abs(a.samples()[i + 1]);
        }
        assertTrue(left > 0 && Math.abs(left - right) / left < 0.01, "both channels carry the mono signal");
        assertEquals(1.5, a.durationSeconds(), 0.1);
    }

    @Test
    void badFilesAreRejectedNamingTheFile() throws Exception {
        Path missing = dir.resolve("nope.mp3");
        InvalidSceneException e = assertThrows(InvalidSceneException.class, () -> AudioFiles.read(missing, RATE, 2));
        assertTrue(e.getMessage().contains("nope.mp3") && e.getMessage().contains("not found"), e.getMessage());

        Path text = Files.writeString(dir.resolve("notes.wav"), "this is not audio at all");
        e = assertThrows(InvalidSceneException.class, () -> AudioFiles.read(text, RATE, 2));
        assertTrue(e.getMessage().contains("notes.wav"), e.getMessage());

        Path empty = Files.createFile(dir.resolve("empty.ogg"));
        e = assertThrows(InvalidSceneException.class, () -> AudioFiles.read(empty, RATE, 2));
        assertTrue(e.getMessage().contains("empty.ogg"), e.getMessage());

        Path video = ffmpeg("silent-film.mp4", "-f", "lavfi", "-i", "color=c=black:s=64x64:d=1", "-c:v",
                "mpeg4");
        e = assertThrows(InvalidSceneException.class, () -> AudioFiles.read(video, RATE, 2));
        assertTrue(e.getMessage().contains("No audio stream"), e.getMessage());
    }

    @Test
    void shortMusicLoopsWithoutGapsOrJumps() {
        // 3 s of a decaying pluck pattern: loud at each repeat's start, quiet at its end (a hard seam would show)
        PcmAudio clip = pattern(3.0);
        PcmAudio bed = AudioBed.fit(clip, 10.0, 2.0);
        assertEquals(10 * RATE * 2, bed.samples().length, "exactly the span");
        double[] env = envelope(bed, 0.05);
        // inside the looped part (after the fade-in, before the fade-out) sound never drops out
        for (int w = 2; w < env.length - 44; w++) {
            assertTrue(env[w] > 0.05 * AudioBed.PEAK, "no dropout at " + w * 0.05 + " s: " + env[w]);
        }
        assertTrue(env[env.length - 1] < 0.02 * AudioBed.PEAK, "ends faded out: " + env[env.length - 1]);
        assertTrue(bed.peak() <= AudioBed.PEAK + 1e-4, "peak-normalised like generated beds");
    }

    @Test
    void longMusicIsTrimmedAndFadedOut() {
        PcmAudio clip = pattern(8.0);
        PcmAudio bed = AudioBed.fit(clip, 3.0, 1.0);
        assertEquals(3 * RATE * 2, bed.samples().length);
        double[] env = envelope(bed, 0.05);
        assertTrue(env[env.length - 1] < 0.05 * env[10], "faded at the cut");
        assertTrue(Math.abs(bed.samples()[0]) < 1e-3, "no click at the start");
    }

    @Test
    void silenceStaysSilenceWithoutNaN() {
        PcmAudio bed = AudioBed.fit(PcmAudio.silence(1, RATE, 2), 4, 1);
        for (float v : bed.samples()) {
            assertEquals(0f, v);
        }
    }

    private static PcmAudio pattern(double seconds) {
        int n = (int) (seconds * RATE);
        float[] x = new float[n * 2];
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double beat = t % 0.5;
            double v = 0.3 * Math.exp(-beat * 3) * Math.sin(2 * Math.PI * (220 + 55 * Math.floor(t / 0.5)) * t);
            x[2 * i] = (float) v;
            x[2 * i + 1] = (float) v;
        }
        return new PcmAudio(x, RATE, 2);
    }

    private static double[] envelope(PcmAudio a, double window) {
        int w = (int) (window * RATE);
        int frames = a.samples().length / 2;
        double[] env = new double[frames / w];
        for (int k = 0; k < env.length; k++) {
            double sum = 0;
            for (int i = k * w; i < (k + 1) * w; i++) {
                sum += a.samples()[2 * i] * (double) a.samples()[2 * i];
            }
            env[k] = Math.sqrt(sum / w) * Math.sqrt(2);
        }
        return env;
    }

    /** Zero crossings per second of the left channel / 2. */
    private static double dominantFrequency(PcmAudio a) {
        int crossings = 0;
        float[] s = a.samples();
        for (int i = 2; i < s.length; i += 2) {
            if ((s[i - 2] < 0) != (s[i] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / a.durationSeconds();
    }
}
