package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Turns a {@code javax.sound} stream (what Java TTS engines hand back) into {@link PcmAudio}. */
public final class AudioStreams {
    private AudioStreams() {
    }

    /**
     * Reads the whole stream and mixes its channels down to mono float samples at the stream's own rate.
     * Reads in a loop until end of stream: a single {@code readAllBytes()} on MaryTTS's streams returned only the
     * first 4096 frames.
     *
     * @throws IOException              when the stream fails
     * @throws IllegalArgumentException for encodings other than signed/unsigned integer PCM or 32/64-bit float
     */
    public static PcmAudio readMono(AudioInputStream in) throws IOException {
        AudioFormat format = in.getFormat();
        Decoder decoder = Decoder.of(format);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(initialCapacity(in));
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            bytes.write(buffer, 0, n);
        }
        byte[] data = bytes.toByteArray();
        int frameSize = format.getFrameSize();
        int channels = format.getChannels();
        int frames = data.length / frameSize;
        float[] mono = new float[frames];
        int sampleBytes = frameSize / channels;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += decoder.decode(data, f * frameSize + c * sampleBytes);
            }
            mono[f] = (float) (sum / channels);
        }
        return new PcmAudio(mono, Math.round(format.getSampleRate()), 1);
    }

    private static int initialCapacity(AudioInputStream in) {
        long frames = in.getFrameLength();
        long bytes = frames == AudioSystem.NOT_SPECIFIED ? -1 : frames * in.getFormat().getFrameSize();
        return bytes > 0 && bytes < Integer.MAX_VALUE - 8 ? (int) bytes : 64 * 1024;
    }

    /** Reads one sample at a byte offset as a float in [-1, 1]. */
    @FunctionalInterface
    private interface Decoder {
        double decode(byte[] data, int offset);

        static Decoder of(AudioFormat format) {
            AudioFormat.Encoding encoding = format.getEncoding();
            int bits = format.getSampleSizeInBits();
            boolean big = format.isBigEndian();
            if (format.getChannels() < 1 || format.getFrameSize() != format.getChannels() * ((bits + 7) / 8)) {
                throw new IllegalArgumentException("Unsupported audio layout: " + format);
            }
            if (encoding.equals(AudioFormat.Encoding.PCM_SIGNED) || encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
                if (bits < 8 || bits > 32 || bits % 8 != 0) {
                    throw new IllegalArgumentException("Unsupported sample size " + bits + " bits in " + format);
                }
                int size = bits / 8;
                boolean unsigned = encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED);
                double scale = 1.0 / (1L << (bits - 1));
                return (data, offset) -> {
                    long v = 0;
                    for (int i = 0; i < size; i++) {
                        int b = data[offset + (big ? i : size - 1 - i)] & 0xff;
                        v = (v << 8) | b;
                    }
                    if (unsigned) {
                        v -= 1L << (bits - 1);
                    } else if ((v & (1L << (bits - 1))) != 0) {
                        v -= 1L << bits; // sign-extend
                    }
                    return v * scale;
                };
            }
            if (encoding.equals(AudioFormat.Encoding.PCM_FLOAT) && (bits == 32 || bits == 64)) {
                int size = bits / 8;
                return (data, offset) -> {
                    long v = 0;
                    for (int i = 0; i < size; i++) {
                        int b = data[offset + (big ? i : size - 1 - i)] & 0xff;
                        v = (v << 8) | b;
                    }
                    return size == 4 ? Float.intBitsToFloat((int) v) : Double.longBitsToDouble(v);
                };
            }
            throw new IllegalArgumentException("Unsupported audio encoding " + encoding + " in " + format);
        }
    }
}
