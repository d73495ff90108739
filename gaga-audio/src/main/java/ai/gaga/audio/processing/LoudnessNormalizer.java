package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;



/**
 * Brings a finished mix to a loudness target (EBU R128: integrated loudness in LUFS, true-peak ceiling in dBTP) the
 * way a mastering engineer would, in two or more linear passes rather than with a dynamic normaliser:
 * <ol>
 * <li>measure the mix with FFmpeg's {@code ebur128} filter ({@link LoudnessMeter});</li>
 * <li>apply the one gain that reaches the target; if that would push the true peak over the ceiling, FFmpeg's
 * look-ahead {@code alimiter} (latency-compensated, so nothing moves in time) shaves the few peaks first;</li>
 * <li>measure again and correct what is left (limiting lowers loudness a little), at most a few times.</li>
 * </ol>
 * A single static gain keeps the mix's dynamics and lands within a few tenths of a LU, also on short clips, where
 * FFmpeg's one-pass dynamic {@code loudnorm} misses by more than 1 LU. The output has exactly the input's length and
 * channels; silence stays silence.
 */
public final class LoudnessNormalizer {
    /** Streaming platforms' common target. */
    public static final double DEFAULT_LUFS = -16;
    /** Ceiling with margin for the AAC encoder's overshoot, so the file stays at or under -1 dBTP. */
    public static final double DEFAULT_TRUE_PEAK = -1.5;
    /** How close to the target a pass must land to stop. */
    static final double TOLERANCE_LU = 0.2;
    private static final int MAX_PASSES = 4;

    private final double lufs;
    private final double truePeak;

    /**
     * A normaliser to {@code lufs} integrated loudness (-70..-5) with true peaks at or under {@code truePeak} dBTP
     * (-9..0).
     */
    public LoudnessNormalizer(double lufs, double truePeak) {
        if (!(lufs <= -5 && lufs >= -70) || !(truePeak <= 0 && truePeak >= -9)) {
            throw new IllegalArgumentException("Loudness target out of range: " + lufs + " LUFS (-70..-5), "
                    + truePeak + " dBTP (-9..0)");
        }
        this.lufs = lufs;
        this.truePeak = truePeak;
    }

    public LoudnessNormalizer() {
        this(DEFAULT_LUFS, DEFAULT_TRUE_PEAK);
    }

    /** The target integrated loudness in LUFS. */
    public double targetLufs() {
        return lufs;
    }

    public PcmAudio normalize(PcmAudio in) {
        if (in.peak() == 0) {
            return in;
        }
        LoudnessMeter.Loudness measured = LoudnessMeter.measure(in);
        if (measured.integrated() < -69) {
            // Below the absolute gate: nothing R128 counts as programme (near-silence); leave it alone.
            return in;
        }
        double gainDb = lufs - measured.integrated();
        double limitDb = Double.NaN; // no limiter until the peaks need one
        PcmAudio out = in;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (measured.truePeak() + gainDb > truePeak && Double.isNaN(limitDb)) {
                limitDb = truePeak - 0.5; // sample-peak limiter below the true-peak ceiling: inter-sample overs
            }
            out = apply(in, gainDb, limitDb);
            LoudnessMeter.Loudness got = LoudnessMeter.measure(out);
            boolean loudOk = Math.abs(got.integrated() - lufs) <= TOLERANCE_LU;
            boolean peakOk = got.truePeak() <= truePeak;
            if (loudOk && peakOk) {
                return out;
            }
            if (!peakOk) {
                limitDb = (Double.isNaN(limitDb) ? truePeak - 0.5 : limitDb) - (got.truePeak() - truePeak) - 0.2;
            }
            gainDb += lufs - got.integrated();
        }
        return out;
    }

    /** The input times a gain, through a look-ahead limiter when {@code limitDb} is a number. */
    private static PcmAudio apply(PcmAudio in, double gainDb, double limitDb) {
        double gain = Math.pow(10, gainDb / 20);
        if (Double.isNaN(limitDb)) {
            float[] src = in.samples();
            float[] dst = new float[src.length];
            for (int i = 0; i < src.length; i++) {
                dst[i] = (float) (src[i] * gain);
            }
            return new PcmAudio(dst, in.sampleRate(), in.channels());
        }
        // alimiter's limit is 0.0625..1 (linear); level=0 keeps it from re-normalising, latency=1 removes its delay.
        double limit = Math.max(0.0625, Math.min(1, Math.pow(10, limitDb / 20)));
        String graph = String.format(java.util.Locale.ROOT,
                "volume=%.6f:precision=float,alimiter=limit=%.6f:attack=5:release=50:level=0:latency=1,"
                        + "aformat=sample_fmts=flt", gain, limit);
        return AudioFilterGraph.run(in, graph, true, "Loudness normalisation");
    }
}
