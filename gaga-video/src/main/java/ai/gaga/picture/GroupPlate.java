package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.face.Images;
import ai.gaga.rig.AnimatedPlate;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One photo in which several actors act where they stand: the photo at a working scale, and for each actor's face a
 * plate of the same photo at the same scale whose face moves. Each frame, every face's change from the still photo
 * is added to the still photo, confined to that face's own region: a face never changes the pixels of another face
 * in front of it, so one face's warp cannot tear its neighbour. Faces are ordered by depth (the larger face, then the
 * lower one, is in front); where two face regions overlap, the front face's motion wins, with a soft edge.
 *
 * <p>Each face plate changes only inside its dirty region ({@link AnimatedPlate#dirtyRegion()}); a plate that is not
 * an {@link AnimatedPlate} (a face too small to rig is shown still) adds nothing. Not thread-safe (see
 * {@link ActorPlate}).
 */
final class GroupPlate implements ActorPlate {
    /** Half-width and half-height of the region a face owns, as shares of its face box's width and height. */
    static final double OWN_RX = 0.62;
    static final double OWN_RY = 0.72;
    /** Where a face region's soft edge ends, as a multiple of its radius (1 = the region's rim). */
    static final double OWN_FEATHER = 1.25;

    private final int width;
    private final int height;
    private final double scale;
    private final byte[] rest;
    private final byte[] bgr;
    private final List<Face> faces;
    private final Optional<byte[]> alpha;
    private int drawn = Integer.MIN_VALUE;

    /** One face plate, its weight over the group plate and the regions it changed. */
    private static final class Face {
        final ActorPlate plate;
        final FaceBox box;
        byte[] weight; // 0..255 per plate pixel: how much of this face's change shows there
        final int[] previous = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        final int[] current = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};

        Face(ActorPlate plate) {
            this.plate = plate;
            this.box = plate.face().orElseThrow(() -> new IllegalArgumentException("A group plate needs faces"));
        }
    }

    /**
     * A group plate over face plates of {@code photo}, all at the same size.
     *
     * @param photo  the photo the plates were made from
     * @param plates one plate per acting face, each of the same size, each with a face
     * @param person person alpha of the whole photo at the plate size, if cut-outs need it
     */
    GroupPlate(BufferedImage photo, List<ActorPlate> plates, Optional<byte[]> person) {
        Objects.requireNonNull(photo, "photo");
        if (plates.isEmpty()) {
            throw new IllegalArgumentException("A group plate needs at least one face plate");
        }
        ActorPlate first = plates.get(0);
        width = first.width();
        height = first.height();
        scale = first.scale();
        for (ActorPlate p : plates) {
            if (p.width() != width || p.height() != height) {
                throw new IllegalArgumentException("Face plates of one photo differ in size: " + p.width() + "x"
                        + p.height() + " vs " + width + "x" + height);
            }
        }
        rest = Images.bgr(Images.resize(photo, width, height)).clone();
        bgr = rest.clone();
        alpha = person;
        List<Face> fs = new ArrayList<>();
        for (ActorPlate p : plates) {
            fs.add(new Face(p));
        }
        // Back to front: smaller faces are farther; at equal size the lower face is nearer the camera.
        fs.sort(Comparator.comparingDouble((Face f) -> f.box.height()).thenComparingDouble(f -> f.box.maxY()));
        faces = List.copyOf(fs);
        weights();
    }

    /** Smooth 1 inside a face's region, falling to 0 at {@link #OWN_FEATHER} times its radius. */
    private static double own(FaceBox f, double x, double y) {
        double dx = (x - f.centerX()) / (OWN_RX * f.width());
        double dy = (y - f.centerY()) / (OWN_RY * f.height());
        double r = Math.sqrt(dx * dx + dy * dy);
        double t = Math.max(0, Math.min(1, (OWN_FEATHER - r) / (OWN_FEATHER - 1)));
        return t * t * (3 - 2 * t);
    }

    /**
     * Each face's weight: 1 everywhere except inside other faces' regions, where it drops to 0 — unless this face is
     * in front of the other and the pixel is also in its own region (the nearer face keeps its overlap).
     */
    private void weights() {
        for (int k = 0; k < faces.size(); k++) {
            Face f = faces.get(k);
            f.weight = new byte[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double w = 1;
                    double mine = own(f.box, x + 0.5, y + 0.5);
                    for (int j = 0; j < faces.size(); j++) {
                        if (j == k) {
                            continue;
                        }
                        double other = own(faces.get(j).box, x + 0.5, y + 0.5);
                        w *= 1 - other * (j < k ? 1 - mine : 1);
                    }
                    f.weight[y * width + x] = (byte) Math.round(255 * w);
                }
            }
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public double scale() {
        return scale;
    }

    @Override
    public byte[] bgr() {
        return bgr;
    }

    /** The front face (the group's largest), in plate pixels. */
    @Override
    public Optional<FaceBox> face() {
        return Optional.of(faces.get(faces.size() - 1).box);
    }

    /** Every face of the group, back to front, in plate pixels. */
    List<FaceBox> faces() {
        return faces.stream().map(f -> f.box).toList();
    }

    @Override
    public Optional<byte[]> personAlpha() {
        return alpha;
    }

    @Override
    public void view(int x0, int y0, int x1, int y1) {
        for (Face f : faces) {
            f.plate.view(x0, y0, x1, y1);
        }
    }

    @Override
    public void draw(int index) {
        if (index == drawn) {
            return;
        }
        drawn = index;
        for (Face f : faces) {
            f.plate.draw(index);
            System.arraycopy(f.current, 0, f.previous, 0, 4);
            f.current[0] = Integer.MAX_VALUE;
            f.current[1] = Integer.MAX_VALUE;
            f.current[2] = -1;
            f.current[3] = -1;
            if (f.plate instanceof AnimatedPlate a) {
                a.dirtyRegion().ifPresent(d -> System.arraycopy(d, 0, f.current, 0, 4));
            }
        }
        // Back to the still photo wherever a face changed it last frame or changes it now...
        for (Face f : faces) {
            restore(f.previous);
            restore(f.current);
        }
        // ...then each face's change, weighted by the region it owns.
        for (Face f : faces) {
            int[] d = f.current;
            if (d[2] < d[0]) {
                continue;
            }
            byte[] src = f.plate.bgr();
            byte[] w = f.weight;
            for (int y = Math.max(0, d[1]); y <= Math.min(height - 1, d[3]); y++) {
                for (int x = Math.max(0, d[0]); x <= Math.min(width - 1, d[2]); x++) {
                    int i = y * width + x;
                    int wk = w[i] & 0xff;
                    if (wk == 0) {
                        continue;
                    }
                    int o = 3 * i;
                    for (int c = 0; c < 3; c++) {
                        int delta = (src[o + c] & 0xff) - (rest[o + c] & 0xff);
                        if (delta != 0) {
                            int v = (bgr[o + c] & 0xff) + (delta * wk + (delta > 0 ? 127 : -127)) / 255;
                            bgr[o + c] = (byte) Math.max(0, Math.min(255, v));
                        }
                    }
                }
            }
        }
    }

    private void restore(int[] d) {
        if (d[2] < d[0]) {
            return;
        }
        int x0 = Math.max(0, d[0]);
        int x1 = Math.min(width - 1, d[2]);
        for (int y = Math.max(0, d[1]); y <= Math.min(height - 1, d[3]); y++) {
            int o = (y * width + x0) * 3;
            System.arraycopy(rest, o, bgr, o, (x1 - x0 + 1) * 3);
        }
    }

    @Override
    public void close() {
        for (Face f : faces) {
            f.plate.close();
        }
    }
}
