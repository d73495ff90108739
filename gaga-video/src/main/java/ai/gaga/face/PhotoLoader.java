package ai.gaga.face;

import ai.gaga.InvalidPhotoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Node;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Loads an actor's photo into a {@link BufferedImage#TYPE_3BYTE_BGR} image, upright and of bounded size, or fails with
 * an {@link InvalidPhotoException} that says what is wrong in the user's terms (missing, a directory, unreadable, not
 * an image, corrupt or truncated, too small).
 *
 * <p>A transparent background (a cut-out person) is replaced by a plain studio backdrop (see
 * {@link #overStudioBackdrop}) and grayscale is expanded to colour, so later stages only ever see 3-byte BGR. The EXIF orientation of JPEGs is applied, because phone portraits are usually stored sideways and a sideways
 * face is not detected. Photos whose longer side exceeds {@link #MAX_SIDE} are scaled down while loading (first by
 * decoder subsampling, which keeps a 50-megapixel photo from ever being decoded at full size, then by a
 * high-quality resize) since nothing downstream needs more than a 4K frame's worth of pixels.
 *
 * <p>Stateless and thread-safe.
 */
public final class PhotoLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PhotoLoader.class);

    /** Smallest accepted width and height, pixels: below this no face can be found or shown decently. */
    public static final int MIN_SIDE = 64;
    /** Longest side kept, pixels; larger photos are scaled down to it while loading. */
    public static final int MAX_SIDE = 4096;

    /** Most pixels a photo may claim (a 200-megapixel camera's); more is refused before decoding. */
    public static final long MAX_PIXELS = 200_000_000L;
    /**
     * Most pixels per byte of file: even a photo of one flat colour needs more bytes than this (JPEG spends bits on
     * every 8x8 block, deflate compresses at most about 1:1032). A header that claims more describes data that is not
     * there, and decoding it would spin over millions of empty rows (a 5 KB file claiming 60000x60000 took minutes).
     */
    public static final long MAX_PIXELS_PER_BYTE = 4_000;

    private static final int EXIF_ORIENTATION_TAG = 0x0112;
    private static final int APP1 = 0xE1;

    private PhotoLoader() {
    }

    /**
     * Loads a photo.
     *
     * @param photo the file as the user gave it (used verbatim in error messages)
     * @return an upright {@code TYPE_3BYTE_BGR} image, at least {@value #MIN_SIDE} and at most {@value #MAX_SIDE}
     *         pixels per side
     * @throws InvalidPhotoException naming the file and the problem
     */
    public static BufferedImage load(Path photo) {
        Objects.requireNonNull(photo, "photo");
        if (Files.isDirectory(photo)) {
            throw new InvalidPhotoException(photo, "is a directory, not an image file");
        }
        if (!Files.exists(photo)) {
            throw new InvalidPhotoException(photo, "file not found");
        }
        if (!Files.isReadable(photo)) {
            throw new InvalidPhotoException(photo, "cannot be read (permission denied)");
        }
        long size;
        try {
            size = Files.size(photo);
        } catch (IOException e) {
            throw new InvalidPhotoException(photo, "cannot be read: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new InvalidPhotoException(photo, "file is empty (0 bytes); " + supportedFormats());
        }

        Decoded decoded;
        // Opening the stream ourselves (rather than ImageIO.read(File)) keeps the real I/O error: ImageIO turns an
        // unreadable file into a bare "Can't create an ImageInputStream!".
        try (InputStream raw = Files.newInputStream(photo);
             ImageInputStream in = new MemoryCacheImageInputStream(new BufferedInputStream(raw, 1 << 16))) {
            decoded = decode(photo, in, size);
        } catch (NoSuchFileException e) {
            throw new InvalidPhotoException(photo, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new InvalidPhotoException(photo, "cannot be read (permission denied)", e);
        } catch (InvalidPhotoException e) {
            throw e;
        } catch (IIOException e) {
            throw new InvalidPhotoException(photo, describeDecodeFailure(e), e);
        } catch (IOException | RuntimeException e) {
            // Decoders signal broken data with all sorts of runtime exceptions (index out of bounds, negative sizes).
            throw new InvalidPhotoException(photo, "corrupt or truncated image: " + detail(e), e);
        } catch (OutOfMemoryError e) {
            throw new InvalidPhotoException(photo, "image is too large to decode in the memory available", e);
        }

        BufferedImage image = overStudioBackdrop(decoded.image);
        image = orient(image, decoded.orientation);
        if (image.getWidth() < MIN_SIDE || image.getHeight() < MIN_SIDE) {
            throw new InvalidPhotoException(photo, "image is too small (" + image.getWidth() + "x"
                    + image.getHeight() + " pixels); at least " + MIN_SIDE + "x" + MIN_SIDE
                    + " is needed, and a face at least ~100 pixels tall looks best");
        }
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest > MAX_SIDE) {
            double f = MAX_SIDE / (double) longest;
            int w = Math.max(1, (int) Math.round(image.getWidth() * f));
            int h = Math.max(1, (int) Math.round(image.getHeight() * f));
            image = Images.resize(image, w, h);
        }
        LOG.debug("Loaded photo {} ({} format, {}x{} stored, {}x{} used, EXIF orientation {})", photo,
                decoded.format, decoded.width, decoded.height, image.getWidth(), image.getHeight(),
                decoded.orientation);
        return image;
    }

    /** Share of transparent pixels from which an image is a cut-out: less is a few see-through pixels (white). */
    static final double CUT_OUT_SHARE = 0.002;
    /** Luma of the studio backdrop at its brightest (top centre), 0..255: a photographer's mid grey. */
    static final double STUDIO_LUMA = 112;

    /**
     * The image as {@code TYPE_3BYTE_BGR}. A transparent background (at least {@link #CUT_OUT_SHARE} of the pixels
     * under half opaque: a cut-out from a background remover) becomes a plain studio backdrop: a mid grey with a
     * little of the person's own colour, lightest above the centre and falling off to the corners, finely dithered so
     * the encoder shows no bands. White paper behind a cut-out made a glaring box in every shot, and black a hole.
     * Other images are converted with any stray transparency over white ({@link Images#toBgr}).
     */
    static BufferedImage overStudioBackdrop(BufferedImage src) {
        if (!src.getColorModel().hasAlpha()) {
            return Images.toBgr(src);
        }
        int w = src.getWidth();
        int h = src.getHeight();
        int[] row = new int[w];
        long clear = 0;
        double[] sum = new double[3];
        long opaque = 0;
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int p : row) {
                int a = p >>> 24;
                if (a < 128) {
                    clear++;
                } else if (a >= 250) {
                    sum[0] += p & 0xff;
                    sum[1] += (p >> 8) & 0xff;
                    sum[2] += (p >> 16) & 0xff;
                    opaque++;
                }
            }
        }
        if (clear < CUT_OUT_SHARE * w * h) {
            return Images.toBgr(src);
        }
        // A hint of the person's colour (a sixth of its chroma) in the grey, as a backdrop lit by the same light.
        double[] tint = new double[3];
        if (opaque > 0) {
            double b = sum[0] / opaque;
            double g = sum[1] / opaque;
            double r = sum[2] / opaque;
            double l = 0.114 * b + 0.587 * g + 0.299 * r;
            tint = new double[] {(b - l) / 6, (g - l) / 6, (r - l) / 6};
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = Images.bgr(out);
        double cx = 0.5 * w;
        double cy = 0.4 * h;
        double reach = Math.hypot(0.5 * w, 0.6 * h);
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int a = p >>> 24;
                double t = Math.hypot(x - cx, y - cy) / reach;
                double light = STUDIO_LUMA * Math.max(0.55, 1 - 0.45 * t * t);
                // Hash dither of about a level either way.
                int hsh = (x * 73856093) ^ (y * 19349663);
                hsh ^= hsh >>> 13;
                double dither = ((hsh & 0xff) / 255.0 - 0.5) * 1.5;
                int o = (y * w + x) * 3;
                for (int k = 0; k < 3; k++) {
                    double bg = light + tint[k] + dither;
                    double fg = (p >> (8 * k)) & 0xff;
                    double v = (a * fg + (255 - a) * bg) / 255;
                    px[o + k] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        LOG.debug("Transparent background ({} of {} pixels) replaced by a studio backdrop", clear, (long) w * h);
        return out;
    }

    /** The image formats this JVM can read, e.g. {@code bmp, gif, jpeg, png, tiff, wbmp}. */
    public static String supportedFormats() {
        TreeSet<String> names = new TreeSet<>();
        for (String n : ImageIO.getReaderFormatNames()) {
            String l = n.toLowerCase(Locale.ROOT);
            // Drop aliases so the list reads as formats, not spellings.
            if (!l.equals("jpg") && !l.equals("tif")) {
                names.add(l);
            }
        }
        return "supported formats: " + String.join(", ", names);
    }

    private record Decoded(BufferedImage image, String format, int width, int height, int orientation) {
    }

    /**
     * Refuses a claimed size that is too large or that the file's bytes cannot hold.
     *
     * @throws InvalidPhotoException saying which
     */
    public static void checkClaimedSize(Path photo, int width, int height, long fileBytes) {
        long pixels = (long) width * height;
        if (pixels > MAX_PIXELS) {
            throw new InvalidPhotoException(photo, "image is too large (" + width + "x" + height + " pixels; at most "
                    + MAX_PIXELS / 1_000_000 + " megapixels are accepted)");
        }
        if (pixels > fileBytes * MAX_PIXELS_PER_BYTE) {
            throw new InvalidPhotoException(photo, "corrupt or truncated image: the header claims " + width + "x"
                    + height + " pixels, which " + fileBytes + " bytes cannot hold");
        }
    }

    private static Decoded decode(Path photo, ImageInputStream in, long fileBytes) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new InvalidPhotoException(photo, "not an image, or an image format that cannot be read; "
                    + supportedFormats());
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try {
            reader.setInput(in, true, false);
            reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                @Override
                public void warningOccurred(ImageReader source, String warning) {
                    warnings.add(warning);
                }
            });
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new InvalidPhotoException(photo, "corrupt image: header gives size " + width + "x" + height);
            }
            checkClaimedSize(photo, width, height, fileBytes);
            ImageReadParam param = reader.getDefaultReadParam();
            // Subsample so the decoded image stays below 2 x MAX_SIDE: the decoder then never allocates the full
            // photo; the exact resize to MAX_SIDE happens afterwards with proper filtering.
            int sub = Math.max(width, height) / MAX_SIDE;
            if (sub > 1) {
                param.setSourceSubsampling(sub, sub, 0, 0);
            }
            CmykJpeg.Info cmyk = format.contains("jpeg") ? CmykJpeg.inspect(reader, photo) : null;
            BufferedImage image;
            if (cmyk != null) {
                image = CmykJpeg.read(reader, param, cmyk);
                if (cmyk.iccProfile() == null) {
                    LOG.warn("Photo {} is a {} JPEG without a colour profile: converted to RGB with the plain CMYK "
                            + "formula, so its colours may differ a little from a colour-managed viewer's", photo,
                            cmyk.ycck() ? "YCCK" : "CMYK");
                } else {
                    LOG.debug("Photo {}: {} JPEG converted to sRGB with its colour profile", photo,
                            cmyk.ycck() ? "YCCK" : "CMYK");
                }
            } else {
                image = reader.read(0, param);
            }
            if (image == null) {
                throw new InvalidPhotoException(photo, "corrupt or truncated image: the decoder returned nothing");
            }
            for (String w : warnings) {
                String l = w.toLowerCase(Locale.ROOT);
                // libjpeg reports a cut-off file only as a warning and fills the rest with grey: that is a broken
                // photo, not one to animate. Other warnings (extraneous bytes, odd markers) are harmless.
                if (l.contains("premature end") || l.contains("truncat")) {
                    throw new InvalidPhotoException(photo, "corrupt or truncated image: " + w);
                }
                LOG.debug("Photo {}: decoder warning: {}", photo, w);
            }
            int orientation = 1;
            if (format.contains("jpeg") || format.contains("jpg")) {
                orientation = exifOrientation(reader);
            }
            return new Decoded(image, format, width, height, orientation);
        } finally {
            reader.dispose();
        }
    }

    private static String describeDecodeFailure(IIOException e) {
        String d = detail(e);
        if (d.toLowerCase(Locale.ROOT).contains("unsupported image type")) {
            return "unsupported colour format (" + d + ", e.g. a CMYK JPEG); save it as an RGB JPEG or PNG";
        }
        return "corrupt or truncated image: " + d;
    }

    /** The innermost useful message of an exception chain. */
    private static String detail(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (sb.indexOf(m) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(m);
            }
        }
        return sb.toString();
    }

    /** EXIF orientation (1..8) from a JPEG's APP1 segment; 1 when absent or unreadable. */
    private static int exifOrientation(ImageReader reader) {
        try {
            IIOMetadata meta = reader.getImageMetadata(0);
            if (meta == null) {
                return 1;
            }
            Node root = meta.getAsTree("javax_imageio_jpeg_image_1.0");
            for (Node seq = root.getFirstChild(); seq != null; seq = seq.getNextSibling()) {
                if (!"markerSequence".equals(seq.getNodeName())) {
                    continue;
                }
                for (Node m = seq.getFirstChild(); m != null; m = m.getNextSibling()) {
                    if ("unknown".equals(m.getNodeName()) && m instanceof IIOMetadataNode node
                            && String.valueOf(APP1).equals(node.getAttribute("MarkerTag"))
                            && node.getUserObject() instanceof byte[] data) {
                        int o = parseExifOrientation(data);
                        if (o != 1) {
                            return o;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Broken EXIF must not reject a photo whose pixels decoded fine.
            LOG.debug("Ignoring unreadable EXIF metadata: {}", e.toString());
        }
        return 1;
    }

    /** Reads tag 0x0112 from IFD0 of an APP1 "Exif\0\0" payload; 1 when absent. Package-private for tests. */
    static int parseExifOrientation(byte[] d) {
        if (d.length < 14 || d[0] != 'E' || d[1] != 'x' || d[2] != 'i' || d[3] != 'f' || d[4] != 0 || d[5] != 0) {
            return 1;
        }
        int t = 6;
        boolean little;
        if (d[t] == 'I' && d[t + 1] == 'I') {
            little = true;
        } else if (d[t] == 'M' && d[t + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long ifd = u32(d, t + 4, little);
        int p = (int) (t + ifd);
        if (ifd < 8 || p + 2 > d.length) {
            return 1;
        }
        int count = u16(d, p, little);
        for (int i = 0; i < count; i++) {
            int e = p + 2 + i * 12;
            if (e + 12 > d.length) {
                break;
            }
            if (u16(d, e, little) == EXIF_ORIENTATION_TAG) {
                int v = u16(d, e + 8, little);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] d, int o, boolean little) {
        int a = d[o] & 0xff;
        int b = d[o + 1] & 0xff;
        return little ? (b << 8) | a : (a << 8) | b;
    }

    private static long u32(byte[] d, int o, boolean little) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int idx = little ? o + 3 - i : o + i;
            v = (v << 8) | (d[idx] & 0xff);
        }
        return v;
    }

    /** The photo turned {@code quarters} quarter turns clockwise (0 to 3), as a new BGR image (the same at 0). */
    public static BufferedImage turned(BufferedImage photo, int quarters) {
        return switch (Math.floorMod(quarters, 4)) {
            case 1 -> orient(Images.toBgr(photo), 6);
            case 2 -> orient(Images.toBgr(photo), 3);
            case 3 -> orient(Images.toBgr(photo), 8);
            default -> photo;
        };
    }

    /** Applies an EXIF orientation (1..8) to a BGR image so that it displays upright. Package-private for tests. */
    static BufferedImage orient(BufferedImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_3BYTE_BGR);
        byte[] s = Images.bgr(src);
        byte[] o = Images.bgr(out);
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                int si = (sy * w + sx) * 3;
                int di = (y * ow + x) * 3;
                o[di] = s[si];
                o[di + 1] = s[si + 1];
                o[di + 2] = s[si + 2];
            }
        }
        return out;
    }
}
