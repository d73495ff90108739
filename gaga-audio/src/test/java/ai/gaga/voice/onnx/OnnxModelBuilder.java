package ai.gaga.voice.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds small ONNX models for tests, through {@link ProtoWriter}: typed inputs and outputs, constant tensors and
 * nodes with int, ints or float attributes. IR version 8, default opset 17 (ONNX Runtime 1.x runs both).
 */
public final class OnnxModelBuilder {
    private final ProtoWriter graph = new ProtoWriter().string(2, "gaga-test-graph");
    private int nodes;

    /** A graph input; a dimension of -1 is symbolic. */
    public OnnxModelBuilder input(String name, int elemType, long... dims) {
        graph.message(11, valueInfo(name, elemType, dims));
        return this;
    }

    /** A graph output; a dimension of -1 is symbolic. */
    public OnnxModelBuilder output(String name, int elemType, long... dims) {
        graph.message(12, valueInfo(name, elemType, dims));
        return this;
    }

    /** A float32 constant (raw little-endian data). */
    public OnnxModelBuilder floats(String name, long[] dims, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return tensor(name, OnnxProto.FLOAT, dims, b.array());
    }

    /** An int64 constant. */
    public OnnxModelBuilder longs(String name, long[] dims, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return tensor(name, OnnxProto.INT64, dims, b.array());
    }

    private OnnxModelBuilder tensor(String name, int type, long[] dims, byte[] raw) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, type).string(8, name).bytes(9, raw);
        graph.message(5, t);
        return this;
    }

    /** A node; {@code attributes} from {@link #intAttr}, {@link #intsAttr}, {@link #floatAttr}. */
    public OnnxModelBuilder node(String op, String[] inputs, String[] outputs, ProtoWriter... attributes) {
        ProtoWriter n = new ProtoWriter();
        for (String in : inputs) {
            n.string(1, in);
        }
        for (String out : outputs) {
            n.string(2, out);
        }
        n.string(3, op + "_" + nodes++).string(4, op);
        for (ProtoWriter a : attributes) {
            n.message(5, a);
        }
        graph.message(1, n);
        return this;
    }

    /** Shorthand for a one-output node. */
    public OnnxModelBuilder op(String op, String output, String... inputs) {
        return node(op, inputs, new String[] {output});
    }

    public static ProtoWriter intAttr(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, 2);
    }

    public static ProtoWriter intsAttr(String name, long... values) {
        ProtoWriter a = new ProtoWriter().string(1, name);
        for (long v : values) {
            a.varint(8, v);
        }
        return a.varint(20, 7);
    }

    public static ProtoWriter floatAttr(String name, float value) {
        return new ProtoWriter().string(1, name).float32(2, value).varint(20, 1);
    }

    /** The serialised ModelProto. */
    public byte[] build(int opset) {
        return new ProtoWriter().varint(1, 8).string(2, "gaga-test").message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, opset)).toByteArray();
    }

    public byte[] build() {
        return build(17);
    }

    private static ProtoWriter valueInfo(String name, int elemType, long[] dims) {
        ProtoWriter shape = new ProtoWriter();
        int symbolic = 0;
        for (long d : dims) {
            shape.message(1, d < 0 ? new ProtoWriter().string(2, "d" + symbolic++) : new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensor = new ProtoWriter().varint(1, elemType).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }
}
