package ai.gaga.scene;

import java.util.Locale;

/**
 * Which face of a photo plays an actor when the photo shows several: the largest (the default), the n-th from the
 * left, or the one at a point of the photo (the face whose box contains it, else the nearest). Lets several actors
 * come from one group photo.
 *
 * @param index 0-based position counted from the left, or -1
 * @param x     photo pixel column of the point, or NaN
 * @param y     photo pixel row of the point, or NaN
 */
public record FacePick(int index, double x, double y) {
    /** The largest face. */
    public static final FacePick LARGEST = new FacePick(-1, Double.NaN, Double.NaN);

    public FacePick {
        if (index < -1) {
            throw new IllegalArgumentException("Face index must be 0 or more, got " + index);
        }
        if (Double.isNaN(x) != Double.isNaN(y) || (!Double.isNaN(x) && index >= 0)) {
            throw new IllegalArgumentException("Pick a face by index or by point, not both");
        }
    }

    /** The {@code index}-th face counted from the left of the photo (0 = leftmost). */
    public static FacePick index(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Face index must be 0 or more, got " + index);
        }
        return new FacePick(index, Double.NaN, Double.NaN);
    }

    /** The face at pixel ({@code x}, {@code y}) of the photo (upright, as displayed). */
    public static FacePick at(double x, double y) {
        if (!(Double.isFinite(x) && Double.isFinite(y))) {
            throw new IllegalArgumentException("Face point must be finite, got " + x + "," + y);
        }
        return new FacePick(-1, x, y);
    }

    /** Whether this picks by point. */
    public boolean byPoint() {
        return !Double.isNaN(x);
    }

    @Override
    public String toString() {
        return index >= 0 ? "face #" + (index + 1) + " from the left" // counted from 1, as the CLI's PHOTO#N
                : byPoint() ? String.format(Locale.ROOT, "face at (%.0f, %.0f)", x, y) : "largest face";
    }
}
