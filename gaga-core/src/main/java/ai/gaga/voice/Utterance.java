package ai.gaga.voice;

import ai.gaga.audio.PcmAudio;
import ai.gaga.voice.viseme.Viseme;
import ai.gaga.voice.viseme.VisemeMapper;
import ai.gaga.voice.viseme.VisemeTrack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A spoken line: its audio, when each phone is heard and the mouth shapes that follow from them (what lip sync
 * follows).
 *
 * @param audio   mono PCM at {@link PcmAudio#STANDARD_RATE}
 * @param phones  phone timeline in order, covering the audio
 * @param engine  id of the engine that spoke it
 * @param visemes the mouth shapes over the whole audio, contiguous from 0 to its end
 */
public record Utterance(PcmAudio audio, List<PhoneTiming> phones, String engine, VisemeTrack visemes) {
    public Utterance {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(visemes, "visemes");
        phones = List.copyOf(phones);
    }

    /**
     * An utterance whose viseme track is derived from its phones with the engine's phone alphabet
     * ({@link VisemeMapper#forEngine}), padded with silence to the end of the audio.
     */
    public Utterance(PcmAudio audio, List<PhoneTiming> phones, String engine) {
        this(audio, phones, engine, derive(audio, phones, engine));
    }

    public double durationSeconds() {
        return audio.durationSeconds();
    }

    /** The same speech with another viseme track (e.g. one derived from the audio itself). */
    public Utterance withVisemes(VisemeTrack track) {
        return new Utterance(audio, phones, engine, track);
    }

    private static VisemeTrack derive(PcmAudio audio, List<PhoneTiming> phones, String engine) {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(engine, "engine");
        List<PhoneTiming> all = new ArrayList<>(phones);
        double end = all.isEmpty() ? 0 : all.get(all.size() - 1).end();
        if (end < audio.durationSeconds()) {
            all.add(new PhoneTiming("_", end, audio.durationSeconds()));
        }
        return VisemeMapper.forEngine(engine).track(all);
    }

    /** Viseme spans shifted by {@code offset} seconds (used when utterances are joined). */
    static List<Viseme> shifted(VisemeTrack track, double offset) {
        List<Viseme> out = new ArrayList<>(track.visemes().size());
        for (Viseme v : track.visemes()) {
            out.add(new Viseme(v.shape(), v.start() + offset, v.end() + offset));
        }
        return out;
    }
}
