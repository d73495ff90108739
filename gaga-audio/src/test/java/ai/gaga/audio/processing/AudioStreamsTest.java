package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AudioStreamsTest {
    /** Hands out at most 7 bytes per read, like a stream that produces audio piecewise. */
    private static final class Trickle extends InputStream {
        private final InputStream in;

        Trickle(byte[] data) {
            this.in = new ByteArrayInputStream(data);
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, Math.min(len, 7));
        }
    }

    private static AudioInputStream stream(byte[] data, AudioFormat format) {
        return new AudioInputStream(new Trickle(data), format, data.length / format.getFrameSize());
    }

    @Test
    void readsEveryFrameOfAStreamThatArrivesInPieces() throws IOException {
        int frames = 20_000;
        byte[] data = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short v = (short) (i % 2 == 0 ? 16384 : -16384);
            data[2 * i] = (byte) v;
            data[2 * i + 1] = (byte) (v >> 8);
        }
        PcmAudio audio = AudioStreams.readMono(stream(data, new AudioFormat(48000, 16, 1, true, false)));
        assertEquals(frames, audio.frames());
        assertEquals(48000, audio.sampleRate());
        assertEquals(0.5f, audio.samples()[0]);
        assertEquals(-0.5f, audio.samples()[frames - 1]);
    }

    @Test
    void decodesBigEndian24BitStereoToMono() throws IOException {
        // Two frames: (L=+0.5, R=-0.25), (L=max, R=max).
        byte[] data = {0x40, 0, 0, (byte) 0xE0, 0, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, 0x7F, (byte) 0xFF, (byte) 0xFF};
        PcmAudio audio = AudioStreams.readMono(stream(data, new AudioFormat(22050, 24, 2, true, true)));
        assertEquals(22050, audio.sampleRate());
        assertArrayEquals(new float[] {0.125f, (float) (8388607 / 8388608.0)}, audio.samples(), 1e-7f);
    }

    @Test
    void decodesUnsigned8BitAndFloat() throws IOException {
        PcmAudio u8 = AudioStreams.readMono(stream(new byte[] {(byte) 128, (byte) 192, 0},
                new AudioFormat(AudioFormat.Encoding.PCM_UNSIGNED, 8000, 8, 1, 1, 8000, false)));
        assertArrayEquals(new float[] {0f, 0.5f, -1f}, u8.samples());

        int bits = Float.floatToIntBits(-0.75f);
        byte[] le = {(byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)};
        PcmAudio f32 = AudioStreams.readMono(stream(le,
                new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, 16000, 32, 1, 4, 16000, false)));
        assertArrayEquals(new float[] {-0.75f}, f32.samples());
    }

    @Test
    void refusesCompressedEncodings() {
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
        assertThrows(IllegalArgumentException.class, () -> AudioStreams.readMono(stream(new byte[4], ulaw)));
    }
}
