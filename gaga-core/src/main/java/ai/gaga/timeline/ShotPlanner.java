package ai.gaga.timeline;

import ai.gaga.render.CastMember;
import ai.gaga.render.FaceArea;
import ai.gaga.scene.Actor;
import ai.gaga.scene.Camera;
import ai.gaga.scene.CameraCue;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneElement;
import ai.gaga.scene.SceneHeading;
import ai.gaga.scene.SoundCue;
import ai.gaga.scene.TransitionCue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decides the cut: which {@link Shot}s a timeline is shown in.
 *
 * <ul>
 *   <li>One actor: single shots, medium close-up with a slow push-in; a line acted at an emotional peak (intensity
 *       {@value #PEAK} or more) gets a close-up with a stronger push-in, and an emotion turn cuts to the other size,
 *       so the grade can change with it.</li>
 *   <li>Two or more actors: the scene opens on a two-shot; then shot/reverse-shot, cutting to the speaker
 *       {@link #LEAD_SECONDS} before the line starts (4 to 6 frames) and holding the shot through the pause that
 *       follows it, so the listener's reaction is seen; lines that overlap ({@code ^}) are shown in a two-shot; a
 *       line of {@value #REACTION_MIN_LINE} s or more cuts away to the listener halfway through for
 *       {@value #REACTION_SECONDS} s and back.</li>
 *   <li>{@code [camera: …]} overrides: close-up, medium and wide set the size from the next shot on; two-shot and
 *       split keep both actors in frame until another size is asked for; push-in, pull-out, pans and handheld
 *       move the next shot. Static locks the camera from there on: no shot moves (not even the slow drift), and one
 *       actor's emotion turns and peaks no longer cut in, so a one-actor scene holds one still frame until another
 *       camera cue, {@code [cut]} or scene heading; another move cue unlocks it. {@code [cut]}, {@code CUT TO:} and
 *       a new scene heading force a cut.</li>
 *   <li>Grades: the scene heading gives the base look (night, warm exterior day, neutral interior), rain in the
 *       heading or the ambience gives {@link Grade.Look#RAIN} ({@link Grade.Look#NIGHT_RAIN} at night), and the emotion of the line a shot starts on tints it
 *       (joy warmer, sadness cooler).</li>
 * </ul>
 * A cut that would leave a shot shorter than {@link #MIN_SHOT_SECONDS} is dropped, and the shot before runs on.
 *
 * <p>Framed from the pixels there are ({@link #plan(Scene, Timeline, List)}, given the cast): a shot size whose face
 * would be enlarged more than {@link ShotScale#MAX_UPSCALE} on screen (camera move included) becomes the next wider
 * one, so a full-body or group photo gets medium and wide shots rather than a blurred close-up; a photo that cannot
 * cover the frame with room for the camera move holds still; two actors from two photos that cannot share a grounded
 * two-shot (a photo ending above the frame's bottom edge, a photo of several people, a portrait frame) get a split
 * screen. Each shot records its predicted {@link Shot#sourceScale()}.
 * Deterministic.
 */
@ai.gaga.Internal
public final class ShotPlanner {
    /** How long before a line starts the cut to its speaker comes: the eye arrives before the voice. */
    public static final double LEAD_SECONDS = 0.2;
    /** Shortest shot: anything shorter reads as a glitch rather than a cut. */
    public static final double MIN_SHOT_SECONDS = 0.6;
    /**
     * Emotion intensity from which a line counts as an emotional peak: above the 0.7 a bare parenthetical such as
     * {@code (sad)} gives, so only lines marked as strong ({@code (very sad)}, {@code [emotion: joy 0.9]}) push in.
     */
    public static final double PEAK = 0.8;
    /** Shortest line in a dialogue that gets a cutaway to the listener. */
    public static final double REACTION_MIN_LINE = 5.0;
    /** Where in a long line the cutaway to the listener comes, as a share of the line. */
    static final double REACTION_AT = 0.5;
    /** How long the cutaway to the listener holds. */
    static final double REACTION_SECONDS = 1.5;
    /** Push-in strength of an ordinary shot: a slow drift that keeps a still picture alive. */
    static final double DRIFT = 0.4;
    /** Push-in strength of a two-shot. */
    static final double TWO_SHOT_DRIFT = 0.2;
    /** Strength of moves asked for with {@code [camera: …]}. */
    static final double CUE_STRENGTH = 0.8;

    /**
     * The shots of a planned scene, at the scene's frame rate, without knowing its photos (sizes as the script asks,
     * {@link Shot#sourceScale()} NaN); empty for an empty timeline.
     */
    public List<Shot> plan(Scene scene, Timeline timeline) {
        return plan(scene, timeline, List.of());
    }

    /**
     * The shots of a planned scene framed from the pixels of its photos: sizes the faces allow at
     * {@link Scene#resolution()}, each shot's {@link Shot#sourceScale()} predicted; empty for an empty timeline.
     *
     * @param cast each actor's photo size and faces (actors missing from it are planned as without photos)
     */
    public List<Shot> plan(Scene scene, Timeline timeline, List<CastMember> cast) {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(cast, "cast");
        return new Run(scene, timeline, cast).plan();
    }

    /** What a shot shows, before its frames are known; {@code scale} is its source scale once fitted (else NaN). */
    private record Want(Shot.Layout layout, List<String> subjects, Shot.Size size, Shot.Move move, double strength,
                        Grade grade, double scale) {
        Want(Shot.Layout layout, List<String> subjects, Shot.Size size, Shot.Move move, double strength,
             Grade grade) {
            this(layout, subjects, size, move, strength, grade, Double.NaN);
        }

        boolean sameFraming(Want o) {
            return layout == o.layout && subjects.equals(o.subjects) && size == o.size;
        }
    }

    /** One planning pass; holds the state of the walk through the scene. */
    private static final class Run {
        private final Scene scene;
        private final Timeline timeline;
        private final int fps;
        private final int total;
        private final int lead;
        private final int minFrames;
        private final boolean dialogue;
        private final List<Shot> shots = new ArrayList<>();
        private final double[] ends;
        private final Pixels pixels;

        private Grade base = Grade.NEUTRAL;
        private Grade headingGrade = Grade.NEUTRAL;
        private Shot.Size size = Shot.Size.MEDIUM;
        private Shot.Layout sticky; // TWO_SHOT or SPLIT while a camera cue keeps both actors in frame
        private Shot.Move pendingMove;
        /** Set by {@code [camera: static]}: nothing moves and emotion turns do not cut, until another move cue. */
        private boolean locked;
        private boolean forceCut;
        private String lastSpeaker;
        private Emotion lastEmotion = Emotion.NEUTRAL;
        // The shot being built: its first frame and what it shows.
        private int currentStart = -1;
        private Want current;

        Run(Scene scene, Timeline timeline, List<CastMember> cast) {
            this.scene = scene;
            this.pixels = new Pixels(cast, scene.resolution().width(), scene.resolution().height());
            this.timeline = timeline;
            this.fps = scene.fps();
            this.total = timeline.frameCount(fps);
            this.lead = (int) Math.round(LEAD_SECONDS * fps);
            this.minFrames = (int) Math.ceil(MIN_SHOT_SECONDS * fps);
            this.dialogue = scene.actors().size() >= 2;
            List<TimelineEntry> entries = timeline.entries();
            this.ends = new double[entries.size()];
            double latest = 0;
            for (int i = 0; i < entries.size(); i++) {
                ends[i] = latest; // the latest end of the lines before entry i
                latest = Math.max(latest, entries.get(i).end());
            }
        }

        List<Shot> plan() {
            if (total == 0) {
                return List.of();
            }
            List<TimelineEntry> entries = timeline.entries();
            List<TimedCue> cues = timeline.cues();
            int c = 0;
            for (int i = 0; i < entries.size(); i++) {
                TimelineEntry e = entries.get(i);
                while (c < cues.size() && cues.get(c).start() <= e.start() + Timeline.EPSILON) {
                    cue(cues.get(c++), e.start());
                }
                line(i, e);
            }
            while (c < cues.size()) {
                cue(cues.get(c++), Double.NaN);
            }
            if (current == null) {
                decide(0, opening(null, Emotion.NEUTRAL, 0));
            }
            close(total);
            return List.copyOf(shots);
        }

        private void cue(TimedCue timed, double nextLine) {
            SceneElement e = timed.element();
            boolean decides = false;
            if (e instanceof CameraCue cc) {
                camera(cc.camera());
                decides = true;
            } else if (e instanceof TransitionCue t && t.isCut()) {
                forceCut = true;
                decides = true;
            } else if (e instanceof SceneHeading h) {
                headingGrade = headingGrade(h);
                base = headingGrade;
                forceCut = true;
                decides = true;
            } else if (e instanceof SoundCue s && s.kind() == SoundCue.Kind.AMBIENCE) {
                base = rainy(s.description()) ? wet(headingGrade)
                        : headingGrade; // other weather: back to the heading's light
            }
            // A cue right before a line takes effect on that line's cut; one in a silence cuts where it stands.
            if (decides && current != null && !(Math.abs(nextLine - timed.start()) < 0.05)) {
                decide(Timeline.frameAt(timed.start(), fps), continuing());
            }
        }

        private void camera(Camera camera) {
            switch (camera) {
                case CLOSE_UP -> size(Shot.Size.CLOSE_UP);
                case MEDIUM -> size(Shot.Size.MEDIUM);
                case WIDE -> size(Shot.Size.WIDE);
                case TWO_SHOT -> sticky = Shot.Layout.TWO_SHOT;
                case SPLIT -> sticky = Shot.Layout.SPLIT;
                case PUSH_IN -> move(Shot.Move.PUSH_IN);
                case PULL_OUT -> move(Shot.Move.PULL_OUT);
                case PAN_LEFT -> move(Shot.Move.PAN_LEFT);
                case PAN_RIGHT -> move(Shot.Move.PAN_RIGHT);
                case HANDHELD -> move(Shot.Move.HANDHELD);
                case STATIC -> move(Shot.Move.STATIC);
            }
        }

        private void move(Shot.Move m) {
            pendingMove = m;
            locked = m == Shot.Move.STATIC;
        }

        /** The planner's own move for a shot: the slow push-in, or nothing on a locked camera. */
        private Shot.Move drift() {
            return locked ? Shot.Move.STATIC : Shot.Move.PUSH_IN;
        }

        private double drift(double strength) {
            return locked ? 0 : strength;
        }

        private void size(Shot.Size s) {
            size = s;
            sticky = null;
            forceCut = true;
        }

        private void line(int i, TimelineEntry e) {
            Line line = e.line();
            String speaker = name(line.actor());
            boolean overlaps = i > 0 && e.start() < ends[i] - Timeline.EPSILON;
            boolean peak = line.intensity() >= PEAK && line.emotion() != Emotion.NEUTRAL;
            Grade grade = base.withWarmth(warmth(line.emotion(), line.intensity()));
            Want want;
            if (current == null) {
                want = opening(speaker, line.emotion(), line.intensity());
            } else if (dialogue && (overlaps || sticky != null) && lastSpeaker != null
                    && !lastSpeaker.equals(speaker)) {
                want = pair(sticky == null ? Shot.Layout.TWO_SHOT : sticky, lastSpeaker, speaker, grade);
            } else if (dialogue && sticky != null) {
                want = pair(sticky, speaker, other(speaker), grade);
            } else {
                Shot.Size s = peak && !locked ? Shot.Size.CLOSE_UP : size;
                boolean turn = line.emotion() != lastEmotion && line.intensity() >= 0.4 && !locked;
                if (turn && !forceCut && pendingMove == null && current.layout() == Shot.Layout.SINGLE
                        && current.subjects().get(0).equals(speaker) && current.size() == s) {
                    // An emotion turn on the same actor: cut in (or out) so the light can change with it.
                    s = s == Shot.Size.CLOSE_UP ? Shot.Size.MEDIUM : Shot.Size.CLOSE_UP;
                }
                // Peaks push in harder: the camera leans towards the feeling.
                double strength = peak ? Math.max(0.6, line.intensity()) : DRIFT;
                want = new Want(Shot.Layout.SINGLE, List.of(speaker), s, drift(), drift(strength), grade);
            }
            // A locked camera keeps its light too: a change of grade would need a cut.
            boolean turned = line.emotion() != lastEmotion && line.intensity() >= 0.4 && !locked;
            lastSpeaker = speaker;
            lastEmotion = line.emotion();
            int cut = Math.max(0, e.startFrame(fps) - lead);
            Want framed = pixels.fit(want); // compared as the pixels allow; decided as asked
            if (current == null || forceCut || pendingMove != null || !framed.sameFraming(current)
                    || (turned && !want.grade().equals(current.grade()))) {
                decide(cut, want);
            }
            reaction(i, e);
        }

        /**
         * A long line in a dialogue cuts away to the listener for {@link #REACTION_SECONDS} after
         * {@link #REACTION_AT} of it, then back: the listener's face tells how the words land.
         */
        private void reaction(int i, TimelineEntry e) {
            List<TimelineEntry> entries = timeline.entries();
            double length = e.end() - e.start();
            if (!dialogue || sticky != null || length < REACTION_MIN_LINE || current.layout() != Shot.Layout.SINGLE
                    || (i + 1 < entries.size() && entries.get(i + 1).start() < e.end() - Timeline.EPSILON)) {
                return;
            }
            String speaker = current.subjects().get(0);
            int away = Timeline.frameAt(e.start() + REACTION_AT * length, fps);
            int back = away + (int) Math.round(REACTION_SECONDS * fps);
            if (back + minFrames > Timeline.frameAt(e.end(), fps)) {
                return;
            }
            Want speaking = current;
            Want listening = new Want(Shot.Layout.SINGLE, List.of(other(speaker)), Shot.Size.MEDIUM,
                    drift(), drift(DRIFT), speaking.grade());
            decide(away, listening);
            decide(back, speaking);
        }

        /** The first shot: a two-shot in a dialogue, else a single of the first speaker. */
        private Want opening(String speaker, Emotion emotion, double intensity) {
            Grade grade = base.withWarmth(warmth(emotion, intensity));
            List<Actor> actors = scene.actors();
            String first = speaker != null ? speaker : actors.get(0).name();
            if (dialogue) {
                Shot.Layout layout = sticky == null ? Shot.Layout.TWO_SHOT : sticky;
                return pair(layout, first, other(first), grade);
            }
            return new Want(Shot.Layout.SINGLE, List.of(first), size, drift(), drift(DRIFT), grade);
        }

        /** Two actors, left to right in scene order. */
        private Want pair(Shot.Layout layout, String a, String b, Grade grade) {
            List<String> both = index(a) <= index(b) ? List.of(a, b) : List.of(b, a);
            return new Want(layout, both, size, drift(), drift(TWO_SHOT_DRIFT), grade);
        }

        /** The state as it stands, for a cut between lines (a camera cue or [cut] in a silence). */
        private Want continuing() {
            if (dialogue && sticky != null) {
                String a = lastSpeaker != null ? lastSpeaker : scene.actors().get(0).name();
                return pair(sticky, a, other(a), current.grade());
            }
            String who = lastSpeaker != null ? lastSpeaker : current.subjects().get(0);
            Grade grade = base.withWarmth(current.grade().warmth());
            return new Want(Shot.Layout.SINGLE, List.of(who), size, drift(), drift(DRIFT), grade);
        }

        /** Starts a shot showing {@code want} at frame {@code cut} (applying a pending move). */
        private void decide(int cut, Want want) {
            boolean forced = forceCut || pendingMove != null;
            Shot.Size asked = want.size();
            if (pendingMove != null) {
                double strength = pendingMove == Shot.Move.STATIC ? 0 : CUE_STRENGTH;
                want = new Want(want.layout(), want.subjects(), want.size(), pendingMove, strength, want.grade());
                pendingMove = null;
            }
            want = pixels.fit(want);
            forceCut = false;
            if (current == null) {
                currentStart = 0;
                current = want;
                return;
            }
            if (want.sameFraming(current) && want.layout() == Shot.Layout.SINGLE) {
                if (!forced && asked != want.size()) {
                    return; // the pixels refuse the closer size asked for: the shot runs on rather than jump
                }
                // Cutting a still photo to the same framing shows nothing but a jump: change the size with it (to
                // one the photo's pixels allow, if any other does).
                Shot.Size other = want.size() == Shot.Size.CLOSE_UP ? Shot.Size.MEDIUM : Shot.Size.CLOSE_UP;
                Want changed = pixels.fit(new Want(want.layout(), want.subjects(), other, want.move(),
                        want.strength(), want.grade()));
                if (changed.sameFraming(current) && current.size() != Shot.Size.WIDE) {
                    changed = pixels.fit(new Want(want.layout(), want.subjects(), Shot.Size.WIDE, want.move(),
                            want.strength(), want.grade()));
                }
                want = changed;
            }
            cut = Math.min(cut, total - 1);
            if (cut - currentStart < minFrames) {
                if (shots.isEmpty()) {
                    return; // too early to cut away from the opening shot: it holds
                }
                // The shot being built would be a flash: drop it and let the one before it run on.
                Shot prev = shots.remove(shots.size() - 1);
                currentStart = prev.startFrame();
                current = new Want(prev.layout(), prev.subjects(), prev.size(), prev.move(), prev.strength(),
                        prev.grade(), prev.sourceScale());
                if (want.sameFraming(current) || cut - currentStart < minFrames) {
                    return;
                }
            }
            close(cut);
            currentStart = cut;
            current = want;
        }

        private void close(int endFrame) {
            double end = endFrame >= total ? timeline.durationSeconds() : endFrame / (double) fps;
            shots.add(new Shot(currentStart / (double) fps, Math.max(end, (currentStart + 1.0) / fps), currentStart,
                    endFrame, current.layout(), current.subjects(), current.size(), current.move(),
                    current.strength(), current.grade(), current.scale()));
        }

        /** The actor's name as the scene spells it (lines may spell it in another case). */
        private String name(String actor) {
            return scene.actor(actor).map(Actor::name).orElse(actor);
        }

        private int index(String name) {
            List<Actor> actors = scene.actors();
            for (int i = 0; i < actors.size(); i++) {
                if (actors.get(i).name().equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return actors.size();
        }

        /** The actor someone talks with: the previous speaker if another, else the next actor in the scene. */
        private String other(String who) {
            List<Actor> actors = scene.actors();
            int i = index(who);
            return actors.get((i + 1) % actors.size()).name();
        }
    }

    /**
     * The photos' pixels, and what they allow: fits a wanted shot to the sizes, layout and camera the faces can be
     * shown at without enlarging them past {@link ShotScale#MAX_UPSCALE}, with the source scale the compositor will
     * draw it at ({@link ShotScale} holds the rules both use).
     */
    private static final class Pixels {
        private final Map<String, CastMember> byName = new HashMap<>();
        private final int width;
        private final int height;

        Pixels(List<CastMember> cast, int width, int height) {
            cast.forEach(m -> byName.put(m.actor().toLowerCase(Locale.ROOT), m));
            this.width = width;
            this.height = height;
        }

        private CastMember member(String name) {
            return byName.get(name.toLowerCase(Locale.ROOT));
        }

        Want fit(Want w) {
            List<CastMember> who = new ArrayList<>();
            for (String name : w.subjects()) {
                CastMember m = member(name);
                if (m == null) {
                    return w; // the photos are not known: as the script asks
                }
                who.add(m);
            }
            if (w.layout() == Shot.Layout.TWO_SHOT) {
                if (sameGroup(who.get(0), who.get(1))) {
                    return group(w, who);
                }
                if (!canShareTwoShot(who.get(0), who.get(1), ShotScale.MAX_UPSCALE
                        / ShotScale.maxZoom(w.move(), w.strength()))) {
                    w = new Want(Shot.Layout.SPLIT, w.subjects(), w.size(), w.move(), w.strength(), w.grade());
                } else {
                    return twoShot(w, who);
                }
            }
            // Singles and split screens: each face in its region at the widest size every face allows.
            int rw = width;
            int rh = height;
            if (w.layout() == Shot.Layout.SPLIT) {
                if (height > width) {
                    rh = height / 2;
                } else {
                    rw = width / 2;
                }
            }
            double zoom = ShotScale.maxZoom(w.move(), w.strength());
            Shot.Size size = size(w.size(), who, rh, ShotScale.MAX_UPSCALE / zoom);
            double[] scales = singles(size, who, rw, rh, ShotScale.MAX_UPSCALE / zoom);
            Shot.Move move = w.move();
            double strength = w.strength();
            if (zoom > 1 && !covers(scales, who, rw, rh)) {
                double[] still = singles(size, who, rw, rh, ShotScale.MAX_UPSCALE);
                if (covers(still, who, rw, rh)) {
                    // Too few pixels to cover the frame with room for the camera move: the shot holds still (as
                    // the compositor would), and the photo fills the frame.
                    scales = still;
                    zoom = 1;
                    move = Shot.Move.STATIC;
                    strength = 0;
                }
            }
            double max = 0;
            for (double sc : scales) {
                max = Math.max(max, sc);
            }
            return new Want(w.layout(), w.subjects(), size, move, strength, w.grade(), max * zoom);
        }

        /** The requested size, or the first wider one at which every face shown fits the limit (else wide). */
        private static Shot.Size size(Shot.Size wanted, List<CastMember> who, int regionHeight, double limit) {
            Shot.Size[] sizes = Shot.Size.values(); // CLOSE_UP, MEDIUM, WIDE: closest first
            for (int k = wanted.ordinal(); k < sizes.length; k++) {
                boolean all = true;
                for (CastMember m : who) {
                    if (m.face().isPresent() && !ShotScale.fits(sizes[k], m.face().get().height(), regionHeight,
                            limit)) {
                        all = false;
                    }
                }
                if (all) {
                    return sizes[k];
                }
            }
            return Shot.Size.WIDE;
        }

        private static double[] singles(Shot.Size size, List<CastMember> who, int rw, int rh, double limit) {
            double[] out = new double[who.size()];
            for (int i = 0; i < out.length; i++) {
                CastMember m = who.get(i);
                out[i] = m.face().isPresent()
                        ? ShotScale.single(size, m.photoWidth(), m.photoHeight(), m.face().get().height(), rw, rh,
                        limit)
                        : ShotScale.whole(m.photoWidth(), m.photoHeight(), rw, rh);
            }
            return out;
        }

        private static boolean covers(double[] scales, List<CastMember> who, int rw, int rh) {
            for (int i = 0; i < scales.length; i++) {
                CastMember m = who.get(i);
                if (scales[i] * m.photoWidth() < rw - 1e-6 || scales[i] * m.photoHeight() < rh - 1e-6) {
                    return false;
                }
            }
            return true;
        }

        /** Two faces of one photo (a group photo acting in place). */
        private static boolean sameGroup(CastMember a, CastMember b) {
            return a.face().isPresent() && b.face().isPresent() && a.faceIndex() != b.faceIndex()
                    && a.photo().toAbsolutePath().normalize().equals(b.photo().toAbsolutePath().normalize());
        }

        /** Two actors of one photo shown in it, framed around both faces. */
        private Want group(Want w, List<CastMember> who) {
            FaceArea fa = who.get(0).face().orElseThrow();
            FaceArea fb = who.get(1).face().orElseThrow();
            CastMember m = who.get(0);
            double span = Math.max(fa.maxX(), fb.maxX()) - Math.min(fa.x(), fb.x());
            double tallest = Math.max(fa.height(), fb.height());
            double zoom = ShotScale.maxZoom(w.move(), w.strength());
            double s = ShotScale.group(span, tallest, m.photoWidth(), m.photoHeight(), width, height,
                    ShotScale.MAX_UPSCALE / zoom);
            Shot.Move move = w.move();
            double strength = w.strength();
            if (zoom > 1 && (s * m.photoWidth() < width - 1e-6 || s * m.photoHeight() < height - 1e-6)) {
                double still = ShotScale.group(span, tallest, m.photoWidth(), m.photoHeight(), width, height,
                        ShotScale.MAX_UPSCALE);
                if (still * m.photoWidth() >= width - 1e-6 && still * m.photoHeight() >= height - 1e-6) {
                    s = still;
                    zoom = 1;
                    move = Shot.Move.STATIC;
                    strength = 0;
                }
            }
            // The whole group is one framing: as wide as the faces need, whatever size was asked for.
            return new Want(w.layout(), w.subjects(), Shot.Size.WIDE, move, strength, w.grade(), s * zoom);
        }

        /** Two actors cut out of their photos, side by side, faces the same size. */
        private Want twoShot(Want w, List<CastMember> who) {
            double zoom = ShotScale.maxZoom(w.move(), w.strength());
            double[][] f = faces(who);
            double[] fit = ShotScale.twoShot(f[0], f[1], f[2], photoHeights(who), width, height,
                    ShotScale.MAX_UPSCALE / zoom);
            double s = Math.max(fit[0] / f[1][0], fit[0] / f[1][1]);
            return new Want(w.layout(), w.subjects(), w.size(), w.move(), w.strength(), w.grade(), s * zoom);
        }

        /**
         * Whether two actors of two photos can share a two-shot: a landscape frame, one person in each photo, and
         * both bodies reaching the frame's bottom edge at a matching head size (else the compositor would show a
         * split screen, as it warns).
         */
        private boolean canShareTwoShot(CastMember a, CastMember b, double limit) {
            if (width < height || a.face().isEmpty() || b.face().isEmpty() || a.faces().size() > 1
                    || b.faces().size() > 1) {
                return false;
            }
            List<CastMember> who = List.of(a, b);
            double[][] f = faces(who);
            return ShotScale.ungrounded(f[0], f[1], f[2], photoHeights(who), width, height, limit) < 0;
        }

        /** {widths, heights, eye lines} of both faces. */
        private static double[][] faces(List<CastMember> who) {
            double[][] out = new double[3][2];
            for (int i = 0; i < 2; i++) {
                FaceArea f = who.get(i).face().orElseThrow();
                out[0][i] = f.width();
                out[1][i] = f.height();
                out[2][i] = f.eyeLine();
            }
            return out;
        }

        private static int[] photoHeights(List<CastMember> who) {
            return new int[] {who.get(0).photoHeight(), who.get(1).photoHeight()};
        }
    }

    /** Rain falling in the heading's light: at night it stays night. */
    static Grade wet(Grade light) {
        boolean night = light.look() == Grade.Look.NIGHT || light.look() == Grade.Look.NIGHT_RAIN;
        return Grade.of(night ? Grade.Look.NIGHT_RAIN : Grade.Look.RAIN, 0.8);
    }

    /** The light a scene heading asks for. */
    static Grade headingGrade(SceneHeading h) {
        String text = h.text().toUpperCase(Locale.ROOT);
        String time = h.timeOfDay().toUpperCase(Locale.ROOT);
        boolean night = time.matches(".*\\b(NIGHT|EVENING|MIDNIGHT|DUSK|LATE)\\b.*");
        if (rainy(text)) {
            return Grade.of(night ? Grade.Look.NIGHT_RAIN : Grade.Look.RAIN, 0.8);
        }
        if (night) {
            return Grade.of(Grade.Look.NIGHT, 0.8);
        }
        if (time.matches(".*\\b(DAWN|SUNSET|SUNRISE|GOLDEN HOUR|MAGIC HOUR)\\b.*")) {
            return Grade.of(Grade.Look.WARM, 0.6);
        }
        if (h.exterior() && time.matches(".*\\b(DAY|MORNING|NOON|AFTERNOON)\\b.*")) {
            return Grade.of(Grade.Look.WARM, 0.3);
        }
        return Grade.NEUTRAL;
    }

    static boolean rainy(String text) {
        return text.toLowerCase(Locale.ROOT).matches(".*\\b(rain\\w*|storm\\w*|drizzle|downpour|thunder\\w*)\\b.*");
    }

    /** Emotional tint: joy and tenderness warm the light, sadness and fear cool it. */
    static double warmth(Emotion emotion, double intensity) {
        double w = switch (emotion) {
            case JOY -> 1.0;
            case TENDERNESS -> 0.7;
            case ANGER -> 0.4;
            case SADNESS -> -1.0;
            case FEAR -> -0.7;
            case DISGUST -> -0.3;
            case NEUTRAL, SURPRISE -> 0.0;
        };
        return Math.round(w * intensity * 100) / 100.0;
    }
}
