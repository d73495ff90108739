package ai.gaga.scene;

/**
 * Output frame size in pixels. Even dimensions only (H.264 4:2:0 needs them).
 *
 * @param width  frame width, 16..3840, even
 * @param height frame height, 16..3840, even
 */
public record Resolution(int width, int height) {
    /** 1920x1080, 16:9 landscape (the default). */
    public static final Resolution FULL_HD = new Resolution(1920, 1080);
    /** 1080x1920, 9:16 portrait for phones. */
    public static final Resolution VERTICAL_FULL_HD = new Resolution(1080, 1920);
    /** 1080x1080, 1:1. */
    public static final Resolution SQUARE = new Resolution(1080, 1080);

    public Resolution {
        if (width < 16 || height < 16 || width > 3840 || height > 3840 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("Resolution must be even and between 16 and 3840 px per side, got "
                    + width + "x" + height);
        }
    }

    /**
     * Parses {@code 1920x1080} or a name: {@code 1080p}/{@code landscape}, {@code vertical}/{@code 9:16},
     * {@code square}/{@code 1:1}.
     */
    public static Resolution parse(String text) {
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
                + "': use WIDTHxHEIGHT (e.g. 1920x1080) or one of 1080p, vertical, square");
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
