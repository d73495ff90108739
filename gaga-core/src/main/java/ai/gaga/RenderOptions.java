package ai.gaga;

import java.util.Objects;

/**
 * What one render writes besides the MP4, and who hears about its progress. Immutable; build with
 * {@link #builder()}. Every side file is named after the MP4 ({@code clip.mp4} → {@code clip.srt},
 * {@code clip.dialogue.wav}…), written to a temporary file first and moved into place only when the whole render
 * succeeds.
 *
 * @param listener  progress callback
 * @param stems     also write the soundtrack's stems as 48 kHz stereo WAVs: {@code .dialogue.wav},
 *                  {@code .music.wav}, {@code .effects.wav} (ambience and effects), which sum to the MP4's soundtrack
 * @param subtitles also write subtitles from the line timings: {@code .srt} and {@code .vtt}
 * @param plan      also write the plan the clip was rendered from as {@code .plan.json} ({@link RenderPlan#toJson()})
 */
public record RenderOptions(ProgressListener listener, boolean stems, boolean subtitles, boolean plan) {
    /** Just the MP4, no progress reports. */
    public static final RenderOptions DEFAULT = new RenderOptions(ProgressListener.NONE, false, false, false);

    public RenderOptions {
        Objects.requireNonNull(listener, "listener");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link RenderOptions}. */
    public static final class Builder {
        private ProgressListener listener = ProgressListener.NONE;
        private boolean stems;
        private boolean subtitles;
        private boolean plan;

        private Builder() {
        }

        /** Progress callback. */
        public Builder listener(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Also write dialogue, music and effects stems as WAV files beside the MP4. */
        public Builder stems(boolean stems) {
            this.stems = stems;
            return this;
        }

        /** Also write SRT and WebVTT subtitles beside the MP4. */
        public Builder subtitles(boolean subtitles) {
            this.subtitles = subtitles;
            return this;
        }

        /** Also write the plan as JSON beside the MP4 ({@code clip.plan.json}). */
        public Builder plan(boolean plan) {
            this.plan = plan;
            return this;
        }

        public RenderOptions build() {
            return new RenderOptions(listener, stems, subtitles, plan);
        }
    }
}
