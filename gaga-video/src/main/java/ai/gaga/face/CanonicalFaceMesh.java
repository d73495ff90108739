package ai.gaga.face;

import ai.gaga.GagaException;
import ai.gaga.models.ModelStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MediaPipe's canonical face mesh ({@link FaceModels#CANONICAL_MESH}): 468 vertices (x, y, z in centimetres,
 * u, v texture coordinates) and 898 triangles, parsed from the {@code geometry_pipeline_metadata} protobuf with a
 * minimal wire-format reader (no protobuf dependency for one 19 kB file).
 *
 * <p>The file is a {@code GeometryPipelineMetadata} whose {@code canonical_mesh} is a {@code Mesh3d}
 * ({@code vertex_buffer = 3}: repeated float, {@code index_buffer = 4}: repeated uint32). Rather than trust field
 * numbers of the outer message, every length-delimited top-level field is tried as a {@code Mesh3d} and the one with
 * a 468x5 vertex buffer wins.
 *
 * @param vertices 468 x 5 floats: x, y, z, u, v
 * @param triangles 898 x 3 vertex indices
 */
public record CanonicalFaceMesh(float[] vertices, int[] triangles) {
    /** Number of vertices. */
    public static final int VERTICES = 468;
    /** Floats per vertex (x, y, z, u, v). */
    public static final int STRIDE = 5;

    public CanonicalFaceMesh {
        if (vertices.length != VERTICES * STRIDE || triangles.length % 3 != 0) {
            throw new IllegalArgumentException("Bad canonical mesh: " + vertices.length + " floats, "
                    + triangles.length + " indices");
        }
    }

    /** Parses the model store's canonical mesh. */
    public static CanonicalFaceMesh load(ModelStore store) {
        return load(store.resolve(FaceModels.CANONICAL_MESH));
    }

    /** Parses a {@code geometry_pipeline_metadata} binarypb file. */
    public static CanonicalFaceMesh load(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GagaException("Cannot read canonical face mesh " + file + ": " + e.getMessage(), e);
        }
        ProtoReader top = new ProtoReader(ByteBuffer.wrap(data));
        while (top.hasMore()) {
            int tag = top.tag();
            if ((tag & 7) == ProtoReader.LEN) {
                ByteBuffer field = top.bytes();
                CanonicalFaceMesh m = tryMesh(field);
                if (m != null) {
                    return m;
                }
            } else {
                top.skip(tag & 7);
            }
        }
        throw new GagaException("No 468-vertex canonical mesh in " + file);
    }

    private static CanonicalFaceMesh tryMesh(ByteBuffer buf) {
        try {
            ProtoReader r = new ProtoReader(buf);
            FloatList v = new FloatList();
            IntList idx = new IntList();
            while (r.hasMore()) {
                int tag = r.tag();
                int field = tag >>> 3;
                int wire = tag & 7;
                if (field == 3 && wire == ProtoReader.LEN) {
                    ByteBuffer p = r.bytes().order(ByteOrder.LITTLE_ENDIAN);
                    while (p.hasRemaining()) {
                        v.add(p.getFloat());
                    }
                } else if (field == 3 && wire == ProtoReader.I32) {
                    v.add(r.fixedFloat());
                } else if (field == 4 && wire == ProtoReader.LEN) {
                    ProtoReader p = new ProtoReader(r.bytes());
                    while (p.hasMore()) {
                        idx.add((int) p.varint());
                    }
                } else if (field == 4 && wire == ProtoReader.VARINT) {
                    idx.add((int) r.varint());
                } else {
                    r.skip(wire);
                }
            }
            if (v.size != VERTICES * STRIDE || idx.size == 0) {
                return null;
            }
            return new CanonicalFaceMesh(v.toArray(), idx.toArray());
        } catch (RuntimeException e) {
            return null; // not a Mesh3d: some other field of the outer message
        }
    }

    /** Number of triangles. */
    public int triangleCount() {
        return triangles.length / 3;
    }

    /** Vertex {@code i}'s position (x, y, z). */
    public double[] position(int i) {
        return new double[] {vertices[i * STRIDE], vertices[i * STRIDE + 1], vertices[i * STRIDE + 2]};
    }

    /** Minimal protobuf wire-format reader. */
    private static final class ProtoReader {
        static final int VARINT = 0;
        static final int I64 = 1;
        static final int LEN = 2;
        static final int I32 = 5;
        private final ByteBuffer b;

        ProtoReader(ByteBuffer b) {
            this.b = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        }

        boolean hasMore() {
            return b.hasRemaining();
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte x = b.get();
                v |= (long) (x & 0x7f) << shift;
                if (x >= 0) {
                    return v;
                }
            }
            throw new IllegalStateException("varint too long");
        }

        float fixedFloat() {
            return b.getFloat();
        }

        ByteBuffer bytes() {
            int n = (int) varint();
            if (n < 0 || n > b.remaining()) {
                throw new IllegalStateException("bad length " + n);
            }
            ByteBuffer s = b.slice();
            s.limit(n);
            b.position(b.position() + n);
            return s;
        }

        void skip(int wire) {
            switch (wire) {
                case VARINT -> varint();
                case I64 -> b.position(b.position() + 8);
                case LEN -> bytes();
                case I32 -> b.position(b.position() + 4);
                default -> throw new IllegalStateException("wire type " + wire);
            }
        }
    }

    private static final class FloatList {
        float[] a = new float[2048];
        int size;

        void add(float f) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, size * 2);
            }
            a[size++] = f;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }

    private static final class IntList {
        int[] a = new int[2048];
        int size;

        void add(int i) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, size * 2);
            }
            a[size++] = i;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }
}
