package ai.gaga.sound.design;

import ai.gaga.InvalidSceneException;
import ai.gaga.audio.processing.LoudnessNormalizer;
import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.processing.Resampler;
import ai.gaga.scene.Actor;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneHeading;
import ai.gaga.scene.SoundCue;
import ai.gaga.sound.SoundDesigner;
import ai.gaga.sound.Soundtrack;
import ai.gaga.sound.ambience.Ambience;
import ai.gaga.sound.ambience.AmbienceGenerator;
import ai.gaga.sound.effects.EffectSynthesizer;
import ai.gaga.sound.files.AudioBed;
import ai.gaga.sound.effects.SoundEffect;
import ai.gaga.sound.mix.Mix;
import ai.gaga.sound.mix.SoundMixer;
import ai.gaga.sound.mix.Stem;
import ai.gaga.sound.music.Mood;
import ai.gaga.sound.music.MoodSegment;
import ai.gaga.sound.music.ScoreGenerator;
import ai.gaga.timeline.TimedCue;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/**
 * The soundtrack of a scene: dialogue on top (actors placed slightly apart in stereo), the score when the scene asks
 * for music ({@code [music: melancholic]}: that mood, then following the lines' emotions at their turns, inside a line
 * too where its emotion arc turns), ambience from {@code [ambience: rain]} or a scene heading that names one
 * ({@code EXT. STREET - NIGHT - RAIN}), effects from {@code [sfx: door]} at their place; music and ambience ducked
 * under speech; the master brought to the loudness target (-16 LUFS by default, true peak at most -1.5 dBTP) as
 * measured by FFmpeg's ebur128. A cue naming an audio file ({@code [music: theme.mp3]}, {@code [ambience: rain.ogg]},
 * {@code [sfx: door.wav]}) plays the user's recording instead. Seeded by the scene. Thread-safe.
 */
public final class SceneSoundDesigner implements SoundDesigner {
    public static final String ID = "scene";
    /** Levels of the beds before ducking, relative to their generated peak of 0.5. */
    static final double MUSIC_DB = -10;
    static final double AMBIENCE_DB = -14;
    static final double EFFECT_DB = -4;
    /** The least intensity of a line's emotion (or of a turn inside it) that turns the score's mood. */
    static final double TURN_INTENSITY = 0.4;
    private static final int RATE = PcmAudio.STANDARD_RATE;

    private final ScoreGenerator score = new ScoreGenerator();
    private final AmbienceGenerator ambience = new AmbienceGenerator();
    private final EffectSynthesizer effects = new EffectSynthesizer();
    private final LoudnessNormalizer loudness;

    /** A designer mastering to the default -16 LUFS. */
    public SceneSoundDesigner() {
        this(LoudnessNormalizer.DEFAULT_LUFS);
    }

    /** A designer mastering to {@code lufs} integrated loudness (true peak at most -1.5 dBTP before encoding). */
    public SceneSoundDesigner(double lufs) {
        this.loudness = new LoudnessNormalizer(lufs, LoudnessNormalizer.DEFAULT_TRUE_PEAK);
    }

    @Override
    public String id() {
        return ID;
    }

    /** The mixed soundtrack of a scene's timeline (see {@link #design(Scene, Timeline)}). */
    public PcmAudio mix(Scene scene, Timeline timeline) {
        return mixStems(scene, timeline).master();
    }

    @Override
    public Soundtrack design(ai.gaga.RenderPlan plan) {
        return design(plan.scene(), plan.timeline());
    }

    /** The soundtrack of a scene's timeline, with its dialogue, music and effects stems. */
    public Soundtrack design(Scene scene, Timeline timeline) {
        Mix mix = mixStems(scene, timeline);
        Map<String, PcmAudio> stems = new LinkedHashMap<>();
        stems.put("dialogue", mix.dialogue());
        stems.put("music", mix.music());
        stems.put("effects", mix.effects());
        return new Soundtrack(mix.master(), stems);
    }

    /** The mix with its stems (dialogue, music, effects), loudness-normalised together. */
    public Mix mixStems(Scene scene, Timeline timeline) {
        double duration = timeline.durationSeconds();
        List<Stem> stems = new ArrayList<>();
        List<Actor> actors = scene.actors();
        for (TimelineEntry e : timeline.entries()) {
            int index = indexOf(actors, e.line().actor());
            double pan = actors.size() < 2 ? 0 : -0.25 + 0.5 * index / (actors.size() - 1);
            PcmAudio voice = Resampler.resample(e.utterance().audio(), RATE);
            stems.add(new Stem(voice, e.start(), 0, pan, Stem.Role.DIALOGUE));
        }
        music(stems, timeline, scene.seed());
        for (TimedCue cue : timeline.cues()) {
            if (cue.element() instanceof SoundCue sound && cue.start() < duration) {
                long seed = scene.seed() + Math.round(cue.start() * 1000);
                switch (sound.kind()) {
                    case AMBIENCE -> stems.add(new Stem(sound.file().isPresent()
                            ? AudioBed.fromFile(sound.file().get(), duration - cue.start(), 1.5)
                            : ambience.generate(parse(sound, Ambience::parse), duration - cue.start(), seed),
                            cue.start(), AMBIENCE_DB, 0, Stem.Role.AMBIENCE));
                    case SFX -> stems.add(new Stem(sound.file().isPresent() ? AudioBed.oneShot(sound.file().get())
                            : effects.synthesize(parse(sound, SoundEffect::parse), seed),
                            cue.start(), EFFECT_DB, 0, Stem.Role.EFFECT));
                    case MUSIC -> { } // handled as the score above
                }
            } else if (cue.element() instanceof SceneHeading heading && !hasAmbienceCue(scene)) {
                headingAmbience(heading).ifPresent(kind -> stems.add(new Stem(ambience.generate(kind,
                        duration - cue.start(), scene.seed()), cue.start(), AMBIENCE_DB, 0, Stem.Role.AMBIENCE)));
            }
        }
        Mix mix = new SoundMixer(RATE).mix(stems, duration);
        return normalise(mix);
    }

    /** One gain for master and stems, so the stems still sum to the master. */
    private Mix normalise(Mix mix) {
        PcmAudio master = loudness.normalize(mix.master());
        double before = mix.master().rms();
        if (before == 0) {
            return mix;
        }
        float gain = (float) (master.rms() / before);
        return new Mix(master, scaled(mix.dialogue(), gain), scaled(mix.music(), gain), scaled(mix.effects(), gain));
    }

    private static PcmAudio scaled(PcmAudio a, float gain) {
        float[] s = a.samples().clone();
        for (int i = 0; i < s.length; i++) {
            s[i] *= gain;
        }
        return new PcmAudio(s, a.sampleRate(), a.channels());
    }

    /**
     * The music stems: each {@code [music: …]} cue plays until the next one. A cue naming a file plays the user's
     * recording, looped or trimmed to its span; a run of mood cues is one generated piece whose mood follows those cues
     * and the lines' emotional turns inside the run, ending musically where the run ends.
     */
    private void music(List<Stem> stems, Timeline timeline, long seed) {
        double duration = timeline.durationSeconds();
        List<TimedCue> cues = timeline.cues().stream()
                .filter(c -> c.element() instanceof SoundCue s && s.kind() == SoundCue.Kind.MUSIC
                        && c.start() < duration).toList();
        int i = 0;
        while (i < cues.size()) {
            SoundCue cue = (SoundCue) cues.get(i).element();
            double start = cues.get(i).start();
            if (cue.file().isPresent()) {
                double end = i + 1 < cues.size() ? cues.get(i + 1).start() : duration;
                if (end - start > 0.1) {
                    stems.add(new Stem(AudioBed.fromFile(cue.file().get(), end - start, end < duration ? 1.0 : 2.5),
                            start, MUSIC_DB, 0, Stem.Role.MUSIC));
                }
                i++;
                continue;
            }
            int j = i;
            List<MoodSegment> segments = new ArrayList<>();
            while (j < cues.size() && ((SoundCue) cues.get(j).element()).file().isEmpty()) {
                segments.add(new MoodSegment(cues.get(j).start() - start,
                        parse((SoundCue) cues.get(j).element(), Mood::parse)));
                j++;
            }
            double end = j < cues.size() ? cues.get(j).start() : duration;
            segments.addAll(lineMoods(timeline, start, end));
            if (end - start > 0.5) {
                stems.add(new Stem(score.generate(segments, end - start, seed), start, MUSIC_DB, 0,
                        Stem.Role.MUSIC));
            }
            i = j;
        }
    }

    /**
     * Where the lines turn the score inside a run of mood cues from {@code start} to {@code end} (clip seconds):
     * at each line that starts there with a strong enough emotion ({@link #TURN_INTENSITY}), and at each turn of a
     * line's {@link ai.gaga.scene.EmotionArc arc} to a strong enough emotion, when the turn is heard
     * ({@link ai.gaga.voice.Utterance#timeOf}). Segment starts are relative to {@code start}.
     */
    static List<MoodSegment> lineMoods(Timeline timeline, double start, double end) {
        List<MoodSegment> out = new ArrayList<>();
        for (TimelineEntry e : timeline.entries()) {
            Line line = e.line();
            List<EmotionArc.Segment> arc = line.arc().segments();
            boolean turns = arc.stream().map(EmotionArc.Segment::emotion).distinct().count() > 1;
            if (!turns) {
                moodAt(out, e.start(), line.emotion(), line.intensity(), start, end);
                continue;
            }
            Emotion previous = null;
            for (EmotionArc.Segment s : arc) {
                if (s.emotion() != previous) {
                    double at = e.start() + (previous == null ? 0 : e.utterance().timeOf(line.text(), s.start()));
                    moodAt(out, at, s.emotion(), s.intensity(), start, end);
                }
                previous = s.emotion();
            }
        }
        return out;
    }

    private static void moodAt(List<MoodSegment> out, double at, Emotion emotion, double intensity, double start,
                               double end) {
        if (at > start && at < end && emotion != Emotion.NEUTRAL && intensity >= TURN_INTENSITY) {
            out.add(new MoodSegment(at - start, Mood.forEmotion(emotion)));
        }
    }

    private static boolean hasAmbienceCue(Scene scene) {
        return scene.cues().stream().anyMatch(c -> c instanceof SoundCue s && s.kind() == SoundCue.Kind.AMBIENCE);
    }

    private static java.util.Optional<Ambience> headingAmbience(SceneHeading heading) {
        String text = heading.text().toLowerCase(Locale.ROOT);
        for (String word : new String[] {"heavy rain", "storm", "rain", "sea", "beach", "cafe", "café", "street",
                "city"}) {
            if (text.contains(word)) {
                return java.util.Optional.of(Ambience.parse(word));
            }
        }
        return java.util.Optional.empty();
    }

    private static <T> T parse(SoundCue cue, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(cue.description());
        } catch (IllegalArgumentException e) {
            if (cue.looksLikeAnotherFile()) { // seen: music(Path.of("song.xyz")) said "Unknown mood '…/song.xyz'"
                throw new InvalidSceneException("[" + cue.kind().tag() + ": " + cue.description() + "]: not a sound "
                        + "file GAGA plays (it goes by the name's ending: .wav, .mp3, .flac, .ogg, .m4a, .aac, .mp4 "
                        + "and the like), nor a description in words");
            }
            throw new InvalidSceneException("[" + cue.kind().tag() + ": " + cue.description() + "]: " + e.getMessage());
        }
    }

    private static int indexOf(List<Actor> actors, String name) {
        for (int i = 0; i < actors.size(); i++) {
            if (actors.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return 0;
    }
}
