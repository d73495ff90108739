package ai.gaga.render;

/**
 * One video frame as packed 8-bit BGR (3 bytes per pixel, rows top to bottom, no padding), the layout FFmpeg and
 * Java2D's {@code TYPE_3BYTE_BGR} share. Mutable and reused from a small pool: never keep a reference after handing
 * it on. Not thread-safe.
 */
public final class FrameBuffer {
    private final int width;
    private final int height;
    private final byte[] bgr;
    private long index = -1;

    public FrameBuffer(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Bad frame size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.bgr = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Bytes per row. */
    public int stride() {
        return width * 3;
    }

    /** The pixels, B,G,R per pixel. */
    public byte[] bgr() {
        return bgr;
    }

    /** Index of the frame last rendered into this buffer, -1 before the first. */
    public long index() {
        return index;
    }

    public void index(long frameIndex) {
        this.index = frameIndex;
    }

    /** Packed 0xRRGGBB of one pixel (for tests and analysis; slow per pixel). */
    public int rgb(int x, int y) {
        int o = (y * width + x) * 3;
        return ((bgr[o + 2] & 0xff) << 16) | ((bgr[o + 1] & 0xff) << 8) | (bgr[o] & 0xff);
    }

    public void copyFrom(FrameBuffer other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("Frame sizes differ: " + other.width + "x" + other.height + " vs "
                    + width + "x" + height);
        }
        System.arraycopy(other.bgr, 0, bgr, 0, bgr.length);
        index = other.index;
    }
}
