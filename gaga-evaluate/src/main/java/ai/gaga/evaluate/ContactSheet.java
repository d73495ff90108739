package ai.gaga.evaluate;

import ai.gaga.GagaException;
import ai.gaga.scene.Emotion;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A labelled PNG grid of chosen frames from an MP4, e.g. the peak frame of each emotion beside a neutral one, for a
 * person to look at next to the numbers. Every cell is {@link #cellWidth()} x {@link #cellHeight()} pixels of
 * picture (the frame or its face crop scaled to fit, letterboxed) above a {@link #LABEL_HEIGHT}-pixel label band;
 * the sheet is {@code columns} cells wide and as many rows tall as needed. Immutable and thread-safe.
 */
public final class ContactSheet {
    /** Height of the label band under each cell, pixels. */
    public static final int LABEL_HEIGHT = 22;
    /** Face crops are this many inter-ocular distances wide. */
    static final double FACE_CROP_IODS = 3.6;

    private static final Color BACKGROUND = new Color(24, 24, 24);
    private static final Color LABEL = new Color(235, 235, 235);

    private final int columns;
    private final int cellWidth;
    private final int cellHeight;

    /**
     * One cell: a frame, its label, and optionally the square region to show ({@code side <= 0}: the whole frame).
     *
     * @param frame   frame index from 0
     * @param label   caption
     * @param centerX crop centre, pixels
     * @param centerY crop centre, pixels
     * @param side    crop side, pixels; 0 for the whole frame
     */
    public record Cell(int frame, String label, double centerX, double centerY, double side) {
        public Cell {
            if (frame < 0) {
                throw new IllegalArgumentException("Frame index must be >= 0, got " + frame);
            }
            Objects.requireNonNull(label, "label");
        }

        /** The whole frame. */
        public static Cell whole(int frame, String label) {
            return new Cell(frame, label, 0, 0, 0);
        }

        /** A square crop around the face tracked in a report's frame (the whole frame if none was found). */
        public static Cell face(FrameSample sample, String label) {
            if (!sample.faceFound()) {
                return whole(sample.index(), label);
            }
            return new Cell(sample.index(), label, sample.faceX(), sample.faceY(),
                    FACE_CROP_IODS * sample.interOcular());
        }
    }

    private ContactSheet(int columns, int cellWidth, int cellHeight) {
        this.columns = columns;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
    }

    /**
     * A sheet layout.
     *
     * @param columns    cells per row, 1..32
     * @param cellWidth  picture width of a cell, 16..2048 pixels
     * @param cellHeight picture height of a cell, 16..2048 pixels
     */
    public static ContactSheet of(int columns, int cellWidth, int cellHeight) {
        if (columns < 1 || columns > 32) {
            throw new IllegalArgumentException("columns must be 1..32, got " + columns);
        }
        if (cellWidth < 16 || cellWidth > 2048 || cellHeight < 16 || cellHeight > 2048) {
            throw new IllegalArgumentException("Cell size must be 16..2048 pixels per side, got " + cellWidth + "x"
                    + cellHeight);
        }
        return new ContactSheet(columns, cellWidth, cellHeight);
    }

    /** Cells per row. */
    public int columns() {
        return columns;
    }

    /** Picture width of a cell, pixels. */
    public int cellWidth() {
        return cellWidth;
    }

    /** Picture height of a cell, pixels. */
    public int cellHeight() {
        return cellHeight;
    }

    /** Width and height of a sheet of {@code cells} cells, pixels. */
    public int[] size(int cells) {
        int rows = Math.max(1, (cells + columns - 1) / columns);
        return new int[] {Math.min(Math.max(cells, 1), columns) * cellWidth, rows * (cellHeight + LABEL_HEIGHT)};
    }

    /**
     * The cells for an emotion evaluation: a neutral frame first (the neutral-range frame whose face is found and
     * whose signatures are lowest overall, else the first face frame), then each emotion's peak frame, all as face
     * crops labelled with the emotion and its signature.
     */
    public static List<Cell> emotionCells(ClipReport report, EvaluationOptions options) {
        List<Cell> cells = new ArrayList<>();
        List<FrameSample> frames = report.frames();
        FrameSample neutral = frames.stream()
                .filter(f -> f.faceFound() && f.blendshapes() != null && inNeutral(f, options))
                .min(Comparator.comparingDouble(ContactSheet::totalSignature))
                .orElse(frames.stream().filter(FrameSample::faceFound).findFirst().orElse(null));
        if (neutral != null) {
            cells.add(Cell.face(neutral, "neutral #" + neutral.index()));
        }
        for (EmotionScore e : report.emotions()) {
            if (e.peakFrame() >= 0) {
                cells.add(Cell.face(frames.get(e.peakFrame()), String.format(Locale.ROOT, "%s %.2f (%+.2f) #%d",
                        e.emotion().name().toLowerCase(Locale.ROOT), e.peak(), e.delta(), e.peakFrame())));
            }
        }
        return cells;
    }

    private static boolean inNeutral(FrameSample f, EvaluationOptions options) {
        boolean explicit = false;
        for (EmotionRange r : options.emotionRanges()) {
            if (r.emotion() == Emotion.NEUTRAL) {
                explicit = true;
                if (r.range().contains(f.time())) {
                    return true;
                }
            }
        }
        if (explicit) {
            return false;
        }
        return options.emotionRanges().stream().noneMatch(r -> r.range().contains(f.time()));
    }

    private static double totalSignature(FrameSample f) {
        double s = 0;
        for (Emotion e : Emotion.values()) {
            if (e != Emotion.NEUTRAL) {
                s += EmotionSignature.of(e, f.blendshapes());
            }
        }
        return s;
    }

    /**
     * Decodes {@code mp4} once and draws the cells in the given order.
     *
     * @throws GagaException when a requested frame is past the end of the clip or the file cannot be decoded
     */
    public BufferedImage render(Path mp4, List<Cell> cells) {
        Objects.requireNonNull(mp4, "mp4");
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("A contact sheet needs at least one cell");
        }
        Map<Integer, BufferedImage> wanted = new HashMap<>();
        int last = 0;
        for (Cell c : cells) {
            wanted.put(c.frame(), null);
            last = Math.max(last, c.frame());
        }
        int lastFrame = last;
        ClipDecoder.Result r = ClipDecoder.decode(mp4, false, (index, time, frame) -> {
            if (wanted.containsKey(index)) {
                BufferedImage copy = new BufferedImage(frame.getWidth(), frame.getHeight(),
                        BufferedImage.TYPE_3BYTE_BGR);
                copy.setData(frame.getRaster());
                wanted.put(index, copy);
            }
            return index < lastFrame;
        });
        if (r.frames() <= lastFrame) {
            throw new GagaException("Contact sheet asks for frame " + lastFrame + " but " + mp4 + " has only "
                    + r.frames() + " frames");
        }
        int[] size = size(cells.size());
        BufferedImage sheet = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, size[0], size[1]);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                int x = (i % columns) * cellWidth;
                int y = (i / columns) * (cellHeight + LABEL_HEIGHT);
                draw(g, wanted.get(c.frame()), c, x, y);
                g.setColor(LABEL);
                String text = c.label();
                while (text.length() > 1 && fm.stringWidth(text) > cellWidth - 6) {
                    text = text.substring(0, text.length() - 1);
                }
                g.drawString(text, x + 3, y + cellHeight + (LABEL_HEIGHT + fm.getAscent() - fm.getDescent()) / 2);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** Renders the sheet and writes it as a PNG (parent folders created). */
    public BufferedImage write(Path mp4, List<Cell> cells, Path png) {
        BufferedImage sheet = render(mp4, cells);
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(sheet, "png", png.toFile())) {
                throw new GagaException("No PNG writer available for " + png);
            }
        } catch (IOException e) {
            throw new GagaException("Cannot write the contact sheet " + png + ": " + e.getMessage(), e);
        }
        return sheet;
    }

    private void draw(Graphics2D g, BufferedImage frame, Cell c, int x, int y) {
        double sx0 = 0;
        double sy0 = 0;
        double sw = frame.getWidth();
        double sh = frame.getHeight();
        if (c.side() > 0) {
            sx0 = c.centerX() - c.side() / 2;
            sy0 = c.centerY() - c.side() / 2;
            sw = c.side();
            sh = c.side();
        }
        double scale = Math.min(cellWidth / sw, cellHeight / sh);
        int dw = (int) Math.round(sw * scale);
        int dh = (int) Math.round(sh * scale);
        int dx = x + (cellWidth - dw) / 2;
        int dy = y + (cellHeight - dh) / 2;
        g.drawImage(frame, dx, dy, dx + dw, dy + dh, (int) Math.round(sx0), (int) Math.round(sy0),
                (int) Math.round(sx0 + sw), (int) Math.round(sy0 + sh), null);
    }
}
