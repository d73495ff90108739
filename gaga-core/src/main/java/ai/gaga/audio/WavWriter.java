package ai.gaga.audio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes PCM as a 24-bit WAV file (what audio editors import without loss of the mix's headroom; samples beyond
 * ±1 are clipped).
 */
@ai.gaga.Internal
public final class WavWriter {
    private static final int BYTES = 3;
    private static final int MAX = (1 << 23) - 1;

    private WavWriter() {
    }

    /** Writes {@code audio} to {@code file}, replacing it. */
    public static void write(PcmAudio audio, Path file) throws IOException {
        float[] s = audio.samples();
        long dataBytes = (long) s.length * BYTES;
        if (dataBytes > 0xFFFF_FFFFL - 36) {
            throw new IOException("Too long for a WAV file: " + audio);
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes))
                .put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '}).putInt(16)
                .putShort((short) 1).putShort((short) audio.channels()).putInt(audio.sampleRate())
                .putInt(audio.sampleRate() * audio.channels() * BYTES).putShort((short) (audio.channels() * BYTES))
                .putShort((short) (8 * BYTES)).put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header.array());
            byte[] chunk = new byte[BYTES * 4096];
            int n = 0;
            for (float v : s) {
                int q = (int) Math.round(Math.max(-1, Math.min(1, v)) * MAX);
                chunk[n++] = (byte) q;
                chunk[n++] = (byte) (q >> 8);
                chunk[n++] = (byte) (q >> 16);
                if (n == chunk.length) {
                    out.write(chunk, 0, n);
                    n = 0;
                }
            }
            out.write(chunk, 0, n);
        }
    }
}
