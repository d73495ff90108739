package ai.gaga.sound.design;

import ai.gaga.InvalidSceneException;
import ai.gaga.audio.LoudnessNormalizer;
import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.Resampler;
import ai.gaga.scene.Actor;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneHeading;
import ai.gaga.scene.SoundCue;
import ai.gaga.sound.SoundDesigner;
import ai.gaga.sound.ambience.Ambience;
import ai.gaga.sound.ambience.AmbienceGenerator;
import ai.gaga.sound.effects.EffectSynthesizer;
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
import java.util.List;
import java.util.Locale;

/**
 * The soundtrack of a scene: dialogue on top (actors placed slightly apart in stereo), the score when the scene asks
 * for music ({@code [music: melancholic]}: that mood, then following the lines' emotions at their turns), ambience
 * from {@code [ambience: rain]} or a scene heading that names one ({@code EXT. STREET - NIGHT - RAIN}), effects from
 * {@code [sfx: door]} at their place; music and ambience ducked under speech; the master normalised to -16 LUFS with
 * a -1.5 dBTP ceiling by FFmpeg's loudnorm. Seeded by the scene. Thread-safe.
 */
public final class SceneSoundDesigner implements SoundDesigner {
    public static final String ID = "scene";
    /** Levels of the beds before ducking, relative to their generated peak of 0.5. */
    static final double MUSIC_DB = -10;
    static final double AMBIENCE_DB = -14;
    static final double EFFECT_DB = -4;
    private static final int RATE = PcmAudio.STANDARD_RATE;

    private final ScoreGenerator score = new ScoreGenerator();
    private final AmbienceGenerator ambience = new AmbienceGenerator();
    private final EffectSynthesizer effects = new EffectSynthesizer();
    private final LoudnessNormalizer loudness = new LoudnessNormalizer();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public PcmAudio mix(Scene scene, Timeline timeline) {
        return mixStems(scene, timeline).master();
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
        music(scene, timeline).filter(arc -> duration - arc.start > 0.5).ifPresent(arc -> stems.add(new Stem(score.generate(arc.segments, duration - arc.start,
                scene.seed()), arc.start, MUSIC_DB, 0, Stem.Role.MUSIC)));
        for (TimedCue cue : timeline.cues()) {
            if (cue.element() instanceof SoundCue sound && cue.start() < duration) {
                long seed = scene.seed() + Math.round(cue.start() * 1000);
                switch (sound.kind()) {
                    case AMBIENCE -> stems.add(new Stem(ambience.generate(parse(sound, Ambience::parse),
                            duration - cue.start(), seed), cue.start(), AMBIENCE_DB, 0, Stem.Role.AMBIENCE));
                    case SFX -> stems.add(new Stem(effects.synthesize(parse(sound, SoundEffect::parse), seed),
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

    private record Arc(double start, List<MoodSegment> segments) {
    }

    /** Music starts at the first music cue; later music cues and emotional turns of the lines change its mood. */
    private static java.util.Optional<Arc> music(Scene scene, Timeline timeline) {
        List<TimedCue> cues = timeline.cues().stream()
                .filter(c -> c.element() instanceof SoundCue s && s.kind() == SoundCue.Kind.MUSIC).toList();
        if (cues.isEmpty()) {
            return java.util.Optional.empty();
        }
        double start = cues.get(0).start();
        List<MoodSegment> segments = new ArrayList<>();
        for (TimedCue c : cues) {
            segments.add(new MoodSegment(c.start() - start, parse((SoundCue) c.element(), Mood::parse)));
        }
        for (TimelineEntry e : timeline.entries()) {
            if (e.start() > start && e.line().emotion() != Emotion.NEUTRAL && e.line().intensity() >= 0.4) {
                segments.add(new MoodSegment(e.start() - start, Mood.forEmotion(e.line().emotion())));
            }
        }
        return java.util.Optional.of(new Arc(start, segments));
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
