package ai.gaga.voice.prosody;

import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.voice.SpeechRequest;

/**
 * How a line's emotion and delivery change its voice, in relative terms every engine can map onto its own controls
 * (MaryTTS's {@code <prosody>}, espeak-ng's {@code -s -p -a}, the neural voices' speed). This is the one place the
 * numbers live: sadness slower, lower, flatter and quieter; joy and anger faster, higher and livelier; shout higher and
 * louder; soft and whisper slower and quieter; trembling slower and a little higher.
 *
 * @param rate  speaking-rate change in percent: {@code +12} is 12 % faster, {@code -25} 25 % slower
 * @param pitch mean-pitch change in percent: {@code +15} is 15 % higher
 * @param range pitch-range change (how much the melody moves) in percent: {@code +40} is 40 % wider
 * @param gain  level factor (1 unchanged)
 */
public record ProsodyShift(double rate, double pitch, double range, double gain) {
    /** No change. */
    public static final ProsodyShift NONE = new ProsodyShift(0, 0, 0, 1);

    /** An emotion at full intensity. */
    public static ProsodyShift of(Emotion emotion) {
        return switch (emotion) {
            case NEUTRAL -> NONE;
            case JOY -> new ProsodyShift(12, 15, 40, 1);
            case SADNESS -> new ProsodyShift(-25, -12, -40, 0.8);
            case ANGER -> new ProsodyShift(15, 8, 50, 1.4);
            case FEAR -> new ProsodyShift(18, 15, 20, 1);
            case SURPRISE -> new ProsodyShift(5, 20, 60, 1);
            case DISGUST -> new ProsodyShift(-12, -8, 15, 1);
            case TENDERNESS -> new ProsodyShift(-15, -3, -25, 0.85);
        };
    }

    /**
     * A delivery, whatever the emotion. A whisper's gain is for engines without a whisper voice; those with one
     * (espeak-ng's variant, Mary's effect) use that instead.
     */
    public static ProsodyShift of(Delivery delivery) {
        return switch (delivery) {
            case NORMAL -> NONE;
            case SOFT -> new ProsodyShift(-5, -3, -15, 0.6);
            case WHISPER -> new ProsodyShift(-8, 0, 0, 0.5);
            case SHOUT -> new ProsodyShift(0, 25, 40, 2.0);
            case TREMBLING -> new ProsodyShift(-8, 6, 0, 1);
        };
    }

    /** An emotion at {@code intensity} (0..1): every change scaled by it. */
    public static ProsodyShift of(Emotion emotion, double intensity) {
        double k = Math.max(0, Math.min(1, intensity));
        ProsodyShift e = of(emotion);
        return new ProsodyShift(e.rate * k, e.pitch * k, e.range * k, 1 + (e.gain - 1) * k);
    }

    /** A request's emotion at its intensity. */
    public static ProsodyShift emotionOf(SpeechRequest request) {
        return of(request.emotion(), request.intensity());
    }
}
