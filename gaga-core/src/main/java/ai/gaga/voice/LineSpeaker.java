package ai.gaga.voice;

import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Beat;
import ai.gaga.scene.Line;
import ai.gaga.scene.Voice;
import ai.gaga.voice.viseme.OculusViseme;
import ai.gaga.voice.viseme.Viseme;
import ai.gaga.voice.viseme.VisemeTrack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Speaks a whole line, honouring the pauses inside it ({@code [pause 600ms]}, SSML breaks, {@code …}): the text is
 * cut at each pause, every piece is spoken with the line's emotion and delivery, and the pieces are joined with
 * silence of the pause's length, phone timings shifted to match. Works with any {@link SpeechEngine}.
 */
public final class LineSpeaker {
    private LineSpeaker() {
    }

    /** The line's speech in the voice; audio mono at {@link PcmAudio#STANDARD_RATE} like every engine's. */
    public static Utterance speak(SpeechEngine engine, Line line, Voice voice) {
        List<Beat> pauses = new ArrayList<>(line.pauses());
        pauses.sort(Comparator.comparingInt(Beat::at));
        if (pauses.isEmpty()) {
            return engine.synthesize(request(line, line.text(), voice));
        }
        List<float[]> pieces = new ArrayList<>();
        List<PhoneTiming> phones = new ArrayList<>();
        List<Viseme> visemes = new ArrayList<>();
        int rate = PcmAudio.STANDARD_RATE;
        long frames = 0;
        int from = 0;
        for (int i = 0; i <= pauses.size(); i++) {
            int to = i < pauses.size() ? Math.min(pauses.get(i).at(), line.text().length()) : line.text().length();
            String piece = line.text().substring(Math.min(from, to), to).strip();
            if (!piece.isEmpty() && piece.codePoints().anyMatch(Character::isLetterOrDigit)) {
                Utterance u = engine.synthesize(request(line, piece, voice));
                if (u.audio().channels() != 1 || u.audio().sampleRate() != rate) {
                    throw new IllegalStateException("Engine " + engine.id() + " broke the contract: "
                            + u.audio() + " instead of mono " + rate + " Hz");
                }
                double offset = frames / (double) rate;
                u.phones().forEach(p -> phones.add(new PhoneTiming(p.phone(), p.start() + offset, p.end() + offset)));
                visemes.addAll(Utterance.shifted(u.visemes(), offset));
                pieces.add(u.audio().samples());
                frames += u.audio().frames();
            }
            if (i < pauses.size()) {
                int silence = (int) Math.round(pauses.get(i).duration().toNanos() / 1e9 * rate);
                double start = frames / (double) rate;
                phones.add(new PhoneTiming("_", start, start + silence / (double) rate));
                pieces.add(new float[silence]);
                frames += silence;
            }
            from = to;
        }
        float[] audio = new float[Math.toIntExact(frames)];
        int at = 0;
        for (float[] p : pieces) {
            System.arraycopy(p, 0, audio, at, p.length);
            at += p.length;
        }
        // Pauses are silence: VisemeTrack.of fills every gap between the pieces' tracks with SIL.
        double total = frames / (double) rate;
        visemes.add(new Viseme(OculusViseme.SIL, total, total));
        return new Utterance(new PcmAudio(audio, rate, 1), phones, engine.id(), VisemeTrack.of(visemes));
    }

    private static SpeechRequest request(Line line, String text, Voice voice) {
        return new SpeechRequest(text, voice, line.emotion(), line.intensity(), line.delivery());
    }
}
