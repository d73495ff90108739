package ai.gaga.spark;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@link GagaSpark#render} runs a table of render jobs: where the executors find the face models, how many engine
 * threads each task gets, where inputs are staged, and whether finished outputs are skipped. Immutable and
 * serializable (it travels to the executors); build one with {@link #builder()}.
 *
 * <pre>{@code
 * RenderJobOptions options = RenderJobOptions.builder().modelDir("/opt/gaga/models").offline(true).build();
 * Dataset<Row> results = GagaSpark.render(jobs, options).cache();
 * }</pre>
 *
 * @param modelDir       face-model folder on every executor (null: the executors' GAGA_MODEL_DIR or their cache)
 * @param offline        never download models on the executors
 * @param engineThreads  inference threads of each executor's engine; 0 = {@code spark.task.cpus} of the task
 * @param device         {@code auto}, {@code cpu} or {@code cuda}
 * @param encoder        H.264 encoder: {@code auto}, {@code libx264}, {@code libopenh264}, {@code h264_nvenc}
 * @param preset         encoder preset: {@code fast}, {@code balanced} or {@code quality}
 * @param scratchDir     local folder on each executor where photos and scripts are copied and clips are rendered
 *                       before upload (null: {@code java.io.tmpdir}/gaga-spark)
 * @param subtitles      also write {@code ID.srt} and {@code ID.vtt} beside each clip
 * @param skipExisting   skip a job whose clip exists with a matching plan hash beside it ({@code ID.plan.sha256})
 * @param defaultOutput  output folder URI for jobs without an {@code output} value (null: such a job fails)
 */
public record RenderJobOptions(String modelDir, boolean offline, int engineThreads, String device, String encoder,
                               String preset, String scratchDir, boolean subtitles, boolean skipExisting,
                               String defaultOutput) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The defaults: models from the executors' environment, threads from {@code spark.task.cpus}, skip finished. */
    public static final RenderJobOptions DEFAULT = builder().build();

    public RenderJobOptions {
        if (engineThreads < 0) {
            throw new IllegalArgumentException("engineThreads must be 0 (spark.task.cpus) or more, got "
                    + engineThreads);
        }
        device = Objects.requireNonNull(device, "device").toLowerCase(Locale.ROOT);
        if (!device.equals("auto") && !device.equals("cpu") && !device.equals("cuda")) {
            throw new IllegalArgumentException("device must be auto, cpu or cuda, got '" + device + "'");
        }
        ai.gaga.encode.VideoEncoder.parse(Objects.requireNonNull(encoder, "encoder")); // fails naming the choices
        ai.gaga.encode.EncoderPreset.parse(Objects.requireNonNull(preset, "preset"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.modelDir = modelDir;
        b.offline = offline;
        b.engineThreads = engineThreads;
        b.device = device;
        b.encoder = encoder;
        b.preset = preset;
        b.scratchDir = scratchDir;
        b.subtitles = subtitles;
        b.skipExisting = skipExisting;
        b.defaultOutput = defaultOutput;
        return b;
    }

    /** Builder of {@link RenderJobOptions}; every setting is optional. */
    public static final class Builder {
        private String modelDir;
        private boolean offline;
        private int engineThreads;
        private String device = "auto";
        private String encoder = "auto";
        private String preset = "fast";
        private String scratchDir;
        private boolean subtitles = true;
        private boolean skipExisting = true;
        private String defaultOutput;

        private Builder() {
        }

        /** Face-model folder, a local path valid on every executor. */
        public Builder modelDir(String dir) {
            this.modelDir = dir;
            return this;
        }

        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** Inference threads per engine; 0 (default) follows {@code spark.task.cpus}. */
        public Builder engineThreads(int threads) {
            this.engineThreads = threads;
            return this;
        }

        public Builder device(String device) {
            this.device = device;
            return this;
        }

        public Builder encoder(String encoder) {
            this.encoder = encoder;
            return this;
        }

        public Builder preset(String preset) {
            this.preset = preset;
            return this;
        }

        /** Local staging folder on the executors. */
        public Builder scratchDir(String dir) {
            this.scratchDir = dir;
            return this;
        }

        public Builder subtitles(boolean subtitles) {
            this.subtitles = subtitles;
            return this;
        }

        /** Whether a finished clip with the same plan hash is skipped (default) or rendered again. */
        public Builder skipExisting(boolean skip) {
            this.skipExisting = skip;
            return this;
        }

        /** Output folder URI for rows whose {@code output} is missing or empty. */
        public Builder defaultOutput(String uri) {
            this.defaultOutput = uri;
            return this;
        }

        public RenderJobOptions build() {
            return new RenderJobOptions(modelDir, offline, engineThreads, device, encoder, preset, scratchDir,
                    subtitles, skipExisting, defaultOutput);
        }
    }
}
