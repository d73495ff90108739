package ai.gaga.sound.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the notes of a score that follows a mood arc: bars of four beats in the current mood's key, tempo and
 * progression; a change of mood takes effect at the next bar line (musical, not abrupt); the last bar resolves on the
 * tonic of the final mood. Seeded: same arc, same notes.
 */
public final class Composer {
    /** Seconds the last chord rings while the music fades. */
    static final double FINAL_CHORD = 2.5;

    private Composer() {
    }

    /** The notes for a clip of {@code duration} seconds. */
    public static List<Note> compose(List<MoodSegment> arc, double duration, long seed) {
        if (arc.isEmpty()) {
            throw new IllegalArgumentException("A score needs at least one mood");
        }
        List<MoodSegment> segments = new ArrayList<>(arc);
        segments.sort(Comparator.comparingDouble(MoodSegment::start));
        SplittableRandom random = new SplittableRandom(seed);
        List<Note> notes = new ArrayList<>();
        double t = 0;
        int barInMood = 0;
        Mood current = moodAt(segments, 0);
        double end = Math.max(0, duration - FINAL_CHORD);
        while (t < end) {
            Mood mood = moodAt(segments, t);
            if (mood != current) {
                current = mood;
                barInMood = 0;
            }
            MoodProfile p = mood.profile();
            double bar = 4 * p.beatSeconds();
            int degree = p.progression()[barInMood % p.progression().length];
            bar(notes, p, degree, t, Math.min(bar, end - t + 0.001), random);
            t += bar;
            barInMood++;
        }
        // resolve: the tonic of the last mood, held through the fade-out
        MoodProfile last = moodAt(segments, duration).profile();
        double hold = Math.max(0.5, duration - t);
        for (int midi : last.scale().triad(last.rootMidi(), 0)) {
            notes.add(new Note(t, hold, midi - 12, 0.5, Instrument.PAD));
        }
        notes.add(new Note(t, hold, last.rootMidi() - 24, 0.6, Instrument.BASS));
        notes.add(new Note(t, hold, last.rootMidi() + 12, 0.45, last.pluck() ? Instrument.PLUCK : Instrument.PIANO));
        notes.removeIf(n -> n.start() >= duration);
        return List.copyOf(notes);
    }

    static Mood moodAt(List<MoodSegment> sorted, double t) {
        Mood mood = sorted.get(0).mood();
        for (MoodSegment s : sorted) {
            if (s.start() <= t + 1e-9) {
                mood = s.mood();
            }
        }
        return mood;
    }

    private static void bar(List<Note> notes, MoodProfile p, int degree, double t, double length, SplittableRandom r) {
        int[] chord = p.scale().triad(p.rootMidi(), degree);
        double beat = p.beatSeconds();
        if (p.pad()) {
            for (int midi : chord) {
                notes.add(new Note(t, length, midi - 12, 0.55, Instrument.PAD));
            }
        }
        // bass: root on beats 1 and 3
        for (int b = 0; b < 4; b += 2) {
            if (b * beat < length) {
                notes.add(new Note(t + b * beat, Math.min(2 * beat, length - b * beat), chord[0] - 24, 0.7,
                        Instrument.BASS));
            }
        }
        // arpeggio: density sets notes per beat (1..4); pattern walks the chord up and down
        int perBeat = 1 + (int) Math.round(p.density() * 3);
        double step = beat / perBeat;
        Instrument lead = p.pluck() ? Instrument.PLUCK : Instrument.PIANO;
        int index = r.nextInt(3);
        int direction = 1;
        for (double s = 0; s < length - 1e-6; s += step) {
            if (r.nextDouble() < 0.12 && s > 0) {
                continue; // an occasional rest keeps the pattern from sounding mechanical
            }
            int octave = index >= 3 ? 12 : 0;
            int midi = chord[index % 3] + 12 + octave;
            double accent = (Math.abs(s % beat) < 1e-6) ? 1.0 : 0.75;
            notes.add(new Note(t + s, step * 1.5, midi, (0.45 + 0.2 * r.nextDouble()) * accent, lead));
            index += direction;
            if (index >= 4 || index <= 0) {
                direction = -direction;
            }
        }
        if (p.percussion()) {
            for (int b = 0; b < 4; b++) {
                if (b * beat < length) {
                    if (b % 2 == 0) {
                        notes.add(new Note(t + b * beat, 0.3, 0, 0.8, Instrument.KICK));
                    }
                    notes.add(new Note(t + b * beat + beat / 2, 0.05, 0, 0.35 + 0.1 * r.nextDouble(), Instrument.HAT));
                }
            }
        }
    }
}
