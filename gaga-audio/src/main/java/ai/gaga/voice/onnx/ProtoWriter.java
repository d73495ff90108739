package ai.gaga.voice.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes protocol-buffer wire format: just varints, length-delimited fields and 32-bit floats, which is all an ONNX
 * {@code ModelProto} needs. Used to add outputs to a model at load time and to generate small models in tests, without
 * a protobuf library. Not thread-safe.
 */
public final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A varint field (int32, int64, enum, bool). */
    public ProtoWriter varint(int field, long value) {
        tag(field, VARINT);
        writeVarint(value);
        return this;
    }

    /** A string field, UTF-8. */
    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bytes field. */
    public ProtoWriter bytes(int field, byte[] value) {
        return bytes(field, value, 0, value.length);
    }

    /** A bytes field from part of an array. */
    public ProtoWriter bytes(int field, byte[] value, int offset, int length) {
        tag(field, LENGTH_DELIMITED);
        writeVarint(length);
        out.write(value, offset, length);
        return this;
    }

    /** An embedded message field. */
    public ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** A float field. */
    public ProtoWriter float32(int field, float value) {
        tag(field, FIXED32);
        int bits = Float.floatToIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    /** Bytes that are already encoded fields, copied as they are. */
    public ProtoWriter raw(byte[] encoded, int offset, int length) {
        out.write(encoded, offset, length);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        writeVarint(((long) field << 3) | wireType);
    }

    private void writeVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
