package ai.gaga.sound.dialogue;

import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.processing.Resampler;
import ai.gaga.scene.Scene;
import ai.gaga.sound.SoundDesigner;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialogue-only soundtrack: each spoken line placed at its start time, centred in stereo, with short fades at its
 * edges and the whole mix kept below -1 dBFS. (Music, effects and loudness normalisation come later.)
 *
 * <p>Stateless and thread-safe.
 */
public final class DialogueSoundDesigner implements SoundDesigner {
    /** Id of this designer, as registered by {@link DialogueSoundDesignerFactory}. */
    public static final String ID = "dialogue";
    /** Fade length at each edge of a line: long enough to avoid a click, too short to hear as a fade. */
    static final double FADE_SECONDS = 0.005;
    /** -1 dBFS: headroom for the AAC encoder, whose output can overshoot the input's peaks. */
    static final float PEAK_CEILING = 0.891f;

    private static final Logger LOG = LoggerFactory.getLogger(DialogueSoundDesigner.class);
    private static final int RATE = PcmAudio.STANDARD_RATE;

    @Override
    public String id() {
        return ID;
    }

    /** Stereo at {@link PcmAudio#STANDARD_RATE}, exactly {@link Timeline#durationSeconds()} long (to the sample). */
    @Override
    public ai.gaga.sound.Soundtrack design(ai.gaga.RenderPlan plan) {
        return new ai.gaga.sound.Soundtrack(mix(plan.scene(), plan.timeline()), java.util.Map.of());
    }

    /** The dialogue of a scene's timeline, centred. */
    public PcmAudio mix(Scene scene, Timeline timeline) {
        int frames = Math.toIntExact(Math.round(timeline.durationSeconds() * RATE));
        float[] out = new float[frames * 2];
        for (TimelineEntry entry : timeline.entries()) {
            float[] voice = monoAtStandardRate(entry.utterance().audio());
            fadeEdges(voice);
            int start = Math.toIntExact(Math.round(entry.start() * RATE));
            int end = Math.min(frames, start + voice.length);
            // Centred: the same signal at the same gain in both channels (lines overlapping later simply add up).
            for (int f = start; f < end; f++) {
                float s = voice[f - start];
                out[2 * f] += s;
                out[2 * f + 1] += s;
            }
        }
        limitPeak(out);
        return new PcmAudio(out, RATE, 2);
    }

    /** Utterances are mono at the standard rate by contract; a plug-in engine that slips is converted, not rejected. */
    private static float[] monoAtStandardRate(PcmAudio audio) {
        PcmAudio a = Resampler.resample(audio, RATE);
        if (a.channels() == 1) {
            return a.samples().clone();
        }
        float[] mono = new float[a.frames()];
        for (int f = 0; f < mono.length; f++) {
            mono[f] = (a.samples()[2 * f] + a.samples()[2 * f + 1]) / 2;
        }
        return mono;
    }

    /** Raised-cosine fade-in and fade-out: a line that starts or stops mid-waveform would click. */
    static void fadeEdges(float[] samples) {
        int fade = Math.min((int) Math.round(FADE_SECONDS * RATE), samples.length / 2);
        for (int i = 0; i < fade; i++) {
            float gain = (float) (0.5 - 0.5 * Math.cos(Math.PI * (i + 0.5) / fade));
            samples[i] *= gain;
            samples[samples.length - 1 - i] *= gain;
        }
    }

    /** Scales the whole mix down (never up) so that no sample exceeds {@link #PEAK_CEILING}. */
    private static void limitPeak(float[] samples) {
        float peak = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        if (peak > PEAK_CEILING) {
            float gain = PEAK_CEILING / peak;
            for (int i = 0; i < samples.length; i++) {
                samples[i] *= gain;
            }
            LOG.debug("Dialogue peak {} scaled by {} to stay under -1 dBFS", peak, gain);
        }
    }
}
