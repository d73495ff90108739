package ai.gaga.voice.piper;

import ai.gaga.models.ModelStore;
import ai.gaga.voice.onnx.OnnxModelBuilder;
import ai.gaga.voice.onnx.OnnxProto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny voice with Piper's contract, generated for tests. Inputs {@code input} int64 [1,n], {@code input_lengths},
 * {@code scales} float [3] and optionally {@code sid}; output {@code output} float [1,1,samples] at 22050 Hz. Each id
 * lasts {@code ceil(FRAMES[id] * length_scale)} frames of 256 samples (an internal Ceil tensor, as VITS's w_ceil) and
 * sounds as a sine of its own frequency (0 Hz, i.e. silence, for pad, ends, spaces and punctuation), times the
 * speaker's gain. So phone timings can be checked against audible tone boundaries.
 */
final class TinyPiper {
    static final int RATE = 22050;
    /** Symbols of the id map: ids 0.. in this order after the specials. */
    private static final String SPECIALS = "_^$ .,;:!?ˈˌː";
    private static final String LETTERS = "abcdefhijklmnopqrstuvwxyzæçðøŋœɐɑɒɔɕəɚɛɜɟɡɣɤɥɨɪɯɲɳɸɹɾɻʁʂʃʈʊʋʌʎʏʒʔʝʰʲθχᵻ"
            + "\u0303\u0361";
    static final Map<String, Long> IDS = ids();
    static final int VOCAB = IDS.size();

    private TinyPiper() {
    }

    private static Map<String, Long> ids() {
        Map<String, Long> ids = new LinkedHashMap<>();
        String all = SPECIALS + LETTERS;
        for (int i = 0; i < all.length(); ) {
            int cp = all.codePointAt(i);
            i += Character.charCount(cp);
            ids.put(new String(Character.toChars(cp)), (long) ids.size());
        }
        return ids;
    }

    /** Frames an id lasts at length scale 1: stress marks none, silences 2-6, sounds 3-5. */
    static float frames(long id) {
        String symbol = symbol(id);
        return switch (symbol) {
            case "ˈ", "ˌ" -> 0;
            case "_", " " -> 2;
            case "^", "$" -> 4;
            case ".", ",", ";", ":", "!", "?" -> 6;
            default -> 3 + id % 3;
        };
    }

    /** The tone of an id in Hz; 0 for silent ids. */
    static float frequency(long id) {
        float frames = frames(id);
        String symbol = symbol(id);
        boolean silent = SPECIALS.indexOf(symbol) >= 0 && !symbol.equals("ː");
        return silent || frames == 0 ? 0 : 300 + 35 * id;
    }

    static String symbol(long id) {
        return IDS.entrySet().stream().filter(e -> e.getValue() == id).findFirst().orElseThrow().getKey();
    }

    /** The model bytes; {@code gains} has one amplitude per speaker (a {@code sid} input when more than one). */
    static byte[] model(float[] gains, boolean withScalesInput) {
        return model(gains, withScalesInput, false);
    }

    /**
     * As {@link #model(float[], boolean)}; when {@code noisy}, like VITS it samples in the graph: each id's frames
     * grow by {@code 2 * noise_w * |N(0,1)|} (RandomNormalLike) before the Ceil, and the audio gets
     * {@code 0.05 * noise_scale * N(0,1)} (another RandomNormalLike), both unseeded.
     */
    static byte[] model(float[] gains, boolean withScalesInput, boolean noisy) {
        float[] frames = new float[VOCAB];
        float[] freqs = new float[VOCAB];
        for (int i = 0; i < VOCAB; i++) {
            frames[i] = frames(i);
            freqs[i] = frequency(i);
        }
        boolean multi = gains.length > 1;
        OnnxModelBuilder b = new OnnxModelBuilder()
                .input("input", OnnxProto.INT64, 1, -1)
                .input("input_lengths", OnnxProto.INT64, 1);
        if (withScalesInput) {
            b.input("scales", OnnxProto.FLOAT, 3);
        } else {
            b.floats("scales", new long[] {3}, 0.667f, 1f, 0.8f);
        }
        if (multi) {
            b.input("sid", OnnxProto.INT64, 1);
        }
        b.floats("dur_table", new long[] {VOCAB}, frames)
                .floats("freq_table", new long[] {VOCAB}, freqs)
                .floats("gain_table", new long[] {gains.length}, gains)
                .longs("one_i", new long[] {}, 1)
                .longs("zero_i", new long[] {}, 0)
                .longs("sid0", new long[] {1}, 0)
                .longs("flat", new long[] {1}, -1)
                .longs("axis1", new long[] {1}, 1)
                .longs("out_shape", new long[] {3}, 1, 1, -1)
                .floats("hop", new long[] {}, 256f)
                .floats("zero", new long[] {}, 0f)
                .floats("one", new long[] {}, 1f)
                .floats("omega", new long[] {}, (float) (2 * Math.PI / RATE))
                .op("Gather", "dur", "dur_table", "input")
                .op("Gather", "length_scale", "scales", "one_i")
                .op("Mul", noisy ? "dur_clean" : "dur_scaled", "dur", "length_scale");
        if (noisy) { // nodes in topological order, as exporters write them
            b.longs("two_i", new long[] {}, 2)
                    .floats("two", new long[] {}, 2f)
                    .floats("small", new long[] {}, 0.05f)
                    .op("Gather", "noise_scale", "scales", "zero_i")
                    .op("Gather", "noise_w", "scales", "two_i")
                    .op("RandomNormalLike", "dur_noise", "dur")
                    .op("Abs", "dur_noise_abs", "dur_noise")
                    .op("Mul", "dur_noise_w", "dur_noise_abs", "noise_w")
                    .op("Mul", "dur_extra", "dur_noise_w", "two")
                    .op("Add", "dur_scaled", "dur_clean", "dur_extra");
        }
        b
                .op("Ceil", "/dp/Ceil_output_0", "dur_scaled")
                .op("Reshape", "wf", "/dp/Ceil_output_0", "flat")
                .op("CumSum", "ends", "wf", "zero_i")
                .node("ReduceSum", new String[] {"wf"}, new String[] {"total"}, OnnxModelBuilder.intAttr("keepdims", 0))
                .op("Mul", "total_samples", "total", "hop")
                .op("Range", "t", "zero", "total_samples", "one")
                .op("Div", "tf", "t", "hop")
                .op("Floor", "frame", "tf")
                .op("Unsqueeze", "frame2", "frame", "axis1")
                .op("LessOrEqual", "passed", "ends", "frame2")
                .node("Cast", new String[] {"passed"}, new String[] {"passed_f"}, OnnxModelBuilder.intAttr("to", 1))
                .node("ReduceSum", new String[] {"passed_f", "axis1"}, new String[] {"pos"},
                        OnnxModelBuilder.intAttr("keepdims", 0))
                .node("Cast", new String[] {"pos"}, new String[] {"pos_i"}, OnnxModelBuilder.intAttr("to", 7))
                .op("Reshape", "ids", "input", "flat")
                .op("Gather", "id_t", "ids", "pos_i")
                .op("Gather", "f", "freq_table", "id_t")
                .op("Mul", "wt", "t", "omega")
                .op("Mul", "phase", "wt", "f")
                .op("Sin", "tone", "phase")
                .op("Gather", "gain", "gain_table", multi ? "sid" : "sid0")
                .op("Mul", "scaled_tone", "tone", "gain")
                .op("Reshape", noisy ? "clean" : "output", "scaled_tone", "out_shape")
                .output("output", OnnxProto.FLOAT, 1, 1, -1);
        if (noisy) {
            b.op("RandomNormalLike", "audio_noise", "clean")
                    .op("Mul", "audio_noise_s", "audio_noise", "noise_scale")
                    .op("Mul", "audio_noise_small", "audio_noise_s", "small")
                    .op("Add", "output", "clean", "audio_noise_small");
        }
        return b.build(15);
    }

    /** A config JSON for the tiny model; {@code extra} adds phoneme_id_map entries (to break it). */
    static String config(float lengthScale, int speakers, Map<String, Long> extra) {
        StringBuilder map = new StringBuilder();
        Map<String, Long> all = new LinkedHashMap<>(IDS);
        all.putAll(extra);
        for (Map.Entry<String, Long> e : all.entrySet()) {
            if (map.length() > 0) {
                map.append(", ");
            }
            map.append('"').append(e.getKey().equals("\"") ? "\\\"" : e.getKey()).append("\": [")
                    .append(e.getValue()).append(']');
        }
        StringBuilder spk = new StringBuilder();
        for (int s = 0; s < speakers && speakers > 1; s++) {
            spk.append(s == 0 ? "" : ", ").append("\"speaker").append(s).append("\": ").append(s);
        }
        return "{\"audio\": {\"sample_rate\": " + RATE + "}, \"espeak\": {\"voice\": \"en-us\"},"
                + " \"inference\": {\"noise_scale\": 0.667, \"length_scale\": " + lengthScale + ", \"noise_w\": 0.8},"
                + " \"phoneme_type\": \"espeak\", \"num_speakers\": " + speakers + ", \"speaker_id_map\": {" + spk
                + "}, \"phoneme_id_map\": {" + map + "}}";
    }

    /** Writes a voice named {@code name} into {@code dir} and registers it on the builder. */
    static ModelStore.Builder install(ModelStore.Builder store, Path dir, String name, byte[] model, String config)
            throws IOException {
        Path onnx = dir.resolve(name + ".onnx");
        Path json = dir.resolve(name + ".onnx.json");
        Files.write(onnx, model);
        Files.writeString(json, config, StandardCharsets.UTF_8);
        return store.model(ai.gaga.voice.onnx.VoiceModels.PIPER_PREFIX + name, onnx).model(ai.gaga.voice.onnx.VoiceModels.PIPER_PREFIX + name + ".json",
                json);
    }
}
