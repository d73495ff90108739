package ai.gaga.face;

import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CMYK and YCCK JPEGs (as Photoshop and print workflows save them). Java's JPEG reader decodes their four channels
 * as if they were colour plus alpha, so a CMYK portrait came out washed out (mean grey 137 where the sRGB original has
 * 85). Here the raw channels are read and converted: through the embedded ICC profile when there is one, else with the
 * plain CMYK formula. Adobe's files store the channels inverted (APP14 marker), YCCK ones colour-transformed first.
 */
final class CmykJpeg {
    private static final int APP2 = 0xE2;
    /** Most bytes of markers read before the scan (ICC profiles run to a few megabytes). */
    private static final long MARKER_BYTES = 64L << 20;
    private static final String ICC_TAG = "ICC_PROFILE";

    /** What a four-channel JPEG needs for its conversion. */
    record Info(int adobeTransform, boolean adobe, byte[] iccProfile) {
        boolean ycck() {
            return adobe && adobeTransform == 2;
        }
    }

    private CmykJpeg() {
    }

    /** The JPEG's CMYK description, or null when it does not have four channels. */
    static Info inspect(ImageReader reader, java.nio.file.Path file) throws IOException {
        IIOMetadata meta;
        try {
            meta = reader.getImageMetadata(0);
        } catch (javax.imageio.IIOException e) {
            // Java's reader refuses a JFIF marker (which promises one or three channels) beside four channels, as
            // libjpeg and ImageMagick write CMYK ("Inconsistent metadata read from stream"): read the markers here.
            Info info = fromMarkers(file);
            if (info == null) {
                throw e;
            }
            return info;
        }
        if (meta == null) {
            return null;
        }
        Node root = meta.getAsTree("javax_imageio_jpeg_image_1.0");
        int components = 0;
        int transform = -1;
        List<byte[]> icc = new ArrayList<>();
        for (Node seq = root.getFirstChild(); seq != null; seq = seq.getNextSibling()) {
            if (!"markerSequence".equals(seq.getNodeName())) {
                continue;
            }
            for (Node m = seq.getFirstChild(); m != null; m = m.getNextSibling()) {
                switch (m.getNodeName()) {
                    case "sof" -> components = intAttribute(m, "numFrameComponents", 0);
                    case "app14Adobe" -> transform = intAttribute(m, "transform", 0);
                    case "unknown" -> {
                        if (m instanceof IIOMetadataNode node && String.valueOf(APP2).equals(
                                node.getAttribute("MarkerTag")) && node.getUserObject() instanceof byte[] data
                                && startsWith(data, ICC_TAG)) {
                            icc.add(data);
                        }
                    }
                    default -> { }
                }
            }
        }
        if (components != 4) {
            return null;
        }
        return new Info(Math.max(transform, 0), transform >= 0, joinIcc(icc));
    }

    /**
     * Reads the raw four channels and converts them to a BGR image.
     */
    static BufferedImage read(ImageReader reader, ImageReadParam param, Info info) throws IOException {
        Raster raw = reader.readRaster(0, param);
        int w = raw.getWidth();
        int h = raw.getHeight();
        WritableRaster cmyk = raw.createCompatibleWritableRaster(w, h);
        int[] px = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raw.getPixel(raw.getMinX() + x, raw.getMinY() + y, px);
                if (info.ycck()) {
                    ycckToCmyk(px);
                } else if (info.adobe()) {
                    // Adobe stores ink inverted: 0 is full ink
                    for (int i = 0; i < 4; i++) {
                        px[i] = 255 - px[i];
                    }
                }
                cmyk.setPixel(x, y, px);
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        ICC_Profile profile = profile(info.iccProfile());
        if (profile != null) {
            try {
                // the raster's bands are R, G, B (TYPE_3BYTE_BGR only stores them in reverse), as sRGB wants
                new ColorConvertOp(new ICC_ColorSpace(profile), ColorSpace.getInstance(ColorSpace.CS_sRGB), null)
                        .filter(cmyk, out.getRaster());
                return out;
            } catch (RuntimeException brokenProfile) {
                // CMMException and friends: a profile the colour engine rejects; the plain formula below
            }
        }
        WritableRaster o = out.getRaster();
        int[] bgr = new int[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                cmyk.getPixel(x, y, px);
                int white = 255 - px[3];
                bgr[0] = (255 - px[2]) * white / 255;
                bgr[1] = (255 - px[1]) * white / 255;
                bgr[2] = (255 - px[0]) * white / 255;
                o.setPixel(x, y, new int[] {bgr[2], bgr[1], bgr[0]}); // the raster's bands are R, G, B
            }
        }
        return out;
    }

    /**
     * YCCK (Adobe transform 2) to ink CMYK: the encoder (libjpeg's cmyk_ycck_convert) turned Adobe's inverted C, M, Y
     * back into ink and stored them as if they were R, G, B; K is stored inverted, as in Adobe's CMYK.
     */
    private static void ycckToCmyk(int[] p) {
        double yy = p[0];
        double cb = p[1] - 128.0;
        double cr = p[2] - 128.0;
        int r = clamp(yy + 1.402 * cr);
        int g = clamp(yy - 0.344136 * cb - 0.714136 * cr);
        int b = clamp(yy + 1.772 * cb);
        p[0] = r;
        p[1] = g;
        p[2] = b;
        p[3] = 255 - p[3];
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static ICC_Profile profile(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            ICC_Profile p = ICC_Profile.getInstance(data);
            return p.getColorSpaceType() == ColorSpace.TYPE_CMYK ? p : null;
        } catch (IllegalArgumentException e) {
            return null; // a broken profile: the plain formula below
        }
    }

    /**
     * The CMYK description read straight from the JPEG's markers up to the scan: the frame's component count (SOF),
     * Adobe's transform (APP14) and the ICC profile chunks (APP2); null when the frame does not have four channels or
     * the markers cannot be read.
     */
    static Info fromMarkers(java.nio.file.Path file) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                java.nio.file.Files.newInputStream(file)))) {
            if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
                return null;
            }
            int components = 0;
            int transform = -1;
            List<byte[]> icc = new ArrayList<>();
            long read = 2;
            while (read < MARKER_BYTES) {
                int b = in.readUnsignedByte();
                if (b != 0xFF) {
                    return null;
                }
                int marker = in.readUnsignedByte();
                while (marker == 0xFF) {
                    marker = in.readUnsignedByte(); // fill bytes
                }
                if (marker == 0xD9 || marker == 0xDA) {
                    break; // end of image, start of scan: every marker that matters came before
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue; // no length
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    return null;
                }
                byte[] data = new byte[length - 2];
                in.readFully(data);
                read += 2L + length;
                boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (sof && data.length >= 6) {
                    components = data[5] & 0xFF;
                } else if (marker == 0xEE && data.length >= 12 && startsWith(data, "Adobe")) {
                    transform = data[11] & 0xFF;
                } else if (marker == APP2 && startsWith(data, ICC_TAG)) {
                    icc.add(data);
                }
            }
            if (components != 4) {
                return null;
            }
            return new Info(Math.max(transform, 0), transform >= 0, joinIcc(icc));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The ICC profile from its APP2 chunks ("ICC_PROFILE\0", sequence number, count, data), or null. */
    private static byte[] joinIcc(List<byte[]> chunks) {
        if (chunks.isEmpty()) {
            return null;
        }
        chunks.sort((a, b) -> Integer.compare(a.length > 12 ? a[12] & 0xFF : 0, b.length > 12 ? b[12] & 0xFF : 0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            if (c.length > 14) {
                out.write(c, 14, c.length - 14);
            }
        }
        return out.size() == 0 ? null : out.toByteArray();
    }

    private static boolean startsWith(byte[] data, String tag) {
        if (data.length < tag.length()) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            if (data[i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int intAttribute(Node node, String name, int fallback) {
        NamedNodeMap attributes = node.getAttributes();
        Node a = attributes == null ? null : attributes.getNamedItem(name);
        if (a == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(a.getNodeValue());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
