package ai.gaga.voice.onnx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        return withGraph(model, graph -> {
            ProtoWriter g = new ProtoWriter().raw(model, graph.from, graph.to - graph.from);
            for (String name : names) {
                g.message(12, new ProtoWriter().string(1, name));
            }
            return g;
        });
    }

    /** The model with its graph (field 7) replaced by {@code rewrite}'s, every other byte unchanged. */
    private static byte[] withGraph(byte[] model, java.util.function.Function<Slice, ProtoWriter> rewrite) {
        ProtoWriter out = new ProtoWriter();
        Cursor c = new Cursor(model, 0, model.length);
        boolean found = false;
        while (c.more()) {
            int start = c.pos;
            Field f = c.next();
            if (f.number == 7 && f.wireType == 2 && !found) {
                found = true;
                out.message(7, rewrite.apply(f.slice));
            } else {
                out.raw(model, start, c.pos - start);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("not an ONNX model: no graph field");
        }
        return out.toByteArray();
    }

    /**
     * Operators of the ONNX op set that sample. ONNX Runtime gives each such node a generator of its own, seeded once
     * when the session is created (from the node's {@code seed}, else at random), and advances it on every run.
     */
    public static final Set<String> SAMPLERS = Set.of("RandomNormal", "RandomNormalLike", "RandomUniform",
            "RandomUniformLike", "Multinomial", "Bernoulli");
    /** Samplers that {@link #withDeterministicNoise} replaces; the others keep a seed only. */
    private static final Set<String> GENERATORS = Set.of("RandomNormal", "RandomNormalLike", "RandomUniform",
            "RandomUniformLike");
    private static final long TWO_32 = 1L << 32;
    private static final long TWO_16 = 1L << 16;
    private static final long MULTIPLIER = 0x45D9F3BL;

    /**
     * The model with a {@code seed} attribute on every sampler node that has none: the n-th sampler in file order
     * gets {@link #derivedSeed derivedSeed(n)}; seeds already there are kept. With ONNX Runtime this makes a new
     * session's first run repeatable, not its later runs (each node's generator advances from run to run).
     */
    public static byte[] withSeeds(byte[] model) {
        return rewriteSamplers(model, false);
    }

    /**
     * The model with every {@code RandomNormal}, {@code RandomNormalLike}, {@code RandomUniform} and
     * {@code RandomUniformLike} node replaced by a counter-based generator made of integer operators: element i of
     * its output depends only on i and the node's seed (its own, else {@link #derivedSeed derivedSeed(n)}), so every
     * run, in one session or many, draws the same noise. Each pair of counters goes through five bijective rounds
     * (multiply by an odd constant mod 2^32, then mix the low half's square into the high half; the seed is added
     * after the second), the top 24 bits are a uniform in (0, 1) and Box-Muller makes normals. The node's
     * {@code mean}/{@code scale} or {@code low}/{@code high} apply; output is float32, cast to {@code dtype} when set.
     * {@code Multinomial} and {@code Bernoulli} only get a seed, as in {@link #withSeeds}. Opset 11 or later (Range).
     */
    public static byte[] withDeterministicNoise(byte[] model) {
        return rewriteSamplers(model, true);
    }

    /** The seed given to the n-th sampler node that has none: distinct integers, exact in a float. */
    public static float derivedSeed(int n) {
        return 24_301f + 7_919f * n;
    }

    private static byte[] rewriteSamplers(byte[] model, boolean replace) {
        return withGraph(model, graph -> rewriteGraph(model, graph, replace));
    }

    private static ProtoWriter rewriteGraph(byte[] model, Slice graph, boolean replace) {
        ProtoWriter g = new ProtoWriter();
        Cursor c = graph.cursor();
        int samplers = 0;
        while (c.more()) {
            int start = c.pos;
            Field f = c.next();
            if (f.number == 1 && f.wireType == 2) {
                SamplerNode n = samplerNode(f.slice);
                if (n != null) {
                    Float own = n.floatAttr("seed");
                    float seed = own != null ? own : derivedSeed(samplers);
                    samplers++;
                    if (replace && GENERATORS.contains(n.op)) {
                        new NoiseWriter(g, n, seed).write();
                        continue;
                    }
                    if (own == null) {
                        g.message(1, new ProtoWriter().raw(model, f.slice.from, f.slice.to - f.slice.from)
                                .message(5, new ProtoWriter().string(1, "seed").float32(2, seed).varint(20, 1)));
                        continue;
                    }
                }
            }
            g.raw(model, start, c.pos - start);
        }
        return g;
    }

    /** A sampler node of the default domain with its attributes, or null for any other node. */
    private static SamplerNode samplerNode(Slice s) {
        RawNode raw = rawNode(s);
        String op = raw.op();
        List<String> in = raw.inputs();
        List<String> out = raw.outputs();
        List<Slice> attributes = raw.attributes();
        if (!SAMPLERS.contains(op) || !(raw.domain().isEmpty() || raw.domain().equals("ai.onnx"))) {
            return null;
        }
        Map<String, Field> floats = new LinkedHashMap<>();
        Map<String, Long> ints = new LinkedHashMap<>();
        Map<String, long[]> intLists = new LinkedHashMap<>();
        for (Slice a : attributes) {
            String name = "";
            Field fValue = null;
            Long iValue = null;
            List<Long> list = new ArrayList<>();
            Cursor ac = a.cursor();
            while (ac.more()) {
                Field f = ac.next();
                if (f.number == 1 && f.wireType == 2) {
                    name = f.slice.string();
                } else if (f.number == 2 && f.wireType == 5) {
                    fValue = f;
                } else if (f.number == 3 && f.wireType == 0) {
                    iValue = f.value;
                } else if (f.number == 8 && f.wireType == 0) {
                    list.add(f.value);
                } else if (f.number == 8 && f.wireType == 2) {
                    Cursor p = f.slice.cursor();
                    while (p.more()) {
                        list.add(p.varint());
                    }
                }
            }
            if (fValue != null) {
                floats.put(name, fValue);
            }
            if (iValue != null) {
                ints.put(name, iValue);
            }
            if (!list.isEmpty()) {
                intLists.put(name, list.stream().mapToLong(Long::longValue).toArray());
            }
        }
        return new SamplerNode(op, in, out, floats, ints, intLists);
    }

    /** A sampler node's operator, tensors and attributes (floats as their fixed32 fields). */
    private record SamplerNode(String op, List<String> inputs, List<String> outputs, Map<String, Field> floats,
                               Map<String, Long> ints, Map<String, long[]> intLists) {
        Float floatAttr(String name) {
            Field f = floats.get(name);
            return f == null ? null : Float.intBitsToFloat((int) f.value);
        }

        float floatAttr(String name, float otherwise) {
            Float v = floatAttr(name);
            return v == null ? otherwise : v;
        }
    }

    /** The bijective round of the generator, in Java: what the graph computes, for the seed's key. */
    private static long round(long h) {
        long m = h * MULTIPLIER % TWO_32;
        long hi = m / TWO_16;
        long lo = m % TWO_16;
        return lo * TWO_16 + (hi + lo * lo) % TWO_16;
    }

    /** Writes the nodes and constants that replace one generator node, in its place (so topological order holds). */
    private static final class NoiseWriter {
        private final ProtoWriter g;
        private final SamplerNode n;
        private final float seed;
        private final String prefix;
        private int count;

        NoiseWriter(ProtoWriter g, SamplerNode n, float seed) {
            this.g = g;
            this.n = n;
            this.seed = seed;
            this.prefix = (n.outputs.isEmpty() ? n.op : n.outputs.get(0)) + "/gaga_noise/";
        }

        void write() {
            if (n.outputs.isEmpty()) {
                throw new IllegalArgumentException("sampler node " + n.op + " has no output");
            }
            boolean like = n.op.endsWith("Like");
            String shape;
            String size;
            if (like) {
                if (n.inputs.isEmpty()) {
                    throw new IllegalArgumentException("sampler node " + n.op + " has no input");
                }
                shape = op("Shape", n.inputs.get(0));
                size = op("Size", n.inputs.get(0));
            } else {
                long[] dims = n.intLists.get("shape");
                if (dims == null) {
                    throw new IllegalArgumentException("sampler node " + n.op + " producing '" + n.outputs.get(0)
                            + "' has no shape attribute");
                }
                long total = 1;
                for (long d : dims) {
                    total *= d;
                }
                shape = longs("shape", new long[] {dims.length}, dims);
                size = longs("size", new long[] {}, total);
            }
            String counters = op("Range", longs("zero", new long[] {}, 0), op("Mul", size, longConst(2)),
                    longConst(1));
            String h = counters;
            for (int r = 0; r < 2; r++) {
                h = round(h);
            }
            long key = Float.floatToIntBits(seed) & 0xFFFFFFFFL;
            for (int r = 0; r < 3; r++) {
                key = OnnxProto.round(key);
            }
            h = op("Mod", op("Add", h, longConst(key)), longConst(TWO_32));
            for (int r = 0; r < 3; r++) {
                h = round(h);
            }
            String top = opWith("Cast", new ProtoWriter().string(1, "to").varint(3, FLOAT).varint(20, 2),
                    op("Div", h, longConst(256)));
            String u = op("Mul", op("Add", top, floatConst(0.5f)), floatConst(1f / (1 << 24)));
            String pairs = op("Reshape", u, longs("pair", new long[] {2}, -1, 2));
            ProtoWriter axis1 = new ProtoWriter().string(1, "axis").varint(3, 1).varint(20, 2);
            String u1 = opWith("Gather", axis1, pairs, longConst(0));
            String value;
            if (n.op.startsWith("RandomNormal")) {
                String u2 = opWith("Gather", axis1, pairs, longConst(1));
                String radius = op("Sqrt", op("Mul", op("Log", u1), floatConst(-2f)));
                String z = op("Mul", radius, op("Cos", op("Mul", u2, floatConst((float) (2 * Math.PI)))));
                value = op("Add", op("Mul", z, floatConst(n.floatAttr("scale", 1f))),
                        floatConst(n.floatAttr("mean", 0f)));
            } else {
                float low = n.floatAttr("low", 0f);
                value = op("Add", op("Mul", u1, floatConst(n.floatAttr("high", 1f) - low)), floatConst(low));
            }
            Long dtype = n.ints.get("dtype");
            if (dtype == null || dtype == FLOAT) {
                node("Reshape", n.outputs.get(0), null, value, shape);
            } else {
                node("Cast", n.outputs.get(0), new ProtoWriter().string(1, "to").varint(3, dtype).varint(20, 2),
                        op("Reshape", value, shape));
            }
        }

        /** One round on a tensor: h = (h * M) mod 2^32; then low half * 2^16 + (high half + low half^2) mod 2^16. */
        private String round(String h) {
            String m = op("Mod", op("Mul", h, longConst(MULTIPLIER)), longConst(TWO_32));
            String hi = op("Div", m, longConst(TWO_16));
            String lo = op("Mod", m, longConst(TWO_16));
            String mixed = op("Mod", op("Add", hi, op("Mul", lo, lo)), longConst(TWO_16));
            return op("Add", op("Mul", lo, longConst(TWO_16)), mixed);
        }

        /** A node with a fresh output name. */
        private String op(String op, String... inputs) {
            return opWith(op, null, inputs);
        }

        private String opWith(String op, ProtoWriter attribute, String... inputs) {
            String out = prefix + (count++);
            node(op, out, attribute, inputs);
            return out;
        }

        private void node(String op, String output, ProtoWriter attribute, String... inputs) {
            ProtoWriter node = new ProtoWriter();
            for (String in : inputs) {
                node.string(1, in);
            }
            node.string(2, output).string(3, output).string(4, op);
            if (attribute != null) {
                node.message(5, attribute);
            }
            g.message(1, node);
        }

        private String longConst(long v) {
            return longs("i" + v, new long[] {}, v);
        }

        private String longs(String name, long[] dims, long... values) {
            byte[] raw = new byte[values.length * 8];
            for (int i = 0; i < values.length; i++) {
                for (int b = 0; b < 8; b++) {
                    raw[i * 8 + b] = (byte) (values[i] >>> (8 * b));
                }
            }
            return constant(prefix + name + "_" + (count++), INT64, dims, raw);
        }

        private String floatConst(float v) {
            int bits = Float.floatToIntBits(v);
            byte[] raw = {(byte) bits, (byte) (bits >>> 8), (byte) (bits >>> 16), (byte) (bits >>> 24)};
            return constant(prefix + "f_" + (count++), FLOAT, new long[] {}, raw);
        }

        private String constant(String name, int type, long[] dims, byte[] raw) {
            ProtoWriter t = new ProtoWriter();
            for (long d : dims) {
                t.varint(1, d);
            }
            g.message(5, t.varint(2, type).string(8, name).bytes(9, raw));
            return name;
        }
    }

    private static Node node(Slice s) {
        RawNode raw = rawNode(s);
        return new Node(raw.op(), raw.inputs(), raw.outputs());
    }

    /** A NodeProto's fields: input (1), output (2), op_type (4), attribute (5, unparsed), domain (7). */
    private record RawNode(String op, String domain, List<String> inputs, List<String> outputs,
                           List<Slice> attributes) {
    }

    private static RawNode rawNode(Slice s) {
        String op = "";
        String domain = "";
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        List<Slice> attributes = new ArrayList<>();
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
                case 5 -> attributes.add(f.slice);
                case 7 -> domain = f.slice.string();
                default -> {
                }
            }
        }
        return new RawNode(op, domain, in, out, attributes);
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
                case 1: {
                    long v = little(8);
                    return new Field(number, wireType, v, null);
                }
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
                case 5: {
                    long v = little(4);
                    return new Field(number, wireType, v, null);
                }
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

        /** A fixed32 or fixed64 value, little-endian. */
        private long little(int n) {
            if (n > end - pos) {
                throw new IllegalArgumentException("corrupt ONNX protobuf: truncated field");
            }
            long v = 0;
            for (int i = 0; i < n; i++) {
                v |= (data[pos + i] & 0xFFL) << (8 * i);
            }
            pos += n;
            return v;
        }
    }
}
