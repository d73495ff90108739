package ai.gaga.encode.ffmpeg;

import ai.gaga.OutputException;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Resolution;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H264EncodersTest {
    private static final Path OUT = Path.of("out.mp4");

    /** The FFmpeg jar on the class path decides: the GPL one must bring libx264, the LGPL one libopenh264 only. */
    @Test
    void buildHasTheExpectedSoftwareEncoder() {
        List<String> have = H264Encoders.available();
        boolean gpl = H264EncodersTest.class.getClassLoader()
                .getResource("org/bytedeco/ffmpeg/linux-x86_64-gpl/") != null;
        boolean lgpl = H264EncodersTest.class.getClassLoader()
                .getResource("org/bytedeco/ffmpeg/linux-x86_64/") != null;
        if (gpl) {
            assertTrue(have.contains(H264Encoders.X264), have.toString());
        } else if (lgpl) {
            assertTrue(have.contains(H264Encoders.OPENH264), have.toString());
            assertFalse(have.contains(H264Encoders.X264), "libx264 in an LGPL build? " + have);
        }
        assertTrue(have.contains(H264Encoders.X264) || have.contains(H264Encoders.OPENH264), have.toString());
    }

    @Test
    void cpuDeviceNeverTriesNvenc() {
        List<String> c = H264Encoders.candidates(SyntheticClip.cpu(), OUT);
        assertEquals(List.of(FfmpegVideoSinkTest.expectedSoftwareEncoder()), c);
    }

    @Test
    void gpuAllowedTriesNvencFirstWhenTheBuildHasIt() {
        List<String> c = H264Encoders.candidates(SyntheticClip.settings(ExecutionDevice.AUTO, "auto", "fast"), OUT);
        if (H264Encoders.isAvailable(H264Encoders.NVENC)) {
            assertEquals(List.of(H264Encoders.NVENC, FfmpegVideoSinkTest.expectedSoftwareEncoder()), c);
        } else {
            assertEquals(List.of(FfmpegVideoSinkTest.expectedSoftwareEncoder()), c);
        }
    }

    @Test
    void namedEncoderIsTheOnlyCandidate() {
        String name = FfmpegVideoSinkTest.expectedSoftwareEncoder();
        assertEquals(List.of(name), H264Encoders.candidates(
                SyntheticClip.settings(ExecutionDevice.AUTO, " " + name.toUpperCase() + " ", "fast"), OUT));
        assertThrows(IllegalArgumentException.class, () -> H264Encoders.candidates(
                SyntheticClip.settings(ExecutionDevice.AUTO, "libfoo264", "fast"), OUT));
    }

    @Test
    void libx264OnTheLgplBuildExplainsTheGplProfile() {
        if (H264Encoders.isAvailable(H264Encoders.X264)) {
            return; // GPL build: nothing to explain
        }
        OutputException e = assertThrows(OutputException.class, () -> H264Encoders.candidates(
                SyntheticClip.settings(ExecutionDevice.CPU, "libx264", "fast"), OUT));
        assertTrue(e.getMessage().contains("-Pgpl"), e.getMessage());
    }

    @Test
    void presetsMapToEncoderSettings() {
        VideoFormat hd25 = new VideoFormat(Resolution.FULL_HD, 25, 1);
        H264Encoders.Setup fast = H264Encoders.setup(H264Encoders.X264, "fast", hd25);
        assertEquals("veryfast", fast.options().get("preset"));
        assertEquals("20", fast.options().get("crf"));
        assertEquals(0, fast.bitrate());
        H264Encoders.Setup quality = H264Encoders.setup(H264Encoders.X264, "Quality", hd25);
        assertEquals("medium", quality.options().get("preset"));
        assertEquals("18", quality.options().get("crf"));
        H264Encoders.Setup nvenc = H264Encoders.setup(H264Encoders.NVENC, "fast", hd25);
        assertEquals("p4", nvenc.options().get("preset"));
        assertEquals("21", nvenc.options().get("cq"));
        assertThrows(IllegalArgumentException.class, () -> H264Encoders.setup(H264Encoders.X264, "turbo", hd25));
    }

    @Test
    void openh264BitrateScalesWithPixelsPerSecond() {
        assertEquals(8_000_000, H264Encoders.setup(H264Encoders.OPENH264, "fast",
                new VideoFormat(Resolution.FULL_HD, 25, 1)).bitrate());
        assertEquals(9_600_000, H264Encoders.setup(H264Encoders.OPENH264, "fast",
                new VideoFormat(Resolution.VERTICAL_FULL_HD, 30, 1)).bitrate());
        assertEquals(4_320_000, H264Encoders.setup(H264Encoders.OPENH264, "fast",
                new VideoFormat(Resolution.SQUARE, 24, 1)).bitrate());
        assertEquals(12_000_000, H264Encoders.setup(H264Encoders.OPENH264, "quality",
                new VideoFormat(Resolution.FULL_HD, 25, 1)).bitrate());
    }
}
