package ai.gaga.sound.mix;

import ai.gaga.audio.PcmAudio;

import java.util.List;

/**
 * Mixes dialogue, music, ambience and effects into one stereo track: dialogue on top; music and ambience ducked under
 * speech with a smooth side-chain (fast attack, slow release, so pauses breathe); mono sources panned; master kept
 * under -1 dBFS. Loudness normalisation to a LUFS target belongs to the encoder stage (FFmpeg's loudnorm). Thread-safe.
 */
public final class SoundMixer {
    /** How far music and ambience dip while someone speaks. */
    public static final double DUCK_DB = 12;
    static final double ATTACK_SECONDS = 0.08;
    static final double RELEASE_SECONDS = 0.6;
    /** Dialogue louder than this (RMS over 20 ms) counts as speech. */
    static final double SPEECH_THRESHOLD = 0.01;
    private static final float CEILING = 0.891f; // -1 dBFS

    private final int rate;

    public SoundMixer(int rate) {
        this.rate = rate;
    }

    public Mix mix(List<Stem> stems, double durationSeconds) {
        int frames = (int) Math.round(durationSeconds * rate);
        float[] dialogue = new float[frames * 2];
        float[] music = new float[frames * 2];
        float[] ambience = new float[frames * 2];
        float[] oneShots = new float[frames * 2];
        for (Stem s : stems) {
            if (s.audio().sampleRate() != rate) {
                throw new IllegalArgumentException("Stem at " + s.audio().sampleRate() + " Hz in a " + rate
                        + " Hz mix: resample it first");
            }
            place(s, switch (s.role()) {
                case DIALOGUE -> dialogue;
                case MUSIC -> music;
                case AMBIENCE -> ambience;
                case EFFECT -> oneShots;
            }, frames);
        }
        float[] duck = duckGain(dialogue, frames);
        float[] effects = new float[frames * 2];
        float[] master = new float[frames * 2];
        float peak = 0;
        for (int k = 0; k < master.length; k++) {
            float g = duck[k / 2];
            music[k] *= g;
            effects[k] = ambience[k] * g + oneShots[k];
            master[k] = dialogue[k] + music[k] + effects[k];
            peak = Math.max(peak, Math.abs(master[k]));
        }
        if (peak > CEILING) {
            float scale = CEILING / peak;
            for (float[] a : new float[][] {master, dialogue, music, effects}) {
                for (int k = 0; k < a.length; k++) {
                    a[k] *= scale;
                }
            }
        }
        return new Mix(stereo(master), stereo(dialogue), stereo(music), stereo(effects));
    }

    private PcmAudio stereo(float[] samples) {
        return new PcmAudio(samples, rate, 2);
    }

    private void place(Stem s, float[] target, int frames) {
        float gain = (float) Math.pow(10, s.gainDb() / 20);
        double angle = (s.pan() + 1) * Math.PI / 4;
        float gl = (float) (Math.cos(angle) * Math.sqrt(2)); // centre = unity in both channels
        float gr = (float) (Math.sin(angle) * Math.sqrt(2));
        float[] src = s.audio().samples();
        int ch = s.audio().channels();
        int start = (int) Math.round(s.start() * rate);
        int n = Math.min(s.audio().frames(), frames - start);
        for (int i = 0; i < n; i++) {
            int k = 2 * (start + i);
            if (ch == 1) {
                target[k] += src[i] * gain * gl;
                target[k + 1] += src[i] * gain * gr;
            } else {
                target[k] += src[2 * i] * gain;
                target[k + 1] += src[2 * i + 1] * gain;
            }
        }
    }

    /** Per-frame gain for ducked material: 1 in silence, -DUCK_DB while speaking, smoothed. */
    float[] duckGain(float[] dialogue, int frames) {
        int window = Math.max(1, rate / 50);
        float[] gain = new float[frames];
        double attack = Math.exp(-1.0 / (ATTACK_SECONDS * rate));
        double release = Math.exp(-1.0 / (RELEASE_SECONDS * rate));
        double floor = Math.pow(10, -DUCK_DB / 20);
        double energy = 0;
        double g = 1;
        for (int i = 0; i < frames; i++) {
            double v = (dialogue[2 * i] + dialogue[2 * i + 1]) * 0.5;
            energy += v * v;
            if (i >= window) {
                double old = (dialogue[2 * (i - window)] + dialogue[2 * (i - window) + 1]) * 0.5;
                energy -= old * old;
            }
            double rms = Math.sqrt(Math.max(0, energy) / window);
            double wanted = rms > SPEECH_THRESHOLD ? floor : 1;
            double coeff = wanted < g ? attack : release;
            g = wanted + (g - wanted) * coeff;
            gain[i] = (float) g;
        }
        return gain;
    }
}
