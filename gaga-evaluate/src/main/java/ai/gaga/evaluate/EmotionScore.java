package ai.gaga.evaluate;

import ai.gaga.scene.Emotion;

/**
 * How strongly one emotion shows in its labelled frames compared with the same actor's neutral frames
 * ({@link EmotionSignature}).
 *
 * @param emotion     the emotion
 * @param frames      frames in its ranges with a face and blendshapes
 * @param mean        mean signature over those frames
 * @param neutralMean mean signature of this emotion over the neutral frames ({@code NaN} when there are none)
 * @param delta       {@code mean - neutralMean}: how far the emotion rises above neutral
 * @param peakFrame   frame index of the strongest signature in the ranges (-1 when none)
 * @param peak        that signature
 */
public record EmotionScore(Emotion emotion, int frames, double mean, double neutralMean, double delta, int peakFrame,
                           double peak) {
}
