package ai.gaga.sound.ambience;

import java.util.Arrays;
import java.util.Locale;

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
        String t = text.trim().toLowerCase(Locale.ROOT);
        Ambience best = null;
        int bestLength = -1;
        for (Ambience a : values()) {
            for (String n : a.names) {
                if (t.contains(n) && n.length() > bestLength) {
                    best = a;
                    bestLength = n.length();
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("Unknown ambience '" + text + "'. Known: "
                    + Arrays.stream(values()).map(a -> a.names[0]).toList());
        }
        return best;
    }
}
