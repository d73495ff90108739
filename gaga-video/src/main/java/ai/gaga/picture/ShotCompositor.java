package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.face.Images;
import ai.gaga.face.PersonMask;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Actor;
import ai.gaga.timeline.Grade;
import ai.gaga.timeline.Shot;
import ai.gaga.timeline.ShotScale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.IdentityHashMap;
import java.util.SplittableRandom;

/**
 * Draws the frames of a cut: for each frame the {@link Shot} that shows it, its actors' {@link ActorPlate}s framed by
 * the shot's layout and size, the camera move, the grade (fading from the previous shot's over
 * {@link Shot#GRADE_FADE_SECONDS} where {@link Shot#fadesFrom} says so) and the rain.
 *
 * <ul>
 *   <li>{@link Shot.Layout#SINGLE}: the subject's plate framed at the shot size ({@link Framing#of}) over its blurred
 *       backdrop.</li>
 *   <li>{@link Shot.Layout#TWO_SHOT}: both actors cut out with their person alpha, faces at the same height and size,
 *       left and right of the centre, over a blend of both backdrops. Without person masks it falls back to a
 *       split screen.</li>
 *   <li>{@link Shot.Layout#SPLIT}: each actor framed in one half (top and bottom in a portrait frame, where a
 *       two-shot is drawn this way too: two people side by side do not fit 9:16).</li>
 * </ul>
 * Camera moves: push-in/pull-out ease the zoom by up to {@link #MAX_PUSH}; pans slide by up to {@link #MAX_PAN} of the
 * frame width on a matching zoom; handheld adds smooth seeded sway. All layout and sizing work happens in
 * {@link #create}; a frame is a background copy, one bilinear pass per plate, one table lookup per byte for the grade
 * and a sparse rain overlay, with no allocation.
 *
 * <p>Deterministic for a seed. Not thread-safe: one render thread, as {@link FrameRenderer} specifies.
 */
public final class ShotCompositor implements FrameRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(ShotCompositor.class);

    /** Zoom gained by a push-in of strength 1 over its shot. */
    public static final double MAX_PUSH = ShotScale.MAX_PUSH;
    /** Share of the frame width a pan of strength 1 travels. */
    public static final double MAX_PAN = ShotScale.MAX_PAN;
    /** Handheld sway of strength 1, as a share of the frame height. */
    static final double SHAKE = 0.006;
    /** Extra zoom of a handheld shot, so the sway never shows an edge. */
    static final double SHAKE_ZOOM = ShotScale.SHAKE_ZOOM;
    /** Eye line of a two-shot, as a share of the frame height from the top. */
    static final double TWO_SHOT_EYE_LINE = ShotScale.TWO_SHOT_EYE_LINE;
    /** Lowest eye line a two-shot may take to ground both actors on the frame's bottom edge. */
    static final double TWO_SHOT_LOWEST_EYE_LINE = ShotScale.TWO_SHOT_LOWEST_EYE_LINE;
    /** Face height in a two-shot, share of the frame height, before the photos ask for more. */
    static final double TWO_SHOT_FACE = ShotScale.TWO_SHOT_FACE;
    /** Face centres of a two-shot, as offsets from the frame centre (share of the frame width). */
    static final double TWO_SHOT_SPREAD_LANDSCAPE = 0.20;
    static final double TWO_SHOT_SPREAD_PORTRAIT = 0.25;
    /** Widest face in a two-shot, share of the frame width: two faces and the space between them must fit. */
    static final double TWO_SHOT_MAX_FACE_WIDTH = ShotScale.TWO_SHOT_MAX_FACE_WIDTH;
    /** Width of the soft edge where a cut-out plate ends, share of the plate's smaller side. */
    static final double FEATHER = 0.05;
    /** Person probability below which a cut-out is fully transparent. */
    static final double EDGE_LOW = 0.3;
    /** Person probability from which a cut-out is fully opaque. */
    static final double EDGE_HIGH = 0.9;
    /** Darkening of the shared two-shot background, so the actors stand out in front of it. */
    static final double TWO_SHOT_BACKGROUND = 0.8;
    /** Shadow of a two-shot cut-out: offset (share of the frame), softness (share of its height), darkness (0..1). */
    static final double SHADOW_OFFSET = 0.012;
    static final double SHADOW_SOFTNESS = 0.03;
    static final double SHADOW = 0.45;
    /** How far a cut-out's colours move towards its partner's (1 = all the way), and the largest gain either way. */
    static final double MATCH_STRENGTH = 0.7;
    static final double MATCH_LIMIT = 1.25;

    /**
     * One actor of the cast with its analysed photo.
     *
     * @param actor    the actor
     * @param analysis its photo and face (and person mask if two-shots should cut it out)
     */
    public record Member(Actor actor, PhotoAnalysis analysis) {
        public Member {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(analysis, "analysis");
        }
    }

    /** An actor's plate and what the compositor derives from it once. */
    private static final class Cast {
        final Member member;
        final int photoWidth;
        final int photoHeight;
        ActorPlate plate;
        CutOut cut; // the actor cut out for two-shots, or null
        double[] match; // per-channel gains (B, G, R) that grade the cut-out to its partner's look, or null
        double sx; // plate px per photo px
        double sy;
        int drawn = -1;
        /** Plate pixels the frame being drawn samples (x0, y0, x1, y1 exclusive). */
        final int[] view = new int[4];
        double needMax;
        double needMin = Double.MAX_VALUE;
        /** The actors sharing this photo (a group photo acting in place), this one included; null when alone. */
        List<Cast> group;
        /** Whether the photo is black and white. */
        final boolean monochrome;

        Cast(Member member) {
            this.member = member;
            this.photoWidth = member.analysis().image().getWidth();
            this.photoHeight = member.analysis().image().getHeight();
            BufferedImage image = Images.toBgr(member.analysis().image());
            this.monochrome = Images.isMonochrome(Images.bgr(image), photoWidth, 0, 0, photoWidth, photoHeight);
        }
    }

    /**
     * One plate placed in a shot at zoom 1: photo pixel p lands at {@code scale * p + (ox, oy)}; the camera zooms
     * about {@code (cx, cy)}; only columns {@code [clipX0, clipX1)} are drawn.
     */
    private record Layer(Cast cast, double scale, double ox, double oy, double cx, double cy, int clipX0,
                         int clipX1, int clipY0, int clipY1, boolean cutOut) {
    }

    /** What a shot draws. */
    private record Setup(Shot shot, boolean still, Layer[] layers, Cast[] cast, byte[] background, GradeLut lut,
                         boolean identity,
                         double rain) {
    }

    private final int width;
    private final int height;
    private final int fps;
    private final List<Shot> shots;
    private final Setup[] setups;
    private final PlateSampler sampler;
    /** The lower half of the frame's rows is drawn on the helper thread with this sampler; null without a helper. */
    private final PlateSampler lowerSampler;
    /** Draws a frame's independent parts beside this thread; null on one core. */
    private DrawHelper helper;
    private final GradeLut fade = new GradeLut();
    /** Per layer of the frame being drawn: the grade it is drawn with (a cut-out's matched to its partner). */
    private GradeLut[] layerLuts = new GradeLut[0];
    private final List<GradeLut> matched = new ArrayList<>();
    /** The current shot's background under its grade: graded once per shot, and per frame only during fades. */
    private final byte[] gradedBackground;
    private int gradedFor = -1;
    private final Rain rain;
    private final double[] phase = new double[6];
    private final List<Cast> cast;
    private final List<String> warnings = new ArrayList<>();
    private int cursor;
    private boolean closed;
    // Camera of the frame being drawn.
    private double zoom;
    private double tx;
    private double ty;

    private ShotCompositor(List<Member> members, List<Shot> shots, VideoFormat format, long seed,
                           PlateSource plates) {
        long t0 = System.nanoTime();
        this.width = format.width();
        this.height = format.height();
        this.fps = format.fps();
        this.shots = List.copyOf(shots);
        Map<String, Cast> byName = new LinkedHashMap<>();
        for (Member m : members) {
            byName.put(key(m.actor().name()), new Cast(m));
        }
        this.cast = List.copyOf(byName.values());
        groups(cast);
        Map<String, byte[]> backgrounds = new HashMap<>();
        this.setups = new Setup[shots.size()];
        List<Layer[]> layouts = new ArrayList<>();
        List<Boolean> stills = new ArrayList<>();
        for (Shot shot : shots) {
            double zoomMax = maxZoom(shot);
            Layer[] layers = layout(shot, byName, Framing.MAX_UPSCALE / zoomMax);
            boolean hold = false;
            if (zoomMax > 1 && !coverAll(layers)) {
                // A photo that cannot cover the frame at the upscale limit with room for the camera move: the shot
                // holds still instead, and the photo fills the frame.
                Layer[] still = layout(shot, byName, Framing.MAX_UPSCALE);
                if (coverAll(still)) {
                    layers = still;
                    hold = true;
                    zoomMax = 1;
                }
            }
            stills.add(hold);
            for (Layer l : layers) {
                if (!l.cutOut() && !coversClip(l) && l.scale() >= Framing.MAX_UPSCALE / zoomMax - 1e-9) {
                    tooSmall(l.cast(), l.scale(), l.clipX1() - l.clipX0(), l.clipY1() - l.clipY0());
                }
                l.cast().needMax = Math.max(l.cast().needMax, l.scale() * zoomMax);
                l.cast().needMin = Math.min(l.cast().needMin, l.scale());
            }
            layouts.add(layers);
        }
        for (Cast c : cast) {
            if (c.plate != null) {
                continue; // made with its group
            }
            List<Cast> together = c.group == null ? List.of(c) : c.group;
            double needMax = together.stream().mapToDouble(g -> g.needMax).max().orElse(0);
            double needMin = together.stream().mapToDouble(g -> g.needMin).min().orElse(Double.MAX_VALUE);
            if (needMax == 0) {
                continue; // never on screen
            }
            // Sampling a plate at less than half its scale aliases; more detail than the closest shot needs is waste.
            double scale = Math.min(needMax, 2 * needMin);
            scale = Math.min(scale, StillPlate.MAX_SIDE / (double) Math.max(c.photoWidth, c.photoHeight));
            ActorPlate plate;
            if (c.group == null) {
                plate = Objects.requireNonNull(plates.create(c.member.actor(), c.member.analysis(), scale),
                        "plate source returned null");
            } else {
                // Every face of the photo acts on one plate, each where it stands.
                List<ActorPlate> faces = new ArrayList<>();
                for (Cast g : together) {
                    faces.add(Objects.requireNonNull(plates.create(g.member.actor(), g.member.analysis(), scale),
                            "plate source returned null"));
                }
                int pw = faces.get(0).width();
                int ph = faces.get(0).height();
                Optional<byte[]> person = together.stream().map(g -> g.member.analysis().person())
                        .flatMap(Optional::stream).findFirst().map(m -> m.alpha(pw, ph));
                plate = new GroupPlate(c.member.analysis().image(), faces, person);
            }
            for (Cast g : together) {
                g.plate = plate;
                g.sx = plate.width() / (double) g.photoWidth;
                g.sy = plate.height() / (double) g.photoHeight;
            }
        }
        for (int i = 0; i < shots.size(); i++) {
            Shot shot = shots.get(i);
            Layer[] layers = layouts.get(i);
            for (Layer l : layers) {
                if (l.cutOut() && l.cast().cut == null) {
                    Cast c = l.cast();
                    c.cut = new CutOut(c.plate, FEATHER, EDGE_LOW, EDGE_HIGH);
                }
            }
            if (layers.length == 2 && layers[0].cutOut() && layers[1].cutOut()) {
                matchGrades(layers[0].cast(), layers[1].cast());
            }
            String bgKey = background(shot, layers);
            byte[] bg = backgrounds.computeIfAbsent(bgKey, k -> renderBackground(layers));
            Cast[] shown = new Cast[layers.length];
            for (int j = 0; j < layers.length; j++) {
                shown[j] = layers[j].cast();
            }
            GradeLut lut = GradeLut.of(shot.grade());
            if (java.util.Arrays.stream(shown).allMatch(c -> c.monochrome)) {
                // A black-and-white photo stays black and white: the grade's light and contrast, not its colour.
                lut = lut.monochrome();
            }
            setups[i] = new Setup(shot, stills.get(i), layers, shown, bg, lut, lut.isIdentity(),
                    shot.grade().raining() ? shot.grade().intensity() : 0);
        }
        boolean anyRain = shots.stream().anyMatch(s -> s.grade().raining());
        this.rain = anyRain ? new Rain(width, height, seed) : null;
        SplittableRandom random = new SplittableRandom(seed ^ 0x48414e44L);
        for (int i = 0; i < phase.length; i++) {
            phase[i] = random.nextDouble() * 2 * Math.PI;
        }
        this.sampler = new PlateSampler(width, height);
        this.helper = DrawHelper.ifCores();
        this.lowerSampler = helper == null ? null : new PlateSampler(width, height);
        this.gradedBackground = new byte[width * height * 3];
        LOG.debug("Compositor prepared in {} ms: {} shots, {} backgrounds, plates {}",
                (System.nanoTime() - t0) / 1_000_000, shots.size(), backgrounds.size(),
                cast.stream().filter(c -> c.plate != null)
                        .map(c -> c.member.actor().name() + " " + c.plate.width() + "x" + c.plate.height()).toList());
    }

    /**
     * A compositor for these shots.
     *
     * @param cast   every actor the shots name, with its analysed photo
     * @param shots  the cut, contiguous from frame 0 (frames past the last shot show the last shot)
     * @param format frame size and rate
     * @param seed   the scene's seed (handheld sway, rain)
     * @param plates makes each actor's plate
     * @throws IllegalArgumentException when a shot names an actor not in the cast, or there are no shots
     */
    public static ShotCompositor create(List<Member> cast, List<Shot> shots, VideoFormat format, long seed,
                                        PlateSource plates) {
        Objects.requireNonNull(cast, "cast");
        Objects.requireNonNull(shots, "shots");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(plates, "plates");
        if (shots.isEmpty()) {
            throw new IllegalArgumentException("No shots to draw");
        }
        return new ShotCompositor(cast, shots, format, seed, plates);
    }

    /** The shots drawn. */
    public List<Shot> shots() {
        return shots;
    }

    /**
     * Actors cast from one photo (the same decoded image, different faces) share it: they act in place on one
     * {@link GroupPlate}.
     */
    private static void groups(List<Cast> cast) {
        Map<BufferedImage, List<Cast>> byPhoto = new IdentityHashMap<>();
        for (Cast c : cast) {
            if (c.member.analysis().face().isPresent()) {
                byPhoto.computeIfAbsent(c.member.analysis().image(), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<Cast> same : byPhoto.values()) {
            long faces = same.stream().map(c -> c.member.analysis().face().orElseThrow()).distinct().count();
            if (same.size() >= 2 && faces == same.size()) {
                List<Cast> group = List.copyOf(same);
                group.forEach(c -> c.group = group);
            }
        }
    }

    /** Warnings about the picture, in the user's words (a photo too small for the frame, a two-shot refused). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void warn(String message) {
        String head = message.substring(0, Math.min(message.length(), 40));
        if (warnings.stream().noneMatch(w -> w.startsWith(head))) {
            warnings.add(message);
            LOG.info("{}", message); // the plan says it to the user (RenderPlan.warnings)
        }
    }

    // ---- layout, once per shot ----

    private Layer[] layout(Shot shot, Map<String, Cast> byName, double limit) {
        List<Cast> who = new ArrayList<>();
        for (String name : shot.subjects()) {
            Cast c = byName.get(key(name));
            if (c == null) {
                throw new IllegalArgumentException("Shot " + shot + " shows '" + name + "', who is not in the cast "
                        + byName.keySet());
            }
            who.add(c);
        }
        if (shot.layout() == Shot.Layout.TWO_SHOT && who.get(0).group != null
                && who.get(0).group == who.get(1).group) {
            return new Layer[] {together(who, limit)}; // the group photo itself, both acting where they stand
        }
        return switch (shot.layout()) {
            case SINGLE -> new Layer[] {single(who.get(0), shot.size(), 0, width, 0, height, limit)};
            // A portrait frame has no room for two people side by side: they are stacked instead.
            case TWO_SHOT -> {
                Layer[] two = width >= height ? twoShot(who.get(0), who.get(1), limit) : null;
                yield two != null ? two : split(who.get(0), who.get(1), shot.size(), limit);
            }
            case SPLIT -> split(who.get(0), who.get(1), shot.size(), limit);
        };
    }

    /** Several actors of one photo in the photo itself, framed around their faces. */
    private Layer together(List<Cast> who, double limit) {
        Cast c = who.get(0);
        List<FaceBox> faces = who.stream().map(w -> w.member.analysis().face().orElseThrow()).toList();
        Framing f = Framing.group(faces, c.photoWidth, c.photoHeight, width, height, limit);
        return new Layer(c, f.scale(), f.offsetX(), f.offsetY(), f.centerX(), f.centerY(), 0, width, 0, height,
                false);
    }

    /** Whether every opaque layer covers its part of the frame at zoom 1 (cut-outs need not). */
    private boolean coverAll(Layer[] layers) {
        for (Layer l : layers) {
            if (!l.cutOut() && !coversClip(l)) {
                return false;
            }
        }
        return true;
    }

    private static boolean coversClip(Layer l) {
        Cast c = l.cast();
        return l.ox() <= l.clipX0() + 1e-6 && l.oy() <= l.clipY0() + 1e-6
                && l.ox() + l.scale() * c.photoWidth >= l.clipX1() - 1e-6
                && l.oy() + l.scale() * c.photoHeight >= l.clipY1() - 1e-6;
    }

    /** Warns that a photo cannot fill its part of the frame without upscaling past the limit. */
    private void tooSmall(Cast c, double scale, int w, int h) {
        warn(String.format(Locale.ROOT, "The photo of '%s' (%dx%d) is too small to fill a %dx%d frame without "
                        + "blurring: it is shown at %.1fx on a defocused backdrop; use a photo at least %d px wide and "
                        + "%d px tall",
                c.member.actor().name(), c.photoWidth, c.photoHeight, w, h, scale,
                (int) Math.ceil(w / Framing.MAX_UPSCALE), (int) Math.ceil(h / Framing.MAX_UPSCALE)));
    }

    /** One actor framed in the region [x0, x1) x [y0, y1) of the frame. */
    private Layer single(Cast c, Shot.Size size, int x0, int x1, int y0, int y1, double limit) {
        int w = x1 - x0;
        int h = y1 - y0;
        Framing f = c.member.analysis().face()
                .map(face -> Framing.of(size, c.photoWidth, c.photoHeight, face, w, h, limit))
                .orElseGet(() -> Framing.whole(c.photoWidth, c.photoHeight, w, h));
        return new Layer(c, f.scale(), f.offsetX() + x0, f.offsetY() + y0, f.centerX() + x0, f.centerY() + y0,
                x0, x1, y0, y1, false);
    }

    /** Each actor in one half: left and right in a landscape or square frame, top and bottom in a portrait one. */
    private Layer[] split(Cast a, Cast b, Shot.Size size, double limit) {
        if (height > width) {
            int half = height / 2;
            return new Layer[] {single(a, size, 0, width, 0, half, limit),
                    single(b, size, 0, width, half, height, limit)};
        }
        int half = width / 2;
        return new Layer[] {single(a, size, 0, half, 0, height, limit),
                single(b, size, half, width, 0, height, limit)};
    }

    /** Both actors cut out, faces the same size on one eye line, left and right of the centre. */
    private Layer[] twoShot(Cast a, Cast b, double limit) {
        // One person per cut-out: a person mask of a group photo holds everyone in it, tangled together.
        for (Cast c : List.of(a, b)) {
            if (c.member.analysis().faces() > 1) {
                warn(String.format(Locale.ROOT, "No two-shot of '%s' and '%s': the photo of '%s' shows %d people, "
                                + "and one cannot be cut out of it cleanly; shown as a split screen instead",
                        a.member.actor().name(), b.member.actor().name(), c.member.actor().name(),
                        c.member.analysis().faces()));
                return null;
            }
        }
        if (!a.member.analysis().person().isPresent() || !b.member.analysis().person().isPresent()) {
            return null; // no person masks to cut out with
        }
        FaceBox fa = faceOf(a);
        FaceBox fb = faceOf(b);
        double[] fit = fit(fa, a.photoHeight, fb, b.photoHeight, width, height, limit);
        double h = fit[0];
        double eye = fit[1];
        String problem = groundingProblem(a.member.actor().name(), fa, a.photoHeight, b.member.actor().name(), fb,
                b.photoHeight, width, height, limit);
        if (problem != null) {
            warn(problem);
            return null;
        }
        double spread = (width >= height ? TWO_SHOT_SPREAD_LANDSCAPE : TWO_SHOT_SPREAD_PORTRAIT) * width;
        double cy = eye;
        double cx = width / 2.0;
        return new Layer[] {placed(a, fa, h, width / 2.0 - spread, eye, cx, cy),
                placed(b, fb, h, width / 2.0 + spread, eye, cx, cy)};
    }

    /**
     * The face height and eye line of a two-shot of two cut-outs: faces as large as grounds both bodies on the
     * frame's bottom edge (at least {@link #TWO_SHOT_FACE} of the frame height), no larger than fits side by side
     * and than the upscale limit; the eye line brought down (to {@link #TWO_SHOT_LOWEST_EYE_LINE} at most) where the
     * limits left a body short of the bottom edge.
     *
     * @return {face height, eye line}, frame pixels
     */
    static double[] fit(FaceBox fa, int photoHeightA, FaceBox fb, int photoHeightB, int width, int height,
                        double limit) {
        return ShotScale.twoShot(new double[] {fa.width(), fb.width()}, new double[] {fa.height(), fb.height()},
                new double[] {fa.eyeCenter().y(), fb.eyeCenter().y()}, new int[] {photoHeightA, photoHeightB}, width,
                height, limit);
    }

    /**
     * Why two actors from two photos cannot share a grounded two-shot at this frame size (one photo ends above the
     * frame's bottom edge at a matching head size), in the user's words; null when they can. The planner's check
     * and the compositor's are this one.
     */
    static String groundingProblem(String nameA, FaceBox fa, int photoHeightA, String nameB, FaceBox fb,
                                   int photoHeightB, int width, int height, double limit) {
        double[] fit = fit(fa, photoHeightA, fb, photoHeightB, width, height, limit);
        String[] names = {nameA, nameB};
        FaceBox[] faces = {fa, fb};
        int[] heights = {photoHeightA, photoHeightB};
        for (int i = 0; i < 2; i++) {
            double bottom = fit[1] + fit[0] / faces[i].height() * (heights[i] - faces[i].eyeCenter().y());
            if (bottom < height - 0.5) {
                return String.format(Locale.ROOT, "No two-shot of '%s' and '%s': the photo of '%s' ends %.0f%% "
                                + "above the frame's bottom edge at a matching head size (a tight crop or a small "
                                + "photo); shown as a split screen instead", nameA, nameB, names[i],
                        100 * (height - bottom) / height);
            }
        }
        return null;
    }

    /**
     * Warnings about how a cast will be framed, known before any frame is drawn (the plan lists them): photos turned
     * upright, photos too small for the frame, and pairs of actors from different photos that get split screens instead of two-shots.
     * Push-ins are assumed (the tighter limit).
     *
     * @param cast   each actor's name and analysed photo, in scene order
     * @param width  frame width
     * @param height frame height
     * @return per actor name (as given), its warnings (possibly empty)
     */
    public static Map<String, List<String>> framingWarnings(Map<String, PhotoAnalysis> cast, int width,
                                                            int height) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        cast.keySet().forEach(n -> out.put(n, new ArrayList<>()));
        double limit = Framing.MAX_UPSCALE;
        for (Map.Entry<String, PhotoAnalysis> e : cast.entrySet()) {
            int turned = e.getValue().turned();
            if (turned != 0) {
                out.get(e.getKey()).add(String.format(Locale.ROOT, "The photo of '%s' %s (its file does not say "
                        + "which way is up): it is turned %s to stand the face upright", e.getKey(),
                        turned == 2 ? "is upside down" : "lies on its side",
                        ai.gaga.face.FaceDetector.Upright.turnWords(turned)));
            }
            BufferedImage im = e.getValue().image();
            if (Math.max(width / (double) im.getWidth(), height / (double) im.getHeight()) > limit) {
                out.get(e.getKey()).add(String.format(Locale.ROOT, "The photo of '%s' (%dx%d) is too small to fill "
                                + "a %dx%d frame without blurring: it is shown at most %.1fx on a defocused backdrop; "
                                + "use a photo at least %d px wide and %d px tall", e.getKey(), im.getWidth(),
                                im.getHeight(), width,
                        height, limit, (int) Math.ceil(width / limit), (int) Math.ceil(height / limit)));
            }
        }
        if (width < height) {
            return out; // portrait frames stack two actors anyway
        }
        List<String> names = new ArrayList<>(cast.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                PhotoAnalysis a = cast.get(names.get(i));
                PhotoAnalysis b = cast.get(names.get(j));
                if (a.image() == b.image() || a.face().isEmpty() || b.face().isEmpty()) {
                    continue; // a group photo acts in place
                }
                String problem = null;
                for (int k = 0; k < 2 && problem == null; k++) {
                    PhotoAnalysis p = k == 0 ? a : b;
                    if (p.faces() > 1) {
                        problem = String.format(Locale.ROOT, "No two-shot of '%s' and '%s': the photo of '%s' "
                                        + "shows %d people, and one cannot be cut out of it cleanly; shown as a split "
                                        + "screen instead", names.get(i), names.get(j), names.get(i + k * (j - i)),
                                p.faces());
                    }
                }
                if (problem == null) {
                    problem = groundingProblem(names.get(i), a.face().get(), a.image().getHeight(), names.get(j),
                            b.face().get(), b.image().getHeight(), width, height,
                            limit / (1 + MAX_PUSH * 0.2));
                }
                if (problem != null) {
                    out.get(names.get(i)).add(problem);
                }
            }
        }
        return out;
    }

    private Layer placed(Cast c, FaceBox f, double faceHeight, double x, double eye, double cx, double cy) {
        double s = faceHeight / f.height();
        return new Layer(c, s, x - s * f.centerX(), eye - s * f.eyeCenter().y(), cx, cy, 0, width, 0, height, true);
    }

    /** The face of a photo, or a stand-in in the upper middle for photos allowed without one. */
    private static FaceBox faceOf(Cast c) {
        return c.member.analysis().face().orElseGet(() -> FaceBox.withEstimatedKeypoints(
                c.photoWidth * 0.35, c.photoHeight * 0.15, c.photoWidth * 0.3, c.photoHeight * 0.3, 0, "none"));
    }

    private static double maxZoom(Shot shot) {
        return ShotScale.maxZoom(shot.move(), shot.strength());
    }

    private static String background(Shot shot, Layer[] layers) {
        StringBuilder k = new StringBuilder();
        for (Layer l : layers) {
            k.append(l.cast().member.actor().name()).append('|').append(l.clipX0()).append('|').append(l.clipY0())
                    .append('|').append(l.cutOut()).append(';');
        }
        return k.toString();
    }

    /** The background behind a shot's layers: each actor's blurred backdrop (blended in a two-shot). */
    private byte[] renderBackground(Layer[] layers) {
        if (layers.length == 1) {
            return Backdrop.render(image(layers[0]), width, height);
        }
        byte[] out = new byte[width * height * 3];
        if (!layers[0].cutOut()) {
            for (Layer l : layers) {
                int w = l.clipX1() - l.clipX0();
                int h = l.clipY1() - l.clipY0();
                byte[] part = Backdrop.render(image(l), w, h);
                for (int y = 0; y < h; y++) {
                    System.arraycopy(part, y * w * 3, out, ((y + l.clipY0()) * width + l.clipX0()) * 3, w * 3);
                }
            }
            return out;
        }
        // One setting for both: the photo that shows more of its surroundings, defocused, a little darker so the
        // actors stand out, with a soft shadow of each actor on it.
        Layer set = layers[0];
        for (Layer l : layers) {
            if (coverage(l) < coverage(set)) {
                set = l;
            }
        }
        // The set without its own person: cover-fitted and defocused, they would stand beside the cut-outs as a blur.
        byte[] bg = Backdrop.render(image(set), set.cast().member.analysis().person().orElse(null), width, height);
        int k = (int) Math.round(TWO_SHOT_BACKGROUND * 256);
        for (int i = 0; i < bg.length; i++) {
            out[i] = (byte) (((bg[i] & 0xff) * k + 128) >> 8);
        }
        shadow(out, layers);
        return out;
    }

    private static double coverage(Layer l) {
        return l.cast().member.analysis().person().map(PersonMask::coverage).orElse(1.0);
    }

    /**
     * Darkens the background by a soft shadow of each cut-out, offset down and to the right: where the body meets
     * the set it sits on it rather than floating in front of it.
     */
    private void shadow(byte[] out, Layer[] layers) {
        int step = 4;
        int sw = (width + step - 1) / step;
        int sh = (height + step - 1) / step;
        int[] cover = new int[sw * sh];
        double dx = SHADOW_OFFSET * width;
        double dy = SHADOW_OFFSET * height;
        for (Layer l : layers) {
            Cast c = l.cast();
            byte[] a = c.cut.alpha;
            int pw = c.plate.width();
            int ph = c.plate.height();
            for (int y = 0; y < sh; y++) {
                double fy = y * step + step / 2.0 - dy;
                int py = (int) Math.floor((fy - l.oy()) / l.scale() * c.sy);
                if (py < 0 || py >= ph) {
                    continue;
                }
                for (int x = 0; x < sw; x++) {
                    double fx = x * step + step / 2.0 - dx;
                    int px = (int) Math.floor((fx - l.ox()) / l.scale() * c.sx);
                    if (px >= 0 && px < pw) {
                        cover[y * sw + x] = Math.max(cover[y * sw + x], a[py * pw + px] & 0xff);
                    }
                }
            }
        }
        int r = Math.max(2, (int) Math.round(SHADOW_SOFTNESS * sh));
        for (int pass = 0; pass < 3; pass++) {
            CutOut.blur(cover, sw, sh, r);
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int s = cover[(y / step) * sw + x / step];
                if (s == 0) {
                    continue;
                }
                int keep = 256 - (int) Math.round(SHADOW * s);
                int o = (y * width + x) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    out[o + ch] = (byte) (((out[o + ch] & 0xff) * keep + 128) >> 8);
                }
            }
        }
    }

    /**
     * Grades two cut-outs towards one look: each person's mean colour moved part of the way to the pair's mean
     * (per channel, at most {@link #MATCH_LIMIT} either way), applied before the shot's grade.
     */
    private static void matchGrades(Cast a, Cast b) {
        for (Cast c : List.of(a, b)) {
            Cast o = c == a ? b : a;
            double[] g = new double[3];
            for (int ch = 0; ch < 3; ch++) {
                double target = (c.cut.mean[ch] + o.cut.mean[ch]) / 2;
                double gain = Math.pow(Math.max(1, target) / Math.max(1, c.cut.mean[ch]), MATCH_STRENGTH);
                g[ch] = Math.max(1 / MATCH_LIMIT, Math.min(MATCH_LIMIT, gain));
            }
            c.match = g;
        }
    }

    private static BufferedImage image(Layer l) {
        return l.cast().member.analysis().image();
    }

    /**
     * For each alpha row, the column range (inclusive) where it or its neighbour rows have alpha, widened by one
     * column: the sampler's bilinear taps never need more.
     */
    static int[] extent(byte[] alpha, int w, int h) {
        int[] lo = new int[h];
        int[] hi = new int[h];
        for (int y = 0; y < h; y++) {
            lo[y] = Integer.MAX_VALUE;
            hi[y] = Integer.MIN_VALUE;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                if (alpha[o + x] != 0) {
                    lo[y] = x;
                    break;
                }
            }
            for (int x = w - 1; x >= lo[y] && lo[y] != Integer.MAX_VALUE; x--) {
                if (alpha[o + x] != 0) {
                    hi[y] = x;
                    break;
                }
            }
        }
        int[] out = new int[2 * h];
        for (int y = 0; y < h; y++) {
            int a = Integer.MAX_VALUE;
            int b = Integer.MIN_VALUE;
            for (int k = Math.max(0, y - 1); k <= Math.min(h - 1, y + 1); k++) {
                a = Math.min(a, lo[k]);
                b = Math.max(b, hi[k]);
            }
            out[2 * y] = a == Integer.MAX_VALUE ? 1 : Math.max(0, a - 1);
            out[2 * y + 1] = b == Integer.MIN_VALUE ? 0 : Math.min(w - 1, b + 1);
        }
        return out;
    }

    // ---- per frame ----

    @Override
    public void render(int index, FrameBuffer target) {
        if (closed) {
            throw new IllegalStateException("Renderer is closed");
        }
        if (target.width() != width || target.height() != height) {
            throw new IllegalArgumentException("Frame buffer is " + target.width() + "x" + target.height()
                    + ", this renderer draws " + width + "x" + height);
        }
        int k = shotIndex(index);
        Setup st = setups[k];
        Shot shot = st.shot();
        camera(st.still() ? null : shot, index);
        for (Cast c : st.cast()) {
            c.view[0] = Integer.MAX_VALUE;
            c.view[1] = Integer.MAX_VALUE;
            c.view[2] = Integer.MIN_VALUE;
            c.view[3] = Integer.MIN_VALUE;
        }
        for (Layer l : st.layers()) {
            viewOf(l); // the plate pixels this frame samples: an animated plate draws its body only there
        }
        Cast[] shown = st.cast();
        if (helper != null && shown.length == 2 && independent(shown[0], shown[1]) && shown[0].drawn != index
                && shown[1].drawn != index) {
            // The two actors' plates (and their cut-outs) are drawn side by side.
            helper.both(() -> drawCast(st, shown[0], index), () -> drawCast(st, shown[1], index));
        } else {
            for (Cast c : shown) {
                drawCast(st, c, index);
            }
        }
        GradeLut lut = st.lut();
        double rainAmount = st.rain();
        int fadeFrames = (int) Math.round(Shot.GRADE_FADE_SECONDS * fps);
        boolean fading = false;
        if (k > 0 && index - shot.startFrame() < fadeFrames && shot.fadesFrom(setups[k - 1].shot())) {
            double t = Math.max(0, (index - shot.startFrame()) / (double) fadeFrames);
            t = t * t * (3 - 2 * t);
            fade.blend(setups[k - 1].lut(), st.lut(), t);
            lut = fade;
            fading = true;
            rainAmount = setups[k - 1].rain() + (st.rain() - setups[k - 1].rain()) * t;
        }
        byte[] dst = target.bgr();
        if (!covers(st)) {
            byte[] bg = st.background();
            if (fading) {
                lut.apply(bg, gradedBackground);
                gradedFor = -1;
                bg = gradedBackground;
            } else if (!st.identity()) {
                if (gradedFor != k) {
                    lut.apply(bg, gradedBackground);
                    gradedFor = k;
                }
                bg = gradedBackground;
            }
            System.arraycopy(bg, 0, dst, 0, dst.length);
        }
        Layer[] layers = st.layers();
        if (layerLuts.length < layers.length) {
            layerLuts = new GradeLut[layers.length];
        }
        for (int i = 0; i < layers.length; i++) { // (drawCast drew the cut-outs)
            Cast c = layers[i].cast();
            if (layers[i].cutOut() && c.match != null) {
                while (matched.size() <= i) {
                    matched.add(new GradeLut());
                }
                layerLuts[i] = matched.get(i).gained(lut, c.match);
            } else {
                layerLuts[i] = lut;
            }
        }
        if (helper != null) { // the upper and the lower half of the rows side by side
            int mid = height / 2;
            helper.both(() -> drawLayers(layers, dst, 0, mid, sampler),
                    () -> drawLayers(layers, dst, mid, height, lowerSampler));
        } else {
            drawLayers(layers, dst, 0, height, sampler);
        }
        if (st.layers().length == 2 && !st.layers()[0].cutOut()) {
            seam(dst, st.layers()[1]);
        }
        if (rain != null && rainAmount > 0) {
            rain.draw(dst, index, rainAmount);
        }
        target.index(index);
    }

    /** From now on draws every frame on the calling thread alone (for tests: the frames must be the same). */
    void drawOnOneThread() {
        if (helper != null) {
            helper.close();
            helper = null;
        }
    }

    /** How many times a frame's parts were drawn beside the calling thread so far (for tests). */
    long helped() {
        return helper == null ? 0 : helper.calls();
    }

    /** Draws the cast's plate for frame {@code index} (once), then its cut-out where the shot cuts it out. */
    private static void drawCast(Setup st, Cast c, int index) {
        if (c.drawn == index) {
            return;
        }
        c.plate.view(c.view[0], c.view[1], c.view[2], c.view[3]);
        c.plate.draw(index);
        c.drawn = index;
        for (Layer l : st.layers()) {
            if (l.cast() == c && l.cutOut()) {
                c.cut.draw(index);
            }
        }
    }

    /** Whether two actors' plates can be drawn at the same time: they share no plate and no group photo. */
    private static boolean independent(Cast a, Cast b) {
        return a.plate != b.plate && (a.group == null || a.group != b.group);
    }

    /**
     * Draws the layers (in order, each over the last) into frame rows {@code [y0, y1)} with {@code s}, each layer in
     * the grade {@link #layerLuts} holds for it. Reads the camera; writes only those rows.
     */
    private void drawLayers(Layer[] layers, byte[] dst, int y0, int y1, PlateSampler s) {
        for (int i = 0; i < layers.length; i++) {
            Layer l = layers[i];
            int top = Math.max(y0, l.clipY0());
            int bottom = Math.min(y1, l.clipY1());
            if (top >= bottom) {
                continue;
            }
            Cast c = l.cast();
            ActorPlate p = c.plate;
            Mapping m = mapping(l);
            if (l.cutOut()) {
                s.draw(dst, l.clipX0(), l.clipX1(), top, bottom, c.cut.bgr(), c.cut.alpha, c.cut.extent, p.width(),
                        p.height(), m.ax(), m.bx(), m.ay(), m.by(), layerLuts[i]);
            } else {
                s.draw(dst, l.clipX0(), l.clipX1(), top, bottom, p.bgr(), null, null, p.width(), p.height(), m.ax(),
                        m.bx(), m.ay(), m.by(), layerLuts[i]);
            }
        }
    }

    /** Grows the layer's plate's view by the plate pixels its clip samples at this frame's camera (bilinear taps). */
    private void viewOf(Layer l) {
        Cast c = l.cast();
        Mapping m = mapping(l);
        c.view[0] = Math.min(c.view[0], (int) Math.floor(m.ax() * l.clipX0() + m.bx()) - 2);
        c.view[1] = Math.min(c.view[1], (int) Math.floor(m.ay() * l.clipY0() + m.by()) - 2);
        c.view[2] = Math.max(c.view[2], (int) Math.ceil(m.ax() * l.clipX1() + m.bx()) + 2);
        c.view[3] = Math.max(c.view[3], (int) Math.ceil(m.ay() * l.clipY1() + m.by()) + 2);
    }

    /** Plate x = {@code ax} * frame x + {@code bx} (likewise y) for a layer at this frame's camera. */
    private record Mapping(double ax, double bx, double ay, double by) {
    }

    /** Where the layer's plate is sampled from, at this frame's camera (zoom and translation). */
    private Mapping mapping(Layer l) {
        Cast c = l.cast();
        double s = l.scale();
        return new Mapping(c.sx / (zoom * s), c.sx * (l.cx() * (1 - 1 / zoom) - tx / zoom - l.ox()) / s,
                c.sy / (zoom * s), c.sy * (l.cy() * (1 - 1 / zoom) - ty / zoom - l.oy()) / s);
    }

    /** The thin dark line between the halves of a split screen, at the second half's edge. */
    private void seam(byte[] dst, Layer second) {
        int t = Math.max(2, Math.min(width, height) / 270);
        if (second.clipY0() > 0) {
            int y0 = second.clipY0() - t / 2;
            java.util.Arrays.fill(dst, y0 * width * 3, (y0 + t) * width * 3, (byte) 12);
        } else {
            for (int y = 0; y < height; y++) {
                int o = (y * width + second.clipX0() - t / 2) * 3;
                java.util.Arrays.fill(dst, o, o + 3 * t, (byte) 12);
            }
        }
    }

    /** Whether the one opaque layer of a shot covers the whole frame at this frame's camera. */
    private boolean covers(Setup st) {
        if (st.layers().length != 1 || st.layers()[0].cutOut()) {
            return false;
        }
        Layer l = st.layers()[0];
        Cast c = l.cast();
        double left = l.cx() + zoom * (l.ox() - l.cx()) + tx;
        double top = l.cy() + zoom * (l.oy() - l.cy()) + ty;
        double right = left + zoom * l.scale() * c.plate.width() / c.sx;
        double bottom = top + zoom * l.scale() * c.plate.height() / c.sy;
        return left <= -1 && top <= -1 && right >= width + 1 && bottom >= height + 1;
    }

    /** Sets the zoom and translation of frame {@code index} in its shot. */
    private void camera(Shot shot, int index) {
        if (shot == null) { // a shot held still
            zoom = 1;
            tx = 0;
            ty = 0;
            return;
        }
        double p = shot.progress(index);
        double e = 0.5 - 0.5 * Math.cos(Math.PI * p);
        double s = shot.strength();
        zoom = 1;
        tx = 0;
        ty = 0;
        switch (shot.move()) {
            case PUSH_IN -> zoom = 1 + MAX_PUSH * s * e;
            case PULL_OUT -> zoom = 1 + MAX_PUSH * s * (1 - e);
            case PAN_LEFT, PAN_RIGHT -> {
                double pan = MAX_PAN * s;
                zoom = 1 + pan;
                // Panning left moves the view left, so the picture slides right.
                tx = (shot.move() == Shot.Move.PAN_LEFT ? 1 : -1) * (e - 0.5) * pan * width;
            }
            case HANDHELD -> {
                zoom = 1 + SHAKE_ZOOM;
                double t = index / (double) fps;
                double a = SHAKE * s * height;
                tx = a * sway(t, 0);
                ty = a * sway(t, 3);
            }
            case STATIC -> {
                // still
            }
        }
    }

    /** Smooth sway in about -1..1: three incommensurate slow sines with seeded phases. */
    private double sway(double t, int p) {
        return 0.6 * Math.sin(2 * Math.PI * 0.23 * t + phase[p])
                + 0.3 * Math.sin(2 * Math.PI * 0.57 * t + phase[p + 1])
                + 0.1 * Math.sin(2 * Math.PI * 1.31 * t + phase[p + 2]);
    }

    private int shotIndex(int index) {
        int n = setups.length;
        if (cursor >= n || index < setups[cursor].shot().startFrame()) {
            cursor = 0;
        }
        while (cursor < n - 1 && index >= setups[cursor].shot().endFrame()) {
            cursor++;
        }
        return cursor;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (helper != null) {
            helper.close();
        }
        java.util.Set<ActorPlate> closedPlates = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Cast c : cast) {
            if (c.plate != null && closedPlates.add(c.plate)) {
                c.plate.close();
            }
        }
    }

    /**
     * Where the photo of each layer of frame {@code index}'s shot lands (for tests): per layer, the actor's name and
     * {@code {scale, offsetX, offsetY, clipX0, clipY0, clipX1, clipY1, cutOut}}, photo pixel p landing at
     * {@code scale * p + offset} in the frame, camera included.
     */
    List<Map.Entry<String, double[]>> placements(int index) {
        Setup st = setups[shotIndex(index)];
        camera(st.still() ? null : st.shot(), index);
        List<Map.Entry<String, double[]>> out = new ArrayList<>();
        for (Layer l : st.layers()) {
            // render() samples plate x = ax * frame x + bx; photo x = plate x / sx
            Cast c = l.cast();
            Mapping m = mapping(l);
            out.add(Map.entry(c.member.actor().name(), new double[] {c.sx / m.ax(), -m.bx() / m.ax(), -m.by() / m.ay(),
                    l.clipX0(),
                    l.clipY0(), l.clipX1(), l.clipY1(), l.cutOut() ? 1 : 0}));
        }
        return out;
    }

    /** Grade of the shot showing frame {@code index} (for tests and logs). */
    Grade gradeAt(int index) {
        return setups[shotIndex(index)].shot().grade();
    }
}
