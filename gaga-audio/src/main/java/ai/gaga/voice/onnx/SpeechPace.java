package ai.gaga.voice.onnx;

import ai.gaga.voice.prosody.ProsodyShift;

import ai.gaga.voice.SpeechRequest;

/**
 * How a line's emotion and delivery change the pace and level of a neural voice, which exposes only speed (Piper's
 * length scale, Kokoro's speed) and no pitch control: the rate and the gain (at most 1) of {@link ProsodyShift}.
 *
 * @param speed relative speaking rate (1 is the voice's own; 1.2 is 20% faster)
 * @param gain  level factor, at most 1 (louder deliveries are left to the mix, which would otherwise clip)
 */
public record SpeechPace(double speed, double gain) {
    /** The pace of a request: its emotion scaled by intensity, then its delivery. */
    public static SpeechPace of(SpeechRequest request) {
        ProsodyShift emotion = ProsodyShift.emotionOf(request);
        ProsodyShift delivery = ProsodyShift.of(request.delivery());
        // louder than the voice is left to the mix (it would clip here)
        return new SpeechPace(1 + (emotion.rate() + delivery.rate()) / 100, Math.min(1, emotion.gain() * delivery.gain()));
    }

    /** Scales samples in place by {@link #gain()} (nothing to do at 1). */
    public void apply(float[] samples) {
        if (gain == 1) {
            return;
        }
        float g = (float) gain;
        for (int i = 0; i < samples.length; i++) {
            samples[i] *= g;
        }
    }
}
