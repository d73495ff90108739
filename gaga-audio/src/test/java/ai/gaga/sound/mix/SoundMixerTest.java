package ai.gaga.sound.mix;

import ai.gaga.audio.PcmAudio;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoundMixerTest {
    private static final int RATE = PcmAudio.STANDARD_RATE;

    /** 1 s of a 220 Hz "voice" at the given level. */
    private static PcmAudio voice(double seconds, double level) {
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (level * Math.sin(2 * Math.PI * 220 * i / RATE));
        }
        return new PcmAudio(x, RATE, 1);
    }

    /** A steady stereo bed (two detuned tones). */
    private static PcmAudio bed(double seconds, double level) {
        float[] x = new float[(int) (seconds * RATE) * 2];
        for (int i = 0; i < x.length / 2; i++) {
            x[2 * i] = (float) (level * Math.sin(2 * Math.PI * 523 * i / RATE));
            x[2 * i + 1] = (float) (level * Math.sin(2 * Math.PI * 527 * i / RATE));
        }
        return new PcmAudio(x, RATE, 2);
    }

    @Test
    void musicDucksUnderSpeechAndComesBackInThePause() {
        SoundMixer mixer = new SoundMixer(RATE);
        Mix mix = mixer.mix(List.of(
                new Stem(voice(2, 0.3), 1, 0, 0, Stem.Role.DIALOGUE),
                new Stem(voice(1.5, 0.3), 5, 0, 0, Stem.Role.DIALOGUE),
                new Stem(bed(8, 0.2), 0, 0, 0, Stem.Role.MUSIC)), 8);
        double before = rms(mix.music(), 0.2, 0.9);
        double during = rms(mix.music(), 1.5, 2.9);
        double pause = rms(mix.music(), 4.2, 4.9);
        double speech = rms(mix.dialogue(), 1.5, 2.9);
        double duckDb = 20 * Math.log10(before / during);
        assertEquals(SoundMixer.DUCK_DB, duckDb, 1.0, "ducking depth");
        assertTrue(20 * Math.log10(speech / during) >= 10, "music at least 10 dB under dialogue");
        assertTrue(pause > before * 0.8, "the pause breathes: music back up " + pause + " vs " + before);
        // smooth: no sample-to-sample gain jump bigger than 1 % of the range
        float[] g = mixer.duckGain(mix.dialogue().samples(), mix.master().frames());
        for (int i = 1; i < g.length; i++) {
            assertTrue(Math.abs(g[i] - g[i - 1]) < 0.01, "gain step at " + i);
        }
    }

    @Test
    void effectsAreNotDuckedButAmbienceIs() {
        Mix mix = new SoundMixer(RATE).mix(List.of(
                new Stem(voice(3, 0.3), 0, 0, 0, Stem.Role.DIALOGUE),
                new Stem(bed(3, 0.1), 0, 0, 0, Stem.Role.AMBIENCE)), 3);
        Mix withEffect = new SoundMixer(RATE).mix(List.of(
                new Stem(voice(3, 0.3), 0, 0, 0, Stem.Role.DIALOGUE),
                new Stem(bed(3, 0.1), 0, 0, 0, Stem.Role.EFFECT)), 3);
        assertTrue(rms(mix.effects(), 1, 2.5) < rms(withEffect.effects(), 1, 2.5) / 3);
    }

    @Test
    void monoSourcesArePannedAndTheMasterStaysUnderMinusOneDbfs() {
        Mix mix = new SoundMixer(RATE).mix(List.of(
                new Stem(voice(1, 0.9), 0, 0, -0.5, Stem.Role.DIALOGUE),
                new Stem(voice(1, 0.9), 0, 0, 0.5, Stem.Role.DIALOGUE)), 1);
        assertTrue(mix.master().peak() <= 0.8913f);
        Mix left = new SoundMixer(RATE).mix(List.of(new Stem(voice(1, 0.3), 0, 0, -0.5, Stem.Role.DIALOGUE)), 1);
        assertTrue(channelRms(left.master(), 0) > 2 * channelRms(left.master(), 1), "panned left");
        assertEquals(RATE, left.master().frames());
    }

    static double rms(PcmAudio a, double from, double to) {
        float[] s = a.samples();
        int i0 = (int) (from * RATE) * 2;
        int i1 = Math.min(s.length, (int) (to * RATE) * 2);
        double sum = 0;
        for (int i = i0; i < i1; i++) {
            sum += s[i] * (double) s[i];
        }
        return Math.sqrt(sum / Math.max(1, i1 - i0));
    }

    static double channelRms(PcmAudio a, int ch) {
        float[] s = a.samples();
        double sum = 0;
        for (int i = ch; i < s.length; i += 2) {
            sum += s[i] * (double) s[i];
        }
        return Math.sqrt(sum / a.frames());
    }
}
