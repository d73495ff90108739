package ai.gaga.voice.onnx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the parts of an ONNX model that voice engines check before running it (graph inputs and their shapes, outputs,
 * nodes, initializer shapes) and marks internal tensors as extra graph outputs. It walks the protobuf wire format
 * directly, so initializer data is skipped, not copied, and no protobuf library is needed. Field numbers are those of
 * {@code onnx.proto}: ModelProto.graph = 7; GraphProto node = 1, initializer = 5, input = 11, output = 12; NodeProto
 * input = 1, output = 2, op_type = 4; ValueInfoProto name = 1, type = 2; TypeProto.tensor_type = 1; Tensor elem_type =
 * 1, shape = 2; TensorShapeProto.dim = 1; Dimension dim_value = 1, dim_param = 2; TensorProto dims = 1, data_type = 2,
 * name = 8.
 */
public final class OnnxProto {
    /** ONNX element type of float32 tensors. */
    public static final int FLOAT = 1;
    /** ONNX element type of int64 tensors. */
    public static final int INT64 = 7;

    private OnnxProto() {
    }

    /**
     * A named tensor's declared type.
     *
     * @param name     tensor name
     * @param elemType ONNX element type (1 float, 7 int64…), 0 when not declared
     * @param dims     dimensions, -1 for symbolic or unknown ones
     */
    public record TensorInfo(String name, int elemType, long[] dims) {
    }

    /**
     * One operator node.
     *
     * @param opType  operator, e.g. {@code Gather}
     * @param inputs  input tensor names
     * @param outputs output tensor names
     */
    public record Node(String opType, List<String> inputs, List<String> outputs) {
        public Node {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * What a graph declares.
     *
     * @param inputs       graph inputs (initializers excluded)
     * @param outputs      graph output names
     * @param nodes        nodes in file order
     * @param initializers constant tensors by name (shape only)
     */
    public record Graph(List<TensorInfo> inputs, List<String> outputs, List<Node> nodes,
                        Map<String, TensorInfo> initializers) {
        public Graph {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
            nodes = List.copyOf(nodes);
            initializers = Map.copyOf(initializers);
        }

        /** The graph input of that name. */
        public Optional<TensorInfo> input(String name) {
            return inputs.stream().filter(t -> t.name().equals(name)).findFirst();
        }

        /** Input names, for error messages. */
        public List<String> inputNames() {
            return inputs.stream().map(TensorInfo::name).toList();
        }

        /** Outputs of every node with this operator type. */
        public List<String> outputsOf(String opType) {
            List<String> out = new ArrayList<>();
            for (Node n : nodes) {
                if (n.opType().equals(opType)) {
                    out.addAll(n.outputs());
                }
            }
            return out;
        }

        /** Whether some node produces a tensor of that name. */
        public boolean produces(String tensor) {
            return nodes.stream().anyMatch(n -> n.outputs().contains(tensor));
        }
    }

    /**
     * Parses the graph of a serialised {@code ModelProto}.
     *
     * @throws IllegalArgumentException when the bytes are not an ONNX model
     */
    public static Graph graph(byte[] model) {
        Cursor c = new Cursor(model, 0, model.length);
        Slice graph = null;
        while (c.more()) {
            Field f = c.next();
            if (f.number == 7 && f.wireType == 2) {
                graph = f.slice;
            }
        }
        if (graph == null) {
            throw new IllegalArgumentException("not an ONNX model: no graph field");
        }
        List<TensorInfo> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        Map<String, TensorInfo> initializers = new LinkedHashMap<>();
        Cursor g = graph.cursor();
        while (g.more()) {
            Field f = g.next();
            if (f.wireType != 2) {
                continue;
            }
            switch (f.number) {
                case 1 -> nodes.add(node(f.slice));
                case 5 -> {
                    TensorInfo t = initializer(f.slice);
                    initializers.put(t.name(), t);
                }
                case 11 -> inputs.add(valueInfo(f.slice));
                case 12 -> outputs.add(valueInfo(f.slice).name());
                default -> {
                }
            }
        }
        inputs.removeIf(t -> initializers.containsKey(t.name())); // IR < 4 lists initializers as inputs too
        return new Graph(inputs, outputs, nodes, initializers);
    }

    /**
     * The model with extra graph outputs (name only: ONNX Runtime infers their type), every other byte unchanged.
     * Protobuf concatenates repeated fields, so the new outputs are appended at the end of the graph message.
     */
    public static byte[] withOutputs(byte[] model, List<String> names) {
        ProtoWriter out = new ProtoWriter();
        Cursor c = new Cursor(model, 0, model.length);
        boolean found = false;
        while (c.more()) {
            int start = c.pos;
            Field f = c.next();
            if (f.number == 7 && f.wireType == 2 && !found) {
                found = true;
                ProtoWriter graph = new ProtoWriter().raw(model, f.slice.from, f.slice.to - f.slice.from);
                for (String name : names) {
                    graph.message(12, new ProtoWriter().string(1, name));
                }
                out.message(7, graph);
            } else {
                out.raw(model, start, c.pos - start);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("not an ONNX model: no graph field");
        }
        return out.toByteArray();
    }

    private static Node node(Slice s) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String op = "";
        Cursor c = s.cursor();
        while (c.more()) {
            Field f = c.next();
            if (f.wireType != 2) {
                continue;
            }
            switch (f.number) {
                case 1 -> in.add(f.slice.string());
                case 2 -> out.add(f.slice.string());
                case 4 -> op = f.slice.string();
                default -> {
                }
            }
        }
        return new Node(op, in, out);
    }

    private static TensorInfo initializer(Slice s) {
        String name = "";
        int type = 0;
        List<Long> dims = new ArrayList<>();
        Cursor c = s.cursor();
        while (c.more()) {
            Field f = c.next();
            if (f.number == 1 && f.wireType == 0) {
                dims.add(f.value);
            } else if (f.number == 1 && f.wireType == 2) { // packed dims
                Cursor p = f.slice.cursor();
                while (p.more()) {
                    dims.add(p.varint());
                }
            } else if (f.number == 2 && f.wireType == 0) {
                type = (int) f.value;
            } else if (f.number == 8 && f.wireType == 2) {
                name = f.slice.string();
            }
        }
        return new TensorInfo(name, type, dims.stream().mapToLong(Long::longValue).toArray());
    }

    private static TensorInfo valueInfo(Slice s) {
        String name = "";
        int type = 0;
        List<Long> dims = new ArrayList<>();
        Cursor c = s.cursor();
        while (c.more()) {
            Field f = c.next();
            if (f.number == 1 && f.wireType == 2) {
                name = f.slice.string();
            } else if (f.number == 2 && f.wireType == 2) {
                Optional<Field> tensor = first(f.slice, 1);
                if (tensor.isPresent()) {
                    Cursor t = tensor.get().slice.cursor();
                    while (t.more()) {
                        Field tf = t.next();
                        if (tf.number == 1 && tf.wireType == 0) {
                            type = (int) tf.value;
                        } else if (tf.number == 2 && tf.wireType == 2) {
                            Cursor shape = tf.slice.cursor();
                            while (shape.more()) {
                                Field dim = shape.next();
                                if (dim.number == 1 && dim.wireType == 2) {
                                    Optional<Field> value = first(dim.slice, 1);
                                    dims.add(value.isPresent() && value.get().wireType == 0 ? value.get().value : -1L);
                                }
                            }
                        }
                    }
                }
            }
        }
        return new TensorInfo(name, type, dims.stream().mapToLong(Long::longValue).toArray());
    }

    private static Optional<Field> first(Slice s, int number) {
        Cursor c = s.cursor();
        while (c.more()) {
            Field f = c.next();
            if (f.number == number) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** A byte range of the model. */
    private record Slice(byte[] data, int from, int to) {
        Cursor cursor() {
            return new Cursor(data, from, to);
        }

        String string() {
            return new String(data, from, to - from, StandardCharsets.UTF_8);
        }
    }

    /** One field: its number, wire type and either a varint value or a length-delimited slice. */
    private record Field(int number, int wireType, long value, Slice slice) {
    }

    private static final class Cursor {
        private final byte[] data;
        private final int end;
        private int pos;

        Cursor(byte[] data, int from, int to) {
            this.data = data;
            this.pos = from;
            this.end = to;
        }

        boolean more() {
            return pos < end;
        }

        Field next() {
            long key = varint();
            int number = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            switch (wireType) {
                case 0:
                    return new Field(number, wireType, varint(), null);
                case 1:
                    skip(8);
                    return new Field(number, wireType, 0, null);
                case 2: {
                    long len = varint();
                    if (len < 0 || len > end - pos) {
                        throw new IllegalArgumentException("corrupt ONNX protobuf: field " + number + " of " + len
                                + " bytes at offset " + pos + " runs past its message");
                    }
                    Slice s = new Slice(data, pos, pos + (int) len);
                    pos += (int) len;
                    return new Field(number, wireType, 0, s);
                }
                case 5:
                    skip(4);
                    return new Field(number, wireType, 0, null);
                default:
                    throw new IllegalArgumentException("corrupt ONNX protobuf: wire type " + wireType + " at offset "
                            + pos);
            }
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw new IllegalArgumentException("corrupt ONNX protobuf: truncated varint");
                }
                byte b = data[pos++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("corrupt ONNX protobuf: varint too long");
        }

        private void skip(int n) {
            if (n > end - pos) {
                throw new IllegalArgumentException("corrupt ONNX protobuf: truncated field");
            }
            pos += n;
        }
    }
}
