package ai.gaga.evaluate;

import ai.gaga.scene.Emotion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-emotion blendshape signatures over labelled ranges: each emotion's mean {@link EmotionSignature} in its own
 * frames against the same signature's mean over the neutral frames (the {@code NEUTRAL} ranges, or every frame
 * outside the emotion ranges when none is labelled neutral).
 */
final class EmotionScoring {
    private EmotionScoring() {
    }

    /** Fills {@code b.emotions} and {@code b.neutralFrames} from the frames already in {@code b}. */
    static void score(ClipReport.Builder b, List<EmotionRange> ranges) {
        if (ranges.isEmpty()) {
            return;
        }
        boolean explicitNeutral = ranges.stream().anyMatch(r -> r.emotion() == Emotion.NEUTRAL);
        List<FrameSample> neutral = new ArrayList<>();
        Map<Emotion, List<FrameSample>> byEmotion = new LinkedHashMap<>();
        for (EmotionRange r : ranges) {
            if (r.emotion() != Emotion.NEUTRAL) {
                byEmotion.computeIfAbsent(r.emotion(), e -> new ArrayList<>());
            }
        }
        for (FrameSample f : b.frames) {
            if (f.blendshapes() == null) {
                continue;
            }
            boolean inEmotion = false;
            for (EmotionRange r : ranges) {
                if (!r.range().contains(f.time())) {
                    continue;
                }
                if (r.emotion() == Emotion.NEUTRAL) {
                    neutral.add(f);
                } else {
                    List<FrameSample> list = byEmotion.get(r.emotion());
                    if (list.isEmpty() || list.get(list.size() - 1) != f) {
                        list.add(f);
                    }
                    inEmotion = true;
                }
            }
            if (!explicitNeutral && !inEmotion) {
                neutral.add(f);
            }
        }
        b.neutralFrames = neutral.size();
        for (Map.Entry<Emotion, List<FrameSample>> e : byEmotion.entrySet()) {
            Emotion emotion = e.getKey();
            double sum = 0;
            int peakFrame = -1;
            double peak = Double.NaN;
            for (FrameSample f : e.getValue()) {
                double s = EmotionSignature.of(emotion, f.blendshapes());
                sum += s;
                if (peakFrame < 0 || s > peak) {
                    peak = s;
                    peakFrame = f.index();
                }
            }
            int count = e.getValue().size();
            double mean = count == 0 ? Double.NaN : sum / count;
            double neutralMean = neutral.isEmpty() ? Double.NaN
                    : neutral.stream().mapToDouble(f -> EmotionSignature.of(emotion, f.blendshapes())).average()
                    .orElse(Double.NaN);
            b.emotions.add(new EmotionScore(emotion, count, mean, neutralMean, mean - neutralMean, peakFrame, peak));
        }
    }
}
