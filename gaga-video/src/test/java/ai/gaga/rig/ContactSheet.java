package ai.gaga.rig;

import ai.gaga.face.FaceBox;
import ai.gaga.face.Images;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tiles face crops of a plate under several control settings into one labelled PNG, for looking at. */
final class ContactSheet {
    private final List<BufferedImage> tiles = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final int tile;

    ContactSheet(int tile) {
        this.tile = tile;
    }

    /** Adds the face region of the plate as drawn now. */
    void add(AnimatedPlate plate, String label) {
        FaceBox f = plate.face().orElseThrow();
        double side = Math.max(f.width(), f.height()) * 1.05;
        int x0 = (int) Math.max(0, f.centerX() - side / 2);
        int y0 = (int) Math.max(0, f.centerY() - side / 2 + 0.08 * side);
        int s = (int) Math.min(side, Math.min(plate.width() - x0, plate.height() - y0));
        BufferedImage full = Images.fromBgr(plate.bgr(), plate.width(), plate.height());
        tiles.add(Images.resize(full.getSubimage(x0, y0, s, s), tile, tile));
        labels.add(label);
    }

    void write(Path file, int columns) {
        int rows = (tiles.size() + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(columns * tile, rows * (tile + 16), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        for (int i = 0; i < tiles.size(); i++) {
            int x = (i % columns) * tile;
            int y = (i / columns) * (tile + 16);
            g.drawImage(tiles.get(i), x, y + 16, null);
            g.setColor(Color.WHITE);
            g.drawString(labels.get(i), x + 4, y + 12);
        }
        g.dispose();
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(sheet, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
