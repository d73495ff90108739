package ai.gaga.voice.espeak;

import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.voice.SpeechRequest;

/**
 * espeak-ng's knobs for one line, in the same spirit as the MaryTTS mapping: sadness slower and lower, anger faster and
 * louder, joy faster and higher, shout louder and higher, soft quieter, whisper through the {@code +whisper} variant.
 *
 * @param speed     words per minute ({@code -s}, espeak's default 175)
 * @param pitch     0..99 ({@code -p}, default 50)
 * @param amplitude 0..200 ({@code -a}, default 100)
 * @param whisper   whether to use the {@code whisper} voice variant
 */
record EspeakProsody(int speed, int pitch, int amplitude, boolean whisper) {
    static final EspeakProsody NEUTRAL = new EspeakProsody(175, 50, 100, false);

    /** Clamps to what espeak-ng accepts and still sounds like speech. */
    EspeakProsody {
        speed = Math.max(80, Math.min(450, speed));
        pitch = Math.max(0, Math.min(99, pitch));
        amplitude = Math.max(0, Math.min(200, amplitude));
    }

    /** The request's emotion (scaled by intensity) plus its delivery. */
    static EspeakProsody of(SpeechRequest request) {
        double k = Math.max(0, Math.min(1, request.intensity()));
        double rate = 0; // relative speed change
        double pitch = 0; // added to espeak's 0..99 pitch
        double gain = 1;
        switch (request.emotion()) {
            case JOY -> { rate = 0.12 * k; pitch = 15 * k; }
            case SADNESS -> { rate = -0.25 * k; pitch = -15 * k; gain = 1 - 0.2 * k; }
            case ANGER -> { rate = 0.15 * k; pitch = 5 * k; gain = 1 + 0.4 * k; }
            case FEAR -> { rate = 0.18 * k; pitch = 15 * k; }
            case SURPRISE -> { rate = 0.05 * k; pitch = 20 * k; }
            case DISGUST -> { rate = -0.12 * k; pitch = -8 * k; }
            case TENDERNESS -> { rate = -0.15 * k; pitch = -3 * k; gain = 1 - 0.15 * k; }
            case NEUTRAL -> { }
        }
        boolean whisper = false;
        switch (request.delivery()) {
            case SOFT -> { rate -= 0.05; gain *= 0.6; }
            case WHISPER -> { rate -= 0.08; whisper = true; }
            case SHOUT -> { pitch += 20; gain *= 1.8; }
            // espeak has no tremor control: a slower, slightly higher voice is the nearest it gets.
            case TREMBLING -> { rate -= 0.08; pitch += 6; }
            case NORMAL -> { }
        }
        return new EspeakProsody((int) Math.round(NEUTRAL.speed * (1 + rate)), (int) Math.round(NEUTRAL.pitch + pitch),
                (int) Math.round(NEUTRAL.amplitude * gain), whisper);
    }
}
