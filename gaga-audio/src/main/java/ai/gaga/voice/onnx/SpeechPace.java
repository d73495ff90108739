package ai.gaga.voice.onnx;

import ai.gaga.voice.SpeechRequest;

/**
 * How a line's emotion and delivery change the pace and level of a neural voice, which exposes only speed (Piper's
 * length scale, Kokoro's speed) and no pitch control. Same relative speeds as the espeak mapping: sadness 25% slower,
 * anger 15% faster at full intensity, soft and whispered a little slower and quieter.
 *
 * @param speed relative speaking rate (1 is the voice's own; 1.2 is 20% faster)
 * @param gain  level factor, at most 1 (louder deliveries are left to the mix, which would otherwise clip)
 */
public record SpeechPace(double speed, double gain) {
    /** The pace of a request: its emotion scaled by intensity, then its delivery. */
    public static SpeechPace of(SpeechRequest request) {
        double k = Math.max(0, Math.min(1, request.intensity()));
        double rate = switch (request.emotion()) {
            case JOY -> 0.12 * k;
            case SADNESS -> -0.25 * k;
            case ANGER -> 0.15 * k;
            case FEAR -> 0.18 * k;
            case SURPRISE -> 0.05 * k;
            case DISGUST -> -0.12 * k;
            case TENDERNESS -> -0.15 * k;
            case NEUTRAL -> 0;
        };
        double gain = switch (request.emotion()) {
            case SADNESS -> 1 - 0.2 * k;
            case TENDERNESS -> 1 - 0.15 * k;
            default -> 1;
        };
        switch (request.delivery()) {
            case SOFT -> {
                rate -= 0.05;
                gain *= 0.6;
            }
            case WHISPER -> {
                rate -= 0.08;
                gain *= 0.5;
            }
            case TREMBLING -> rate -= 0.08;
            case SHOUT, NORMAL -> {
            }
        }
        return new SpeechPace(1 + rate, gain);
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
