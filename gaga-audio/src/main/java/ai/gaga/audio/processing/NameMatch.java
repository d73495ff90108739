package ai.gaga.audio.processing;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds the sound a user's words name ({@code [ambience: heavy rain]}, {@code [sfx: door slams]}): each constant has
 * a few names; the longest name contained in the text wins, so "heavy rain" beats "rain". The error lists the first
 * name of every constant.
 */
public final class NameMatch {
    private NameMatch() {
    }

    public static <E extends Enum<E>> E longest(Class<E> type, Function<E, String[]> names, String text, String what) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        E best = null;
        int bestLength = -1;
        for (E e : type.getEnumConstants()) {
            for (String n : names.apply(e)) {
                if (t.contains(n) && n.length() > bestLength) {
                    best = e;
                    bestLength = n.length();
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("Unknown " + what + " '" + text + "'. Known: "
                    + Arrays.stream(type.getEnumConstants()).map(e -> names.apply(e)[0]).toList());
        }
        return best;
    }
}
