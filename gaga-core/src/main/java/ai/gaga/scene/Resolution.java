package ai.gaga.scene;

/**
 * Output frame size in pixels. Even dimensions only (H.264 4:2:0 needs them), 128 to 3840 per side, no longer than
 * four times as wide or as tall (a thinner frame has no room for a face).
 *
 * @param width  frame width, 128..3840, even
 * @param height frame height, 128..3840, even
 */
public record Resolution(int width, int height) {
    /** 1920x1080, 16:9 landscape (the default). */
    public static final Resolution FULL_HD = new Resolution(1920, 1080);
    /** 1080x1920, 9:16 portrait for phones. */
    public static final Resolution VERTICAL_FULL_HD = new Resolution(1080, 1920);
    /** 1080x1080, 1:1. */
    public static final Resolution SQUARE = new Resolution(1080, 1080);

    public Resolution {
        if (width < 128 || height < 128 || width > 3840 || height > 3840 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("Resolution must be even and between 128 and 3840 px per side, got "
                    + width + "x" + height);
        }
        if (width > 4 * height || height > 4 * width) {
            throw new IllegalArgumentException("Resolution " + width + "x" + height + " is too thin a frame: at most "
                    + "4 times as wide as tall or as tall as wide");
        }
    }

    /**
     * Parses {@code 1920x1080} or a name: {@code 1080p}/{@code landscape}/{@code 16:9}, {@code vertical}/
     * {@code portrait}/{@code 9:16}, {@code square}/{@code 1:1}.
     */
    public static Resolution parse(String text) {
        java.util.Objects.requireNonNull(text, "text");
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "1080p", "landscape", "16:9", "full_hd", "fullhd":
                return FULL_HD;
            case "vertical", "portrait", "9:16":
                return VERTICAL_FULL_HD;
            case "square", "1:1":
                return SQUARE;
            default:
                break;
        }
        int x = t.indexOf('x');
        if (x > 0) {
            try {
                return new Resolution(Integer.parseInt(t.substring(0, x)), Integer.parseInt(t.substring(x + 1)));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("Unknown resolution '" + text
                + "': use WIDTHxHEIGHT (e.g. 1920x1080) or one of 1080p, vertical (portrait), square");
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
