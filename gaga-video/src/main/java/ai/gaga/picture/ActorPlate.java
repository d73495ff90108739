package ai.gaga.picture;

import ai.gaga.face.FaceBox;

import java.util.Optional;

/**
 * One actor's picture as the compositor samples it: the actor's photo at a working scale (plate pixels per photo
 * pixel), whose pixels are redrawn for each frame. A still plate never changes; an animated plate redraws only the
 * face and neck region, so every pixel outside it stays equal to the scaled photo.
 *
 * <p>Not thread-safe: one render thread calls {@link #draw} with increasing frame indices, then reads {@link #bgr}.
 */
public interface ActorPlate extends AutoCloseable {
    /** Plate width in pixels. */
    int width();

    /** Plate height in pixels. */
    int height();

    /** Plate pixels per photo pixel. */
    double scale();

    /** BGR24 pixels, row-major, {@code width * height * 3} bytes, as drawn by the last {@link #draw} call. */
    byte[] bgr();

    /** The face in plate coordinates (rest pose), if the photo has one. */
    Optional<FaceBox> face();

    /**
     * How much each plate pixel belongs to the person (0..255, row-major, {@code width * height}), for cutting the
     * actor out onto a shared background; empty if unknown.
     */
    Optional<byte[]> personAlpha();

    /** Redraws the plate for frame {@code index} of the clip (0-based); a no-op for still plates. */
    void draw(int index);

    /**
     * Which part of the plate the next {@link #draw} will be looked at in (plate pixels, {@code [x0, x1) x [y0,
     * y1)}): a plate may leave pixels outside it undrawn (an animated plate then skips the part of the body the
     * frame does not show). Until called, the whole plate. The compositor calls it before every draw.
     */
    default void view(int x0, int y0, int x1, int y1) {
    }

    @Override
    default void close() {
    }
}
