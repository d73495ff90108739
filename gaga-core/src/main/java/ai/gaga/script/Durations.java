package ai.gaga.script;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Script spellings of durations: {@code 600ms}, {@code 1.5s}. Exact (decimal), so that writing and reading agree. */
final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /** The duration, or empty when the text is not a non-negative number followed by ms or s. */
    static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(m.group(1));
        int exponent = m.group(2).equalsIgnoreCase("ms") ? 6 : 9;
        BigDecimal nanos = value.movePointRight(exponent);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact()));
    }

    /** {@code 600ms} below one second in whole milliseconds, otherwise seconds: {@code 1.5s}, {@code 12s}. */
    static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000 == 0 && nanos < 1_000_000_000L) {
            return (nanos / 1_000_000) + "ms";
        }
        return BigDecimal.valueOf(nanos).movePointLeft(9).stripTrailingZeros().toPlainString() + "s";
    }

    /** Seconds with two decimals for messages. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
