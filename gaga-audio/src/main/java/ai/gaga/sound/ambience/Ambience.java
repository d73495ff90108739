package ai.gaga.sound.ambience;

import ai.gaga.audio.processing.NameMatch;

/** Procedural background beds, by the names scripts use ({@code [ambience: rain]}). */
public enum Ambience {
    RAIN_LIGHT("rain", "light rain", "drizzle"),
    RAIN_HEAVY("heavy rain", "storm", "downpour"),
    WIND("wind", "windy"),
    CITY("city", "street", "traffic"),
    CAFE("cafe", "café", "crowd", "restaurant", "bar"),
    NIGHT("night", "insects", "crickets"),
    SEA("sea", "ocean", "waves", "beach");

    private final String[] names;

    Ambience(String... names) {
        this.names = names;
    }

    /** Finds a bed by name (case-insensitive; the longest matching name wins: "heavy rain" before "rain"). */
    public static Ambience parse(String text) {
        return NameMatch.longest(Ambience.class, e -> e.names, text, "ambience");
    }
}
