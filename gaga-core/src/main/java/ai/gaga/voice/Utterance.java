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
 * @param words   when each word is heard, in text order; empty when the engine timed none (a line spoken by
 *                {@link LineSpeaker} always has them, estimated from the phones where needed)
 */
public record Utterance(PcmAudio audio, List<PhoneTiming> phones, String engine, VisemeTrack visemes,
                        List<WordTiming> words) {
    public Utterance {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(visemes, "visemes");
        phones = List.copyOf(phones);
        words = List.copyOf(Objects.requireNonNull(words, "words"));
    }

    /** An utterance without word timings. */
    public Utterance(PcmAudio audio, List<PhoneTiming> phones, String engine, VisemeTrack visemes) {
        this(audio, phones, engine, visemes, List.of());
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
        return new Utterance(audio, phones, engine, track, words);
    }

    /** The same speech with other word timings. */
    public Utterance withWords(List<WordTiming> newWords) {
        return new Utterance(audio, phones, engine, visemes, newWords);
    }

    /**
     * When the character at {@code offset} of the spoken {@code text} is heard: the start of the word it begins or
     * falls in (the next word's start for an offset between words), when the word timings match the text's words;
     * otherwise the same fraction of the audio as of the text. 0 for offset 0, the end for the text's end.
     */
    public double timeOf(String text, int offset) {
        Objects.requireNonNull(text, "text");
        if (offset <= 0 || text.isEmpty()) {
            return 0;
        }
        if (offset >= text.length()) {
            return durationSeconds();
        }
        List<String> textWords = WordTiming.words(text);
        if (words.size() == textWords.size() && !words.isEmpty()) {
            // the index of the word at or after offset: words that start before it, less one if offset is inside
            int index = 0;
            int i = 0;
            while (i < text.length()) {
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i >= text.length() || i >= offset) {
                    break;
                }
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                if (offset < end) {
                    return words.get(index).start(); // inside this word
                }
                index++;
                i = end;
            }
            return index < words.size() ? words.get(index).start() : durationSeconds();
        }
        return durationSeconds() * offset / text.length();
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
