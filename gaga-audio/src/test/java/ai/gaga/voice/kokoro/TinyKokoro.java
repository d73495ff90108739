package ai.gaga.voice.kokoro;

import ai.gaga.voice.onnx.OnnxModelBuilder;
import ai.gaga.voice.onnx.OnnxProto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny graph with Kokoro's contract: {@code input_ids} int64 [1,n], {@code style} float [1,256], {@code speed}
 * float [1] → {@code waveform} float [1, samples] at 24 kHz. It speaks a 440 Hz sine lasting
 * {@code floor(n * SAMPLES_PER_ID / speed)} samples whose amplitude is {@code style[0]}; so the output tells how many
 * ids came in, which style row was chosen and which speed was asked.
 */
final class TinyKokoro {
    static final int SAMPLES_PER_ID = 600;
    static final int ROWS = 510;

    private TinyKokoro() {
    }

    static byte[] model(boolean withSpeed) {
        OnnxModelBuilder b = new OnnxModelBuilder()
                .input("input_ids", OnnxProto.INT64, 1, -1)
                .input("style", OnnxProto.FLOAT, 1, 256);
        if (withSpeed) {
            b.input("speed", OnnxProto.FLOAT, 1);
        } else {
            b.floats("speed", new long[] {1}, 1f);
        }
        return b.longs("one_i", new long[] {}, 1)
                .longs("zero_i", new long[] {}, 0)
                .longs("flat", new long[] {1}, -1)
                .longs("axis0", new long[] {1}, 0)
                .floats("per_id", new long[] {}, SAMPLES_PER_ID)
                .floats("zero", new long[] {}, 0f)
                .floats("one", new long[] {}, 1f)
                .floats("omega", new long[] {}, (float) (2 * Math.PI * 440 / 24000))
                .op("Shape", "shape", "input_ids")
                .op("Gather", "n", "shape", "one_i")
                .node("Cast", new String[] {"n"}, new String[] {"nf"}, OnnxModelBuilder.intAttr("to", 1))
                .op("Mul", "base", "nf", "per_id")
                .op("Div", "len1", "base", "speed")
                .op("Floor", "len_floor", "len1")
                .node("ReduceSum", new String[] {"len_floor"}, new String[] {"len"},
                        OnnxModelBuilder.intAttr("keepdims", 0))
                .op("Range", "t", "zero", "len", "one")
                .op("Reshape", "style_flat", "style", "flat")
                .op("Gather", "amp", "style_flat", "zero_i")
                .op("Mul", "wt", "t", "omega")
                .op("Sin", "tone", "wt")
                .op("Mul", "wave", "tone", "amp")
                .op("Unsqueeze", "waveform", "wave", "axis0")
                .output("waveform", OnnxProto.FLOAT, 1, -1)
                .build();
    }

    /** The amplitude of row {@code r} of the test voice. */
    static float amplitude(int row) {
        return (row + 1) / 1000f;
    }

    /** A 510x256 voice table whose row r is filled with {@link #amplitude}(r). */
    static Path voice(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(ROWS * 256 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < 256; c++) {
                b.putFloat(amplitude(r));
            }
        }
        return Files.write(file, b.array());
    }
}
