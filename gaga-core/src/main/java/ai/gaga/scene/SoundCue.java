package ai.gaga.scene;

import java.util.Locale;
import java.util.Objects;

/**
 * Music, ambience or a sound effect, starting where it stands in the scene: {@code [music: melancholic piano]},
 * {@code [ambience: rain]}, {@code [sfx: door slams]}. A description that names an audio file
 * ({@code [music: theme.mp3]}, {@code [sfx: sounds/door.wav]}) plays that file instead of generated sound; see
 * {@link #file()}.
 *
 * @param kind        which layer of the soundtrack
 * @param description what it should sound like, in the user's words
 */
public record SoundCue(Kind kind, String description) implements Cue {
    /** Soundtrack layer. */
    public enum Kind {
        MUSIC, AMBIENCE, SFX;

        /** The tag name in a script: {@code music}, {@code ambience}, {@code sfx}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SoundCue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new IllegalArgumentException(kind.tag() + " needs a description, e.g. [" + kind.tag() + ": rain]");
        }
        description = description.strip();
    }

    /** File name endings that make a description an audio file rather than words. */
    private static final java.util.Set<String> AUDIO_EXTENSIONS = java.util.Set.of("wav", "mp3", "flac", "ogg", "oga",
            "opus", "m4a", "aac", "aif", "aiff", "aifc", "wma", "webm", "mka", "mp2", "mpga", "ac3", "amr", "au", "caf",
            "wv", "ape", "m4b", "mp4", "mov", "mkv", "3gp"); // FFmpeg reads the sound of video files too

    /** A cue that plays a user's audio file (any format FFmpeg reads). */
    public static SoundCue file(Kind kind, java.nio.file.Path file) {
        Objects.requireNonNull(file, "file");
        return new SoundCue(kind, file.toString());
    }

    /**
     * Whether the description looks like a file name that is not a sound file GAGA reads ({@code photo.jpg},
     * {@code /music/theme}): for the error that says so, rather than "unknown mood".
     */
    public boolean looksLikeAnotherFile() {
        if (file().isPresent()) {
            return false;
        }
        return description.indexOf('/') >= 0 || description.indexOf('\\') >= 0
                || description.matches(".*\\.[A-Za-z0-9]{2,5}");
    }

    /** The audio file this cue plays, when its description names one by its extension ({@code theme.mp3}). */
    public java.util.Optional<java.nio.file.Path> file() {
        int dot = description.lastIndexOf('.');
        if (dot < 0 || dot == description.length() - 1) {
            return java.util.Optional.empty();
        }
        String ext = description.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!AUDIO_EXTENSIONS.contains(ext)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.nio.file.Path.of(description));
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }

    /** This cue with a relative audio file resolved against {@code dir} (a script's folder); others unchanged. */
    public SoundCue resolveAgainst(java.nio.file.Path dir) {
        return file().filter(f -> !f.isAbsolute() && dir != null)
                .map(f -> new SoundCue(kind, dir.resolve(f).normalize().toString())).orElse(this);
    }
}
