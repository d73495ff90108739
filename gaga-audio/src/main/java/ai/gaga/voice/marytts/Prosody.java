package ai.gaga.voice.marytts;

import ai.gaga.voice.prosody.ProsodyShift;

import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.voice.SpeechRequest;

import java.util.Locale;

/**
 * How MaryTTS should colour one line: relative changes for MaryXML {@code <prosody>}, Mary audio effects, a gain and
 * an F0 tremor. A first, rule-of-thumb mapping (slower and lower for sadness, faster, higher and wider for joy and anger);
 * finer acting comes later.
 *
 * @param ratePercent  speaking rate change: {@code -20} makes the speech 20% longer, {@code +10} 10% shorter (see
 *                     {@link #tempo()}: it is applied to the audio, not by Mary)
 * @param pitchPercent mean pitch change
 * @param rangePercent pitch range change (how much the melody moves)
 * @param effects      Mary audio effects joined with {@code +}, or null for none
 * @param gain         level change applied after synthesis (Mary's {@code Volume} effect would clip, and print a
 *                     warning per clipped sample, when it makes the voice louder)
 * @param tremor       depth of the F0 tremor as a fraction of F0 (0 for none), see {@link F0Tremor}
 */
record Prosody(double ratePercent, double pitchPercent, double rangePercent, String effects, double gain,
                double tremor) {
    /** No change at all. */
    static final Prosody NEUTRAL = new Prosody(0, 0, 0, null, 1, 0);

    /** Keeps a combination of strong emotion and delivery within what the vocoder renders without artefacts. */
    Prosody {
        ratePercent = clamp(ratePercent, -50, 50);
        pitchPercent = clamp(pitchPercent, -40, 80);
        rangePercent = clamp(rangePercent, -80, 150);
        gain = clamp(gain, 0.05, 4);
        tremor = clamp(tremor, 0, 0.2);
    }

    /** The prosody for a request: its emotion scaled by intensity, plus its delivery. */
    static Prosody of(SpeechRequest request) {
        double k = clamp(request.intensity(), 0, 1);
        Prosody e = emotion(request.emotion());
        Prosody d = delivery(request.delivery(), k);
        return new Prosody(e.ratePercent * k + d.ratePercent, e.pitchPercent * k + d.pitchPercent,
                e.rangePercent * k + d.rangePercent, d.effects, d.gain, d.tremor);
    }

    /**
     * Rate, pitch and range changes of an emotion at full intensity ({@link ProsodyShift}, in percent). Mary's level
     * follows the delivery alone: the emotion's gain is not applied to it (as before the table was shared, so that
     * its renders stay as they were).
     */
    private static Prosody emotion(Emotion emotion) {
        ProsodyShift s = ProsodyShift.of(emotion);
        return s == ProsodyShift.NONE ? NEUTRAL : new Prosody(s.rate(), s.pitch(), s.range(), null, 1, 0);
    }

    /** What a delivery adds, independent of the emotion (except the tremor's depth). */
    private static Prosody delivery(Delivery delivery, double intensity) {
        ProsodyShift s = ProsodyShift.of(delivery);
        return switch (delivery) {
            case NORMAL -> NEUTRAL;
            // Mary has a whisper effect: it replaces the table's gain for engines without one
            case WHISPER -> new Prosody(s.rate(), s.pitch(), s.range(), "Whisper(amount:100.0)", 1, 0);
            // The HMM vocoder smooths F0, so about 60% of this depth is heard; the floor keeps it audible.
            case TREMBLING -> new Prosody(s.rate(), s.pitch(), s.range(), null, s.gain(),
                    0.08 + 0.06 * intensity);
            // Mary's <prosody volume> does nothing: loudness is a gain after synthesis (soft-limited, see Gain).
            case SOFT, SHOUT -> new Prosody(s.rate(), s.pitch(), s.range(), null, s.gain(), 0);
        };
    }

    /** Whether a {@code <prosody>} element would change anything (the rate is not Mary's: see {@link #tempo()}). */
    boolean changesPitch() {
        return pitchPercent != 0 || rangePercent != 0;
    }

    /**
     * How many times as fast as Mary's natural rate the speech is played: {@code 1 / (1 - rate/100)}, so that the
     * audio lasts {@code 1 - rate/100} of its natural length (Mary's reading of a rate). The rate is applied to the
     * audio rather than asked of Mary because Mary's vocoder renders a changed rate state by state, with rounding
     * that makes the audio up to 5% longer than the durations it planned (measured); at its natural rate the audio
     * matches them to a few milliseconds, so the length of the speech is known before the vocoder runs.
     */
    double tempo() {
        return 1 / (1 - ratePercent / 100);
    }

    /** MaryXML/SSML relative value in whole percent, e.g. {@code +12%} (Mary's parser wants integers). */
    static String percent(double value) {
        return String.format(Locale.ROOT, "%+d%%", Math.round(value));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** For log lines. */
    @Override
    public String toString() {
        return "rate " + percent(ratePercent) + ", pitch " + percent(pitchPercent) + ", range " + percent(rangePercent)
                + (effects == null ? "" : ", effects " + effects) + (gain != 1 ? ", gain " + gain : "")
                + (tremor > 0 ? String.format(Locale.ROOT, ", tremor %.2f", tremor) : "");
    }
}
