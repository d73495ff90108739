package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loudness measured independently by the ffmpeg command's {@code ebur128} filter (test helper). */
public final class Ebur128 {
    private Ebur128() {
    }

    /** Integrated loudness (LUFS) and true peak (dBTP) of stereo or mono PCM. */
    public static double[] measure(PcmAudio a, Path scratch) throws IOException, InterruptedException {
        Path raw = scratch.resolve("ebur128-" + System.nanoTime() + ".f32");
        ByteBuffer b = ByteBuffer.allocate(a.samples().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : a.samples()) {
            b.putFloat(f);
        }
        Files.write(raw, b.array());
        Process p = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-nostats", "-f", "f32le", "-ar",
                Integer.toString(a.sampleRate()), "-ac", Integer.toString(a.channels()), "-i", raw.toString(), "-af",
                "ebur128=peak=true", "-f", "null", "-")).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg ebur128 failed: " + log);
        }
        Files.delete(raw);
        String summary = log.substring(log.lastIndexOf("Summary:"));
        return new double[] {number(summary, "I:\\s+(-?[0-9.]+) LUFS"), number(summary, "Peak:\\s+(-?[0-9.]+) dBFS")};
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(regex + " not in " + text);
        }
        return Double.parseDouble(m.group(1));
    }
}
