package ai.gaga.voice.piper;

import ai.gaga.GagaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Piper voice's {@code .onnx.json}: what the graph expects and how text becomes its phoneme ids.
 *
 * @param sampleRate   output rate of the graph ({@code audio.sample_rate})
 * @param espeakVoice  espeak-ng voice that phonemises for it ({@code espeak.voice})
 * @param noiseScale   default {@code inference.noise_scale}
 * @param lengthScale  default {@code inference.length_scale} (larger is slower)
 * @param noiseW       default {@code inference.noise_w}
 * @param phonemeIds   {@code phoneme_id_map}: phoneme (one code point) to its ids
 * @param numSpeakers  {@code num_speakers} (1 for single-speaker voices)
 * @param speakerIds   {@code speaker_id_map}: speaker name to sid (empty for single-speaker voices)
 */
public record PiperConfig(int sampleRate, String espeakVoice, float noiseScale, float lengthScale, float noiseW,
                          Map<String, long[]> phonemeIds, int numSpeakers, Map<String, Integer> speakerIds) {
    /** Samples per duration frame of Piper's VITS decoder ({@code w_ceil} counts these). */
    public static final int HOP = 256;
    static final String PAD = "_";
    static final String BOS = "^";
    static final String EOS = "$";

    public PiperConfig {
        phonemeIds = Map.copyOf(phonemeIds);
        speakerIds = Map.copyOf(speakerIds);
    }

    /**
     * Reads a config file.
     *
     * @throws GagaException naming the file and the missing or bad field
     */
    public static PiperConfig read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new GagaException("Cannot read Piper voice config " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new GagaException("Piper voice config " + file + " is not a JSON object");
        }
        int rate = root.path("audio").path("sample_rate").asInt(0);
        if (rate <= 0) {
            throw new GagaException("Piper voice config " + file + " has no audio.sample_rate");
        }
        String type = root.path("phoneme_type").asText("espeak");
        if (!type.equals("espeak")) {
            throw new GagaException("Piper voice config " + file + " uses phoneme_type '" + type
                    + "'; only espeak voices are supported");
        }
        String espeak = root.path("espeak").path("voice").asText("");
        if (espeak.isBlank()) {
            throw new GagaException("Piper voice config " + file + " has no espeak.voice");
        }
        JsonNode inference = root.path("inference");
        Map<String, long[]> ids = new LinkedHashMap<>();
        JsonNode map = root.path("phoneme_id_map");
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            long[] values = new long[e.getValue().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = e.getValue().get(i).asLong();
            }
            ids.put(e.getKey(), values);
        }
        for (String required : new String[] {PAD, BOS, EOS}) {
            if (!ids.containsKey(required)) {
                throw new GagaException("Piper voice config " + file + " has no phoneme_id_map entry for '" + required
                        + "' (" + (ids.isEmpty() ? "the map is missing or empty" : ids.size() + " entries") + ")");
            }
        }
        Map<String, Integer> speakers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("speaker_id_map").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            speakers.put(e.getKey(), e.getValue().asInt());
        }
        return new PiperConfig(rate, espeak, (float) inference.path("noise_scale").asDouble(0.667),
                (float) inference.path("length_scale").asDouble(1.0), (float) inference.path("noise_w").asDouble(0.8),
                ids, Math.max(1, root.path("num_speakers").asInt(1)), speakers);
    }

    /** The largest phoneme id in the map. */
    public long maxPhonemeId() {
        long max = -1;
        for (long[] v : phonemeIds.values()) {
            for (long id : v) {
                max = Math.max(max, id);
            }
        }
        return max;
    }

    /** Whether the voice has several speakers (then the graph needs a {@code sid} input). */
    public boolean multiSpeaker() {
        return numSpeakers > 1;
    }
}
