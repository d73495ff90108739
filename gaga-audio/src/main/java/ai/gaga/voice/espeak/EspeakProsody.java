package ai.gaga.voice.espeak;

import ai.gaga.voice.prosody.ProsodyShift;

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
        ProsodyShift emotion = ProsodyShift.emotionOf(request);
        ProsodyShift delivery = ProsodyShift.of(request.delivery());
        boolean whisper = request.delivery() == ai.gaga.scene.Delivery.WHISPER; // its own variant, not a gain
        double rate = (emotion.rate() + delivery.rate()) / 100;
        // espeak's pitch is 0..99 around 50: a change of p percent moves it p points (joy +15, shout +25);
        // it has no tremor control, so trembling is the table's slower, slightly higher voice
        double pitch = emotion.pitch() + delivery.pitch();
        double gain = emotion.gain() * (whisper ? 1 : delivery.gain());
        return new EspeakProsody((int) Math.round(NEUTRAL.speed * (1 + rate)), (int) Math.round(NEUTRAL.pitch + pitch),
                (int) Math.round(NEUTRAL.amplitude * gain), whisper);
    }
}
