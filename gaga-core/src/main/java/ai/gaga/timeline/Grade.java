package ai.gaga.timeline;

import java.util.Locale;
import java.util.Objects;

/**
 * The colour grade (lighting look) of a shot: a base look with its strength, plus an emotional warmth tint.
 *
 * @param look      the base look, from the scene heading and the weather
 * @param intensity how strongly the look applies, 0..1 (0 leaves the picture as shot)
 * @param warmth    emotional tint on top of the look, -1 (cool: sadness, fear) .. +1 (warm: joy, tenderness)
 */
public record Grade(Look look, double intensity, double warmth) {
    /** The picture as shot. */
    public static final Grade NEUTRAL = new Grade(Look.NEUTRAL, 0, 0);

    /** Base looks. */
    public enum Look {
        /** Unchanged colours. */
        NEUTRAL,
        /** Golden daylight: red up, blue down. */
        WARM,
        /** Overcast or clinical: blue up, red down. */
        COOL,
        /** Dark, blue and with crushed blacks. */
        NIGHT,
        /** Wet contrast, cool and a little dark, with falling rain drawn over the picture. */
        RAIN,
        /** Rain at night: the night's darkness with the wet look's contrast, and falling rain. */
        NIGHT_RAIN;

        /** The lower-case name used in the JSON plan. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Grade {
        Objects.requireNonNull(look, "look");
        if (!(intensity >= 0 && intensity <= 1)) {
            throw new IllegalArgumentException("Grade intensity must be within 0..1, got " + intensity);
        }
        if (!(warmth >= -1 && warmth <= 1)) {
            throw new IllegalArgumentException("Grade warmth must be within -1..1, got " + warmth);
        }
        if (look == Look.NEUTRAL) {
            intensity = 0; // one spelling per meaning: a neutral look has no strength
        }
    }

    /** A look at this strength, without emotional tint. */
    public static Grade of(Look look, double intensity) {
        return new Grade(look, intensity, 0);
    }

    /** The same look with another emotional tint. */
    public Grade withWarmth(double newWarmth) {
        return new Grade(look, intensity, newWarmth);
    }

    /** Whether the grade leaves every pixel unchanged. */
    public boolean isIdentity() {
        return (look == Look.NEUTRAL || intensity == 0) && warmth == 0;
    }

    /** Whether rain falls in the picture. */
    public boolean raining() {
        return (look == Look.RAIN || look == Look.NIGHT_RAIN) && intensity > 0;
    }
}
