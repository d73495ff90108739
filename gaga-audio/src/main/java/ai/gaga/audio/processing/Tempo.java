package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;


import java.util.Locale;

/**
 * Changes the speed of speech without changing its pitch (FFmpeg's {@code atempo}: overlap-add on waveform
 * similarity), to an exact length. Used where a voice's own rate control cannot say in advance how long its audio
 * will be (MaryTTS's vocoder rounds a changed rate state by state).
 */
public final class Tempo {
    /** Slowest tempo: half speed ({@code atempo}'s lower limit). */
    public static final double MIN = 0.5;
    /** Fastest tempo: double speed (one {@code atempo} stage in every FFmpeg version; speech never needs more). */
    public static final double MAX = 2;

    private Tempo() {
    }

    /**
     * The audio played {@code tempo} times as fast (2 halves its length), cut or padded with silence to exactly
     * {@code frames} frames (the caller's planned length, within a few milliseconds of {@code length / tempo}).
     * Returns the input itself when the tempo is 1 and the length already matches.
     *
     * @throws IllegalArgumentException for a tempo outside [{@link #MIN}, {@link #MAX}] or negative frames
     */
    public static PcmAudio change(PcmAudio audio, double tempo, int frames) {
        if (!(tempo >= MIN && tempo <= MAX)) {
            throw new IllegalArgumentException("Tempo " + tempo + " is outside [" + MIN + ", " + MAX + "]");
        }
        if (frames < 0) {
            throw new IllegalArgumentException("Negative length " + frames);
        }
        if (tempo == 1 && frames == audio.frames()) {
            return audio;
        }
        PcmAudio out = tempo == 1 ? audio
                // room for atempo's few extra milliseconds, so that exactLength can fade out a cut
                : AudioFilterGraph.run(audio, String.format(Locale.ROOT, "atempo=%.6f", tempo),
                        frames + audio.sampleRate() / 10, "Tempo change");
        return exactLength(out, frames);
    }

    /**
     * The audio cut or padded with silence to {@code frames}; a cut ends with a 5 ms fade so that it never clicks.
     */
    public static PcmAudio exactLength(PcmAudio audio, int frames) {
        if (audio.frames() == frames) {
            return audio;
        }
        int ch = audio.channels();
        float[] samples = java.util.Arrays.copyOf(audio.samples(), frames * ch);
        if (frames < audio.frames()) {
            int fade = Math.min(frames, audio.sampleRate() / 200);
            for (int i = 0; i < fade; i++) {
                float g = i / (float) fade;
                for (int c = 0; c < ch; c++) {
                    samples[(frames - 1 - i) * ch + c] *= g;
                }
            }
        }
        return new PcmAudio(samples, audio.sampleRate(), ch);
    }
}
