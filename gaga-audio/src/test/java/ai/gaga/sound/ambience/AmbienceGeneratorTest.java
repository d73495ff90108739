package ai.gaga.sound.ambience;

import ai.gaga.audio.PcmAudio;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmbienceGeneratorTest {
    private static final Logger LOG = LoggerFactory.getLogger(AmbienceGeneratorTest.class);
    private final AmbienceGenerator generator = new AmbienceGenerator();

    @Test
    void everyBedIsAudibleStereoExactAndRepeatable() {
        for (Ambience kind : Ambience.values()) {
            PcmAudio a = generator.generate(kind, 5, 4);
            assertEquals(2, a.channels(), kind.name());
            assertEquals(5 * PcmAudio.STANDARD_RATE, a.frames(), kind.name());
            assertEquals(AmbienceGenerator.PEAK, a.peak(), 1e-4, kind.name());
            assertTrue(rms(a, 0) > 0.02, kind + " audible: " + rms(a, 0));
            assertArrayEquals(a.samples(), generator.generate(kind, 5, 4).samples(), kind.name());
            assertTrue(Math.abs(correlation(a)) < 0.9, kind + " channels decorrelated: " + correlation(a));
        }
    }

    @Test
    void rainIsBrightCityIsLowAndHeavyRainRumbles() {
        double rain = lowFraction(generator.generate(Ambience.RAIN_LIGHT, 4, 1));
        double city = lowFraction(generator.generate(Ambience.CITY, 4, 1));
        double heavy = lowFraction(generator.generate(Ambience.RAIN_HEAVY, 4, 1));
        LOG.info("energy below 250 Hz: rain {}, heavy rain {}, city {}", rain, heavy, city);
        assertTrue(rain < 0.1, "rain is a bright hiss: " + rain);
        assertTrue(city > 0.5, "city is a low rumble: " + city);
        assertTrue(heavy > 2 * rain, "heavy rain carries low rumble: " + heavy + " vs " + rain);
    }

    @Test
    void namesFromScriptsParse() {
        assertEquals(Ambience.RAIN_LIGHT, Ambience.parse("rain"));
        assertEquals(Ambience.RAIN_HEAVY, Ambience.parse("Heavy rain"));
        assertEquals(Ambience.CAFE, Ambience.parse("busy café"));
        assertEquals(Ambience.SEA, Ambience.parse("waves"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ambience.parse("jungle"));
        assertTrue(e.getMessage().contains("rain") && e.getMessage().contains("sea"), e.getMessage());
    }

    @Test
    void aMinuteOfRainIsFast() {
        long t0 = System.nanoTime();
        PcmAudio a = generator.generate(Ambience.RAIN_HEAVY, 60, 2);
        LOG.info("60 s of heavy rain in {} s", String.format(Locale.ROOT, "%.2f", (System.nanoTime() - t0) / 1e9));
        assertEquals(60 * PcmAudio.STANDARD_RATE, a.frames());
    }

    static double rms(PcmAudio a, int channel) {
        double sum = 0;
        float[] s = a.samples();
        for (int i = channel; i < s.length; i += 2) {
            sum += s[i] * (double) s[i];
        }
        return Math.sqrt(sum / a.frames());
    }

    static double correlation(PcmAudio a) {
        float[] s = a.samples();
        double lr = 0;
        double ll = 0;
        double rr = 0;
        for (int i = 0; i < s.length; i += 2) {
            lr += s[i] * (double) s[i + 1];
            ll += s[i] * (double) s[i];
            rr += s[i + 1] * (double) s[i + 1];
        }
        return lr / Math.sqrt(ll * rr);
    }

    /** Share of the energy below ~250 Hz (two one-pole low-passes), left channel. */
    static double lowFraction(PcmAudio a) {
        float[] s = a.samples();
        double k = 1 - Math.exp(-2 * Math.PI * 250 / a.sampleRate());
        double y1 = 0;
        double y2 = 0;
        double low = 0;
        double all = 0;
        for (int i = 0; i < s.length; i += 2) {
            y1 += k * (s[i] - y1);
            y2 += k * (y1 - y2);
            low += y2 * y2;
            all += s[i] * (double) s[i];
        }
        return low / all;
    }
}
