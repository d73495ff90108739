package ai.gaga.sound.effects;

import ai.gaga.audio.processing.NameMatch;

/** One-shot effects by the names scripts use ({@code [sfx: door]}). */
public enum SoundEffect {
    THUNDER(4.0, "thunder"),
    DOOR(0.9, "door", "door slam", "knock"),
    FOOTSTEPS(2.5, "footsteps", "steps", "walking"),
    PHONE_RING(3.0, "phone", "phone ring", "ringing"),
    GLASS(1.2, "glass", "glass breaks", "shatter"),
    HEARTBEAT(3.0, "heartbeat", "heart");

    private final double seconds;
    private final String[] names;

    SoundEffect(double seconds, String... names) {
        this.seconds = seconds;
        this.names = names;
    }

    /** Natural length of the effect. */
    public double seconds() {
        return seconds;
    }

    /** Finds an effect by name (case-insensitive, longest match wins); the error lists the known names. */
    public static SoundEffect parse(String text) {
        return NameMatch.longest(SoundEffect.class, e -> e.names, text, "sound effect");
    }
}
