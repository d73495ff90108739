package ai.gaga.voice.espeak;

import ai.gaga.GagaException;
import ai.gaga.audio.PcmAudio;

/**
 * Decodes the WAV espeak-ng writes to stdout. When writing to a pipe it cannot seek back, so the RIFF and data sizes in
 * the header are placeholders ({@code 0x7ffff000}-ish): the data chunk is taken to run to the end of the bytes.
 */
final class EspeakWav {
    private EspeakWav() {
    }

    /** Mono 16-bit PCM at the rate in the header. */
    static PcmAudio decode(byte[] wav) {
        if (wav.length < 12 || wav[0] != 'R' || wav[1] != 'I' || wav[2] != 'F' || wav[3] != 'F') {
            throw new GagaException("espeak-ng did not write a WAV file (" + wav.length + " bytes)");
        }
        int pos = 12;
        int rate = 0;
        int channels = 1;
        int bits = 16;
        while (pos + 8 <= wav.length) {
            String id = new String(wav, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = le32(wav, pos + 4);
            int body = pos + 8;
            if (id.equals("fmt ")) {
                channels = le16(wav, body + 2);
                rate = le32(wav, body + 4);
                bits = le16(wav, body + 14);
            } else if (id.equals("data")) {
                if (rate <= 0 || bits != 16) {
                    throw new GagaException("Unexpected espeak-ng WAV format: " + rate + " Hz, " + bits + " bits");
                }
                int frames = (wav.length - body) / (2 * channels);
                float[] mono = new float[frames];
                for (int f = 0; f < frames; f++) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += (short) le16(wav, body + 2 * (f * channels + c)) / 32768.0;
                    }
                    mono[f] = (float) (sum / channels);
                }
                return new PcmAudio(mono, rate, 1);
            }
            pos = body + size + (size & 1);
        }
        throw new GagaException("espeak-ng WAV has no data chunk");
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int le32(byte[] b, int i) {
        return le16(b, i) | le16(b, i + 2) << 16;
    }
}
