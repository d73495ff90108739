package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.onnx.ExecutionDevice;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Engine options shared by the commands. */
final class EngineOptions {
    @Option(names = "--models", paramLabel = "DIR",
            description = "Model directory (default: $GAGA_MODEL_DIR, then ~/.cache/gaga/models, then download).")
    Path models;

    @Option(names = {"-v", "--verbose"}, description = "Also log the engine's steps and timings (INFO) on stderr.")
    boolean verbose;

    @Option(names = "--offline", description = "Never download models.")
    boolean offline;

    @Option(names = "--device", paramLabel = "auto|cpu|cuda", defaultValue = "auto",
            description = "Where models and the encoder run (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--encoder", paramLabel = "NAME", defaultValue = "auto",
            description = "H.264 encoder: auto, h264_nvenc, libx264, libopenh264 (default: ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--preset", paramLabel = "fast|balanced|quality", defaultValue = "fast",
            description = "Encoder speed/quality (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--loudness", paramLabel = "LUFS", defaultValue = "-16",
            description = "Soundtrack loudness, -70..-5 LUFS (default: ${DEFAULT-VALUE}; -23 broadcast, -14 louder).")
    double loudness;

    /** The engine settings these options give (device, threads, encoder, preset, loudness). */
    ai.gaga.GagaSettings settings() {
        return new ai.gaga.GagaSettings(device(), Runtime.getRuntime().availableProcessors())
                .with(new ai.gaga.encode.EncodingSettings(ai.gaga.encode.VideoEncoder.parse(encoder),
                        ai.gaga.encode.EncoderPreset.parse(preset)))
                .with(new ai.gaga.sound.SoundSettings(loudness));
    }

    private ExecutionDevice device() {
        return ExecutionDevice.valueOf(device.toUpperCase(java.util.Locale.ROOT));
    }

    Gaga build() {
        Gaga.Builder b = Gaga.builder().device(device())
                .encoder(ai.gaga.encode.VideoEncoder.parse(encoder)).preset(ai.gaga.encode.EncoderPreset.parse(preset))
                .loudness(loudness);
        if (models != null) {
            b.modelDir(models);
        }
        if (offline) {
            b.offline(true);
        }
        return b.build();
    }
}
