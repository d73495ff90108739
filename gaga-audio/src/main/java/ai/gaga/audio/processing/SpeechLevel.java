package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.SpeechLoudness;

import java.util.Arrays;

/**
 * Brings a synthetic voice's line to one speech level and takes out the vocoder's glitches on the way.
 *
 * <p>Some voices (MaryTTS) scale each line so that its loudest sample reaches full scale. Where the vocoder glitches
 * (MaryTTS's HMM vocoder starts "I am so sorry." with a 25 ms burst of noise at full scale), that scaling leaves the
 * speech itself 20 dB down: in a dialogue that line is barely heard, every line that follows it sounds too loud, the
 * burst is a click, and the mouth, which opens with the voice's loudness relative to its loud parts, barely moves.
 * Even without a glitch, peak scaling lets lines' levels wander by several decibels.
 *
 * <p>The speech level is the 90th percentile of the line's 10 ms RMS values that are above a tenth of its 95th
 * percentile (the loud syllables, whatever a few frames of burst do). A phrase left far under the rest of its line is
 * raised (see {@link #level}); any 10 ms louder than {@value #MAX_OVER_LEVEL} times the level is brought down to it,
 * and noise (over {@value #NOISE_CROSSINGS} zero crossings a second) in the line's first {@value #ONSET_SECONDS} s to
 * {@value #ONSET_NOISE} of it, the level of a breath; the gain eases over neighbouring frames, so there is no step.
 * Then the whole line is scaled so that its speech level is the target, with {@link Gain}'s soft knee where peaks
 * would pass full scale. Silence passes unchanged. Stateless.
 */
public final class SpeechLevel {
    /** Level of a line's loud syllables (10 ms RMS) after {@link #level}: what MaryTTS's normal lines have. */
    public static final double TARGET = 0.25;
    /** Loudest 10 ms a line may have over its speech level; louder is a glitch, not speech (speech reaches ~2.3). */
    static final double MAX_OVER_LEVEL = 2.5;
    private static final double FRAME_SECONDS = 0.01;
    /** A pause between phrases: this long under {@value #PAUSE_LEVEL} of the line's speech level (-40 dB). */
    static final double PAUSE_SECONDS = 0.15;
    static final double PAUSE_LEVEL = 0.01;
    /** A phrase whose own speech level is under this share of the line's (-6 dB) is raised to it. */
    static final double QUIET_PHRASE = 0.5;
    /** The most a quiet phrase is raised (+30 dB). */
    static final double MAX_LIFT = 30;
    /** How long a line's onset is: the vocoder's start-up bursts lie within it. */
    static final double ONSET_SECONDS = 0.05;
    /** Zero crossings per second above which a frame is noise (a burst, a sibilant), not a vowel (~1000). */
    static final double NOISE_CROSSINGS = 3000;
    /** The most noise a line's onset keeps, over its speech level: a breath (vowel onsets measured 0.01-0.06). */
    static final double ONSET_NOISE = 0.25;
    /** Below this speech level (about -80 dBFS) a line is taken as silence and left alone. */
    private static final double SILENCE = 1e-4;

    private SpeechLevel() {
    }

    /**
     * The speech level of a line: the 90th percentile of its 10 ms RMS values above a tenth of their 95th
     * percentile; 0 for silence.
     */
    public static double of(PcmAudio audio) {
        return level(frameRms(audio));
    }

    /**
     * {@code audio} with its glitches limited, a phrase more than 6 dB under its line raised to -6 dB, and its speech
     * level at {@code target}; silence unchanged.
     */
    public static PcmAudio level(PcmAudio audio, double target) {
        if (!(target > 0) || target > 1) {
            throw new IllegalArgumentException("Target level must be in (0, 1], got " + target);
        }
        double[] rms = frameRms(audio);
        double level = level(rms);
        if (level < SILENCE) {
            return audio;
        }
        int frame = frameLength(audio);
        int n = rms.length;
        double[] gain = new double[n];
        Arrays.fill(gain, 1);
        liftQuietPhrases(rms, level, gain);
        int onset = (int) Math.ceil(ONSET_SECONDS / FRAME_SECONDS);
        for (int k = 0; k < n; k++) {
            double out = rms[k] * gain[k];
            if (out > MAX_OVER_LEVEL * level) {
                gain[k] = MAX_OVER_LEVEL * level / rms[k];
            }
            // A line opens with a breath, not a crackle: noise in its first moments is kept soft.
            if (k < onset && out > ONSET_NOISE * level
                    && crossingsPerSecond(audio, k * frame, Math.min(audio.frames(), (k + 1) * frame))
                    > NOISE_CROSSINGS) {
                gain[k] = Math.min(gain[k], ONSET_NOISE * level / rms[k]);
            }
        }
        // A frame's limit also holds over its neighbours, so the gain has eased down before a burst begins.
        double[] eased = new double[n];
        for (int k = 0; k < n; k++) {
            double g = gain[k];
            if (k > 0) {
                g = Math.min(g, gain[k - 1]);
            }
            if (k + 1 < n) {
                g = Math.min(g, gain[k + 1]);
            }
            eased[k] = g;
        }
        double scale = target / level;
        float[] in = audio.samples();
        float[] out = new float[in.length];
        int ch = audio.channels();
        int frames = audio.frames();
        for (int i = 0; i < frames; i++) {
            // Linear between frame centres.
            double pos = (i + 0.5) / frame - 0.5;
            int k0 = (int) Math.floor(pos);
            double t = pos - k0;
            double g0 = eased[Math.max(0, Math.min(n - 1, k0))];
            double g1 = eased[Math.max(0, Math.min(n - 1, k0 + 1))];
            double g = (g0 + (g1 - g0) * t) * scale;
            for (int c = 0; c < ch; c++) {
                out[i * ch + c] = (float) Gain.softLimit(in[i * ch + c] * g);
            }
        }
        return new PcmAudio(out, audio.sampleRate(), ch);
    }

    /**
     * Raises each phrase (a stretch between pauses of {@value #PAUSE_SECONDS} s or more) whose own speech level is
     * under {@value #QUIET_PHRASE} of the line's to {@value #QUIET_PHRASE} of it, at most {@value #MAX_LIFT} times;
     * the pauses keep their gain. Mary voiced "I am so sorry." in "I am so sorry. I did not mean it." 20 dB under the
     * second sentence; its phrases otherwise lie within 6 dB of each other.
     */
    private static void liftQuietPhrases(double[] rms, double level, double[] gain) {
        int n = rms.length;
        int pause = (int) Math.round(PAUSE_SECONDS / FRAME_SECONDS);
        int k = 0;
        while (k < n) {
            while (k < n && rms[k] < PAUSE_LEVEL * level) {
                k++;
            }
            if (k >= n) {
                break;
            }
            int start = k;
            int end = k; // last sounding frame
            int quiet = 0;
            while (k < n && quiet < pause) {
                if (rms[k] < PAUSE_LEVEL * level) {
                    quiet++;
                } else {
                    quiet = 0;
                    end = k;
                }
                k++;
            }
            double phrase = level(Arrays.copyOfRange(rms, start, end + 1));
            if (phrase > 0 && phrase < QUIET_PHRASE * level) {
                double lift = Math.min(MAX_LIFT, QUIET_PHRASE * level / phrase);
                for (int f = start; f <= end; f++) {
                    gain[f] *= lift;
                }
            }
        }
    }

    /** Zero crossings per second of the first channel over frames {@code [from, to)}. */
    private static double crossingsPerSecond(PcmAudio audio, int from, int to) {
        float[] s = audio.samples();
        int ch = audio.channels();
        int z = 0;
        for (int i = Math.max(1, from); i < to; i++) {
            if ((s[i * ch] >= 0) != (s[(i - 1) * ch] >= 0)) {
                z++;
            }
        }
        return to > from ? z * (double) audio.sampleRate() / (to - from) : 0;
    }

    /**
     * {@code audio} scaled by one gain so that its speech level is {@code target} (a soft knee where peaks would pass
     * full scale), nothing else changed: for a person's recording, whose level depends on the microphone but whose
     * dynamics are the performance. Silence unchanged.
     */
    public static PcmAudio scaled(PcmAudio audio, double target) {
        if (!(target > 0) || target > 1) {
            throw new IllegalArgumentException("Target level must be in (0, 1], got " + target);
        }
        double level = of(audio);
        return level < SILENCE ? audio : Gain.apply(audio, target / level);
    }

    private static int frameLength(PcmAudio audio) {
        return Math.max(1, (int) Math.round(FRAME_SECONDS * audio.sampleRate()));
    }

    /** RMS over all channels of consecutive 10 ms frames (the last one partial). */
    private static double[] frameRms(PcmAudio audio) {
        int frame = frameLength(audio);
        int frames = audio.frames();
        int ch = audio.channels();
        float[] s = audio.samples();
        int n = (frames + frame - 1) / frame;
        double[] rms = new double[n];
        for (int k = 0; k < n; k++) {
            int from = k * frame;
            int to = Math.min(frames, from + frame);
            double sum = 0;
            for (int i = from * ch; i < to * ch; i++) {
                sum += s[i] * (double) s[i];
            }
            rms[k] = Math.sqrt(sum / ((to - from) * ch));
        }
        return rms;
    }

    private static double level(double[] rms) {
        return SpeechLoudness.reference(rms, SILENCE);
    }
}
