package ai.gaga.scene;

import java.time.Duration;
import java.util.Objects;

/** Silence between lines: the actors keep breathing and blinking. */
public record Pause(Duration duration) implements SceneElement {
    public Pause {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Pause must be positive, got " + duration);
        }
    }
}
