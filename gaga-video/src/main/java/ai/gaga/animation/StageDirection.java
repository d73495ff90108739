package ai.gaga.animation;

import ai.gaga.scene.ActionCue;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code [action: …]} cue asks of one actor's face: where to look, a nod, a smile or a frown. Reads plain
 * English directions such as "MAYA looks away", "MAYA looks down at her hands", "LEO looks at MAYA", "MAYA nods",
 * "LEO smiles".
 *
 * @param kind   the movement
 * @param target for {@link Kind#LOOK_AT}: the word after "at" (an actor's name, "camera"…), else empty
 */
record StageDirection(Kind kind, String target) {
    private static final Pattern LOOK_AT_PATTERN = Pattern.compile(
            "\\b(?:looks?|glances?|stares?|turns?) (?:back )?(?:at|to|towards|toward) (?:the )?([\\p{L}\\p{N}_'-]+)");

    /** The movements the animator performs. */
    enum Kind { LOOK_AWAY, LOOK_DOWN, LOOK_UP, LOOK_LEFT, LOOK_RIGHT, LOOK_AT, NOD, SMILE, FROWN }

    /** Whether this direction moves the eyes. */
    boolean looks() {
        return kind.name().startsWith("LOOK");
    }

    /** The direction if the cue names this actor and asks for something the face does; empty otherwise. */
    static Optional<StageDirection> parse(ActionCue cue, String actor) {
        String text = cue.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String name = actor.toLowerCase(Locale.ROOT).trim();
        if (!text.startsWith(name + " ") && !text.startsWith(name + ",")) {
            return Optional.empty();
        }
        String rest = text.substring(name.length()).trim();
        if (rest.matches("(?s).*\\b(looks?|turns?|glances?|stares?) away\\b.*") || rest.contains("averts")) {
            return Optional.of(new StageDirection(Kind.LOOK_AWAY, ""));
        }
        if (rest.matches("(?s).*\\b(looks?|glances?|stares?) down\\b.*") || rest.contains("lowers")) {
            return Optional.of(new StageDirection(Kind.LOOK_DOWN, ""));
        }
        if (rest.matches("(?s).*\\b(looks?|glances?|stares?) up\\b.*") || rest.contains("raises her eyes")
                || rest.contains("raises his eyes")) {
            return Optional.of(new StageDirection(Kind.LOOK_UP, ""));
        }
        if (rest.matches("(?s).*\\b(looks?|glances?|turns?) left\\b.*")) {
            return Optional.of(new StageDirection(Kind.LOOK_LEFT, ""));
        }
        if (rest.matches("(?s).*\\b(looks?|glances?|turns?) right\\b.*")) {
            return Optional.of(new StageDirection(Kind.LOOK_RIGHT, ""));
        }
        Matcher at = LOOK_AT_PATTERN.matcher(rest);
        if (at.find()) {
            return Optional.of(new StageDirection(Kind.LOOK_AT, at.group(1)));
        }
        if (rest.matches("(?s).*\\bnods?\\b.*")) {
            return Optional.of(new StageDirection(Kind.NOD, ""));
        }
        if (rest.matches("(?s).*\\b(smiles?|grins?|beams?)\\b.*")) {
            return Optional.of(new StageDirection(Kind.SMILE, ""));
        }
        if (rest.matches("(?s).*\\b(frowns?|scowls?)\\b.*")) {
            return Optional.of(new StageDirection(Kind.FROWN, ""));
        }
        return Optional.empty();
    }
}
