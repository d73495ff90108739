package ai.gaga.script;

import ai.gaga.scene.ActionCue;
import ai.gaga.scene.Beat;
import ai.gaga.scene.CameraCue;
import ai.gaga.scene.Line;
import ai.gaga.scene.LineStart;
import ai.gaga.scene.Pause;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneElement;
import ai.gaga.scene.SceneHeading;
import ai.gaga.scene.SoundCue;
import ai.gaga.scene.TagCue;
import ai.gaga.scene.TransitionCue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes a scene as Fountain-lite script text (see {@link ai.gaga.scene.Scene#toScriptText()} for what a script cannot
 * carry and what reads back as markup). One element per block, blocks apart by a blank line.
 */
public final class ScriptWriter {
    private static final Pattern PLAIN_CUE = Pattern.compile("[\\p{Lu}\\p{Nd}][\\p{Lu}\\p{Nd} '.#-]*");

    /** The script text of a scene. */
    public String write(Scene scene) {
        List<String> blocks = new ArrayList<>();
        for (SceneElement e : scene.elements()) {
            blocks.add(block(e));
        }
        return String.join("\n\n", blocks) + "\n";
    }

    private static String block(SceneElement e) {
        if (e instanceof Line line) {
            return line(line);
        } else if (e instanceof Pause p) {
            return "[pause " + Durations.format(p.duration()) + "]";
        } else if (e instanceof SceneHeading h) {
            return h.text();
        } else if (e instanceof TransitionCue t) {
            return t.text();
        } else if (e instanceof SoundCue s) {
            return "[" + s.kind().tag() + ": " + s.description() + "]";
        } else if (e instanceof CameraCue c) {
            return "[camera: " + c.camera().scriptName() + "]";
        } else if (e instanceof ActionCue a) {
            return "[action: " + a.text() + "]";
        } else if (e instanceof TagCue t) {
            return t.toScript();
        }
        throw new IllegalArgumentException("Unknown element " + e);
    }

    private static String line(Line line) {
        StringBuilder sb = new StringBuilder();
        String upper = line.actor().toUpperCase(Locale.ROOT);
        boolean plainCue = PLAIN_CUE.matcher(upper).matches() && upper.length() <= 40
                && !upper.matches("(INT|EXT|EST|I/E)[.\\s].*");
        sb.append(plainCue ? upper : "@" + line.actor());
        LineStart s = line.start();
        if (s.kind() == LineStart.Kind.OVERLAP) {
            sb.append(" ^");
        }
        sb.append('\n');
        String paren = Directions.format(line.emotion(), line.intensity(), line.delivery(), line.emotionGiven(),
                line.deliveryGiven());
        if (!paren.isEmpty()) {
            sb.append('(').append(paren).append(")\n");
        }
        switch (s.kind()) {
            case AT -> sb.append("[at ").append(Durations.format(s.offset())).append("] ");
            case AFTER -> sb.append("[at +").append(Durations.format(s.offset())).append("] ");
            case OVERLAP -> {
                if (!s.offset().isZero()) {
                    sb.append("[at +").append(Durations.format(s.offset())).append("] ");
                }
            }
            default -> {
            }
        }
        sb.append(withBeats(line));
        return sb.toString();
    }

    /** The line's text (or SSML markup) with its beats written as tags at their offsets. */
    private static String withBeats(Line line) {
        String text = line.text();
        String source = line.hasMarkup() ? line.markup() : text;
        StringBuilder sb = new StringBuilder();
        int plainPos = 0;
        int i = 0;
        int b = 0;
        List<Beat> beats = line.beats();
        while (true) {
            while (b < beats.size() && beats.get(b).at() == plainPos) {
                Beat beat = beats.get(b++);
                if (plainPos == text.length() && plainPos > 0) {
                    sb.append(' ');
                }
                sb.append(tag(beat));
                if (plainPos == 0 || Character.isWhitespace(text.charAt(plainPos - 1))) {
                    sb.append(' ');
                }
            }
            if (i >= source.length()) {
                break;
            }
            if (source.charAt(i) == '<') {
                int end = source.indexOf('>', i);
                sb.append(source, i, end + 1);
                i = end + 1;
                continue;
            }
            char c = source.charAt(i++);
            if (Character.isWhitespace(c) && sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                plainPos++;
                continue;
            }
            sb.append(c);
            plainPos++;
        }
        return sb.toString().strip();
    }

    private static String tag(Beat beat) {
        return switch (beat.kind()) {
            case PAUSE -> "[pause " + Durations.format(beat.duration()) + "]";
            case LAUGH -> "[laughs]";
            case SIGH -> "[sighs]";
        };
    }
}
