package ai.gaga.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ClipEvaluator#evaluate} measures and its thresholds. Immutable; start from {@link #defaults()} or
 * {@link #builder()}.
 *
 * <ul>
 *   <li>{@code emotionRanges}: labelled stretches for the blendshape signatures (any non-empty list turns
 *       blendshapes on). Without {@code NEUTRAL} ranges, every frame outside the emotion ranges is the reference.</li>
 *   <li>{@code stillRanges}: where the face should not move, for landmark jitter; empty = the whole clip.</li>
 *   <li>{@code blendshapes}: run the iris and blendshape models on every frame (about 3x the mesh cost) even without
 *       emotion ranges.</li>
 *   <li>{@code maxLagFrames}: the A/V cross-correlation searches lags in {@code [-maxLag, +maxLag]}.</li>
 *   <li>{@code silenceDb}: a frame is silent when its audio RMS is this many dB (negative) below the clip's speech
 *       level (the 95th percentile of the per-frame RMS).</li>
 *   <li>{@code minSilenceSeconds}: only silent stretches longer than this count for the mouth-closed ratio.</li>
 *   <li>{@code silenceGuardFrames}: frames dropped at each end of a silent stretch, where the mouth is still
 *       closing or already opening for the next sound (coarticulation).</li>
 *   <li>{@code closedFraction}, {@code closedMargin}: the mouth counts as closed when its aperture is at most
 *       {@code rest + max(closedFraction * (open - rest), closedMargin)}, where rest is the 5th percentile of the
 *       clip's apertures and open the 90th percentile during sound (both in inter-ocular units).</li>
 *   <li>{@code driftWindowSeconds}: length of the first and last windows compared for rest drift.</li>
 *   <li>{@code analysedRanges}: only frames starting inside these stretches are analysed (the others are decoded,
 *       for the audio and the frame count, but no face model runs on them and they count as frames without a face);
 *       empty = every frame. For a long clip whose rest drift alone matters, analysing the first and last seconds
 *       costs a fraction of the whole.</li>
 * </ul>
 */
public final class EvaluationOptions {
    private static final EvaluationOptions DEFAULTS = builder().build();

    private final List<EmotionRange> emotionRanges;
    private final List<TimeRange> stillRanges;
    private final boolean blendshapes;
    private final int maxLagFrames;
    private final double silenceDb;
    private final double minSilenceSeconds;
    private final int silenceGuardFrames;
    private final double closedFraction;
    private final double closedMargin;
    private final double driftWindowSeconds;
    private final List<TimeRange> analysedRanges;

    private EvaluationOptions(Builder b) {
        this.emotionRanges = List.copyOf(b.emotionRanges);
        this.stillRanges = List.copyOf(b.stillRanges);
        this.blendshapes = b.blendshapes;
        this.maxLagFrames = b.maxLagFrames;
        this.silenceDb = b.silenceDb;
        this.minSilenceSeconds = b.minSilenceSeconds;
        this.silenceGuardFrames = b.silenceGuardFrames;
        this.closedFraction = b.closedFraction;
        this.closedMargin = b.closedMargin;
        this.driftWindowSeconds = b.driftWindowSeconds;
        this.analysedRanges = List.copyOf(b.analysedRanges);
    }

    /** Lip sync, silences, jitter over the whole clip and drift; no blendshapes. */
    public static EvaluationOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.emotionRanges.addAll(emotionRanges);
        b.stillRanges.addAll(stillRanges);
        b.blendshapes = blendshapes;
        b.maxLagFrames = maxLagFrames;
        b.silenceDb = silenceDb;
        b.minSilenceSeconds = minSilenceSeconds;
        b.silenceGuardFrames = silenceGuardFrames;
        b.closedFraction = closedFraction;
        b.closedMargin = closedMargin;
        b.driftWindowSeconds = driftWindowSeconds;
        b.analysedRanges.addAll(analysedRanges);
        return b;
    }

    /** Labelled emotion stretches. */
    public List<EmotionRange> emotionRanges() {
        return emotionRanges;
    }

    /** Where the face should be still; empty = whole clip. */
    public List<TimeRange> stillRanges() {
        return stillRanges;
    }

    /** Whether blendshapes are computed per frame (true when asked or when emotion ranges are given). */
    public boolean blendshapes() {
        return blendshapes || !emotionRanges.isEmpty();
    }

    /** Largest A/V lag searched, frames. */
    public int maxLagFrames() {
        return maxLagFrames;
    }

    /** Silence threshold below the speech level, dB (negative). */
    public double silenceDb() {
        return silenceDb;
    }

    /** Shortest silent stretch that counts, seconds (exclusive). */
    public double minSilenceSeconds() {
        return minSilenceSeconds;
    }

    /** Frames ignored at each end of a silent stretch. */
    public int silenceGuardFrames() {
        return silenceGuardFrames;
    }

    /** Closed-mouth threshold as a fraction of the rest-to-open range. */
    public double closedFraction() {
        return closedFraction;
    }

    /** Smallest closed-mouth margin above rest, inter-ocular units. */
    public double closedMargin() {
        return closedMargin;
    }

    /** First/last window length for rest drift, seconds. */
    public double driftWindowSeconds() {
        return driftWindowSeconds;
    }

    /** The stretches analysed; empty = the whole clip. */
    public List<TimeRange> analysedRanges() {
        return analysedRanges;
    }

    /** Whether a frame starting at second {@code t} is analysed. */
    public boolean analyses(double t) {
        if (analysedRanges.isEmpty()) {
            return true;
        }
        for (TimeRange r : analysedRanges) {
            if (r.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** Builder for {@link EvaluationOptions}; defaults are those of {@link EvaluationOptions#defaults()}. */
    public static final class Builder {
        private final List<EmotionRange> emotionRanges = new ArrayList<>();
        private final List<TimeRange> stillRanges = new ArrayList<>();
        private boolean blendshapes;
        private int maxLagFrames = 10;
        private double silenceDb = -26;
        private double minSilenceSeconds = 0.3;
        private int silenceGuardFrames = 1;
        private double closedFraction = 0.25;
        private double closedMargin = 0.02;
        private double driftWindowSeconds = 1.0;
        private final List<TimeRange> analysedRanges = new ArrayList<>();

        private Builder() {
        }

        /** Adds a labelled emotion stretch. */
        public Builder emotion(EmotionRange range) {
            emotionRanges.add(Objects.requireNonNull(range, "range"));
            return this;
        }

        /** Replaces the labelled emotion stretches. */
        public Builder emotionRanges(List<EmotionRange> ranges) {
            emotionRanges.clear();
            ranges.forEach(this::emotion);
            return this;
        }

        /** Adds a stretch where the face should be still. */
        public Builder still(TimeRange range) {
            stillRanges.add(Objects.requireNonNull(range, "range"));
            return this;
        }

        /** Whether to compute blendshapes on every frame. */
        public Builder blendshapes(boolean on) {
            this.blendshapes = on;
            return this;
        }

        /** Largest A/V lag searched, 1..100 frames (default 10). */
        public Builder maxLagFrames(int frames) {
            if (frames < 1 || frames > 100) {
                throw new IllegalArgumentException("maxLagFrames must be 1..100, got " + frames);
            }
            this.maxLagFrames = frames;
            return this;
        }

        /** Silence threshold relative to the speech level, -80..-3 dB (default -26). */
        public Builder silenceDb(double db) {
            if (!(db >= -80 && db <= -3)) {
                throw new IllegalArgumentException("silenceDb must be between -80 and -3 dB, got " + db);
            }
            this.silenceDb = db;
            return this;
        }

        /** Shortest counted silence, seconds, &gt; 0 (default 0.3). */
        public Builder minSilenceSeconds(double seconds) {
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("minSilenceSeconds must be positive, got " + seconds);
            }
            this.minSilenceSeconds = seconds;
            return this;
        }

        /** Frames ignored at each end of a silence, 0..10 (default 1). */
        public Builder silenceGuardFrames(int frames) {
            if (frames < 0 || frames > 10) {
                throw new IllegalArgumentException("silenceGuardFrames must be 0..10, got " + frames);
            }
            this.silenceGuardFrames = frames;
            return this;
        }

        /** Closed-mouth fraction of the rest-to-open range, 0..1 (default 0.25). */
        public Builder closedFraction(double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("closedFraction must be 0..1, got " + fraction);
            }
            this.closedFraction = fraction;
            return this;
        }

        /** Smallest closed-mouth margin above rest, 0..1 inter-ocular units (default 0.02). */
        public Builder closedMargin(double margin) {
            if (!(margin >= 0 && margin <= 1)) {
                throw new IllegalArgumentException("closedMargin must be 0..1, got " + margin);
            }
            this.closedMargin = margin;
            return this;
        }

        /** First/last window for rest drift, &gt; 0 seconds (default 1). */
        public Builder driftWindowSeconds(double seconds) {
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("driftWindowSeconds must be positive, got " + seconds);
            }
            this.driftWindowSeconds = seconds;
            return this;
        }

        /** Adds a stretch to analyse; once any is given, frames outside all of them are skipped. */
        public Builder analyse(TimeRange range) {
            analysedRanges.add(Objects.requireNonNull(range, "range"));
            return this;
        }

        /** The options. */
        public EvaluationOptions build() {
            return new EvaluationOptions(this);
        }
    }
}
