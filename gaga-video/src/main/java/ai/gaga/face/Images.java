package ai.gaga.face;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Objects;

/**
 * Small image helpers shared by face analysis and picture rendering. Every image they return is
 * {@link BufferedImage#TYPE_3BYTE_BGR}, whose raster is one packed B,G,R byte array with no row padding, the same
 * layout as {@link ai.gaga.render.FrameBuffer}, so pixels can move between the two with plain array copies.
 * Stateless and thread-safe.
 */
public final class Images {
    private Images() {
    }

    /**
     * The image as {@code TYPE_3BYTE_BGR}: returned as is when it already is, else redrawn, with any transparency
     * composited over white (a transparent PNG background should look like paper, not like a black hole).
     */
    public static BufferedImage toBgr(BufferedImage src) {
        Objects.requireNonNull(src, "src");
        if (src.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The packed B,G,R pixels of a {@code TYPE_3BYTE_BGR} image (the live raster, not a copy). Not for sub-images
     * ({@link BufferedImage#getSubimage}), whose raster shares a larger parent array: those are rejected.
     */
    public static byte[] bgr(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("Expected TYPE_3BYTE_BGR, got type " + image.getType());
        }
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        if (data.length != image.getWidth() * image.getHeight() * 3
                || image.getRaster().getSampleModelTranslateX() != 0
                || image.getRaster().getSampleModelTranslateY() != 0) {
            throw new IllegalArgumentException("Image is a view into a larger raster (a sub-image); copy it first");
        }
        return data;
    }

    /**
     * The image as a compact {@code TYPE_3BYTE_BGR} whose pixels {@link #bgr} accepts: returned as is when it
     * already is one, else converted or copied (sub-images included), so models can take any image.
     */
    static BufferedImage packedBgr(BufferedImage src) {
        BufferedImage b = toBgr(src);
        if (((DataBufferByte) b.getRaster().getDataBuffer()).getData().length != b.getWidth() * b.getHeight() * 3
                || b.getRaster().getSampleModelTranslateX() != 0 || b.getRaster().getSampleModelTranslateY() != 0) {
            return copy(b);
        }
        return b;
    }

    /**
     * Whether the region {@code [x0, x1) x [y0, y1)} of packed B, G, R pixels ({@code width} wide) is black and white:
     * its pixels' spread between channels is under 2.5 levels on average and over 10 on at most 1 % of them (every
     * 4th pixel of every 4th row is read; the region must lie within the image's rows). A grey background in a colour
     * photo is not enough: skin is never grey.
     */
    public static boolean isMonochrome(byte[] bgr, int width, int x0, int y0, int x1, int y1) {
        long sum = 0;
        int n = 0;
        int loud = 0;
        for (int y = Math.max(0, y0); y < y1; y += 4) {
            for (int x = Math.max(0, x0); x < Math.min(width, x1); x += 4) {
                int o = (y * width + x) * 3;
                int b = bgr[o] & 0xff;
                int g = bgr[o + 1] & 0xff;
                int r = bgr[o + 2] & 0xff;
                int spread = Math.max(b, Math.max(g, r)) - Math.min(b, Math.min(g, r));
                sum += spread;
                loud += spread > 10 ? 1 : 0;
                n++;
            }
        }
        return n > 0 && sum < 2.5 * n && loud <= 0.01 * n;
    }

    /** A {@code TYPE_3BYTE_BGR} image over a copy of packed B,G,R pixels (e.g. a rendered frame, for analysis). */
    public static BufferedImage fromBgr(byte[] bgr, int width, int height) {
        if (bgr.length < width * height * 3) {
            throw new IllegalArgumentException("Need " + width * height * 3 + " bytes, got " + bgr.length);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(bgr, 0, bgr(out), 0, width * height * 3);
        return out;
    }

    /**
     * High-quality resize to exactly {@code width x height} ({@code TYPE_3BYTE_BGR}). Shrinking halves the image
     * repeatedly with bilinear filtering before the last step, because a single bilinear or bicubic step from far
     * above the target size skips source pixels and aliases (Java2D's filters only look at 2x2 / 4x4 neighbours);
     * the last step is bicubic. Meant for one-off preparation, not per-frame work.
     */
    public static BufferedImage resize(BufferedImage src, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Bad target size " + width + "x" + height);
        }
        BufferedImage cur = toBgr(src);
        int w = cur.getWidth();
        int h = cur.getHeight();
        if (w == width && h == height) {
            return copy(cur);
        }
        while (w >= width * 2 || h >= height * 2) {
            int nw = w >= width * 2 ? w / 2 : w;
            int nh = h >= height * 2 ? h / 2 : h;
            cur = draw(cur, nw, nh, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            w = nw;
            h = nh;
        }
        return draw(cur, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    /** A deep, compact copy in {@code TYPE_3BYTE_BGR} (also of sub-images). */
    public static BufferedImage copy(BufferedImage src) {
        return draw(toBgr(src), src.getWidth(), src.getHeight(), RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    private static BufferedImage draw(BufferedImage src, int width, int height, Object interpolation) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setComposite(AlphaComposite.Src);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
