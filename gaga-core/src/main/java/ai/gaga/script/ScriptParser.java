package ai.gaga.script;

import ai.gaga.ScriptException;
import ai.gaga.scene.ActionCue;
import ai.gaga.scene.Beat;
import ai.gaga.scene.Camera;
import ai.gaga.scene.CameraCue;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import ai.gaga.scene.Line;
import ai.gaga.scene.LineStart;
import ai.gaga.scene.Pause;
import ai.gaga.scene.SceneElement;
import ai.gaga.scene.SceneHeading;
import ai.gaga.scene.SoundCue;
import ai.gaga.scene.TagCue;
import ai.gaga.scene.TransitionCue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Fountain-lite script syntax (shared/DESIGN.md): scene headings, character cues ({@code ^} = overlaps the
 * previous line, {@code @Name} for names without upper case), chat-style lines ({@code MAYA: Hello there.}: the cue
 * and its line on one line), parentheticals, bracket tags, transitions, SSML inside lines, and plain prose (each
 * paragraph one line of the one actor). Not thread-safe; cheap to create.
 */
public final class ScriptParser {
    /**
     * Longest script accepted, in characters (about an hour and a half of speech): a longer text is refused before
     * anything is spoken, so a service built on GAGA cannot be made to synthesise for minutes.
     */
    public static final int MAX_CHARS = 100_000;
    /** Longest source line accepted, in characters (several minutes of speech in one line). */
    public static final int MAX_LINE_CHARS = 5_000;
    /** Most source lines accepted (blank lines included). */
    public static final int MAX_LINES = 2_000;
    private static final Pattern HEADING = Pattern.compile("(INT\\.?/EXT|I/E|INT|EXT|EST)[.\\s].*");
    private static final Pattern TRANSITION = Pattern.compile("[\\p{Lu}\\s]+TO:|FADE (OUT|IN|TO BLACK)[.:]");
    private static final Pattern CUE = Pattern.compile("[\\p{Lu}\\p{Nd}][\\p{Lu}\\p{Nd} '.#-]*");
    /**
     * A chat-style line, {@code MAYA: Hello there.} (also {@code MAYA ^:}, {@code MAYA (happy): ...}, {@code @Maya:}):
     * the cue, then what is said on the same line.
     */
    private static final Pattern CHAT = Pattern.compile(
            "(@[^:\\[(]{1,40}?|[\\p{Lu}\\p{Nd}][\\p{Lu}\\p{Nd} '.#-]{0,39}?)\\s*(\\^)?\\s*(\\([^()]*\\))?\\s*:\\s+(\\S.*)");
    private static final Pattern TAG = Pattern.compile("\\s*([\\p{L}][\\p{L}_-]*)\\s*(?::\\s*|\\s+|$)(.*)",
            Pattern.DOTALL);
    private static final Pattern SSML = Pattern.compile("</?[A-Za-z][^<>]*>");
    private static final Pattern BREAK_TIME = Pattern.compile("time\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Duration DEFAULT_BREAK = Duration.ofMillis(500);

    private List<ScriptElement> out;
    private List<ScriptWarning> warnings;
    private LineStartTag pendingStart;

    /** Where a start time was written. */
    private record LineStartTag(boolean relative, Duration offset, int line, int column, String snippet) {
    }

    /** One source line of a block. */
    private record Src(String text, int number) {
    }

    /** A cue with its dialogue, or a prose paragraph (cue == null), or a single tag-only line. */
    private static final class Block {
        final String cue;
        final boolean overlap;
        final int line;
        final int column;
        final boolean tagsOnly;
        final List<Src> lines = new ArrayList<>();

        Block(String cue, boolean overlap, int line, int column, boolean tagsOnly) {
            this.cue = cue;
            this.overlap = overlap;
            this.line = line;
            this.column = column;
            this.tagsOnly = tagsOnly;
        }
    }

    /**
     * Parses script text.
     *
     * @throws ScriptException with line and column for a bad tag, an unclosed bracket, an empty script
     */
    public Script parse(String text) {
        out = new ArrayList<>();
        warnings = new ArrayList<>();
        pendingStart = null;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) {
            throw new ScriptException(1, 1, "", "the script is empty: write at least one line of dialogue");
        }
        if (body.length() > MAX_CHARS) {
            int[] where = lineAndColumn(body, MAX_CHARS);
            throw error(where[0], where[1], "", String.format(java.util.Locale.ROOT, "the script is %,d characters "
                    + "long; at most %,d are accepted (a clip of a minute needs about 1,000)", body.length(),
                    MAX_CHARS));
        }
        String[] lines = body.split("\r\n|\r|\n", -1);
        if (lines.length > MAX_LINES) {
            throw error(MAX_LINES + 1, 1, lines[MAX_LINES], String.format(java.util.Locale.ROOT, "the script has "
                    + "%,d lines; at most %,d are accepted", lines.length, MAX_LINES));
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > MAX_LINE_CHARS) {
                throw error(i + 1, MAX_LINE_CHARS + 1, lines[i].substring(0, 60) + "...", String.format(
                        java.util.Locale.ROOT, "line %d is %,d characters long; at most %,d are accepted in one "
                                + "line: split it into several lines", i + 1, lines[i].length(), MAX_LINE_CHARS));
            }
        }
        List<Object> blocks = new ArrayList<>();
        Block current = null;
        boolean expectDialogue = false;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String t = raw.strip();
            int number = i + 1;
            if (t.isEmpty()) {
                current = null;
                expectDialogue = false;
                continue;
            }
            if (!expectDialogue) {
                int col = raw.indexOf(t) + 1;
                if (HEADING.matcher(t).matches()) {
                    blocks.add(new ScriptElement(new SceneHeading(t), number, col));
                    current = null;
                    continue;
                }
                if (TRANSITION.matcher(t).matches()) {
                    blocks.add(new ScriptElement(new TransitionCue(t), number, col));
                    current = null;
                    continue;
                }
                java.util.regex.Matcher chat = CHAT.matcher(t);
                if (chat.matches() && !chat.group(1).endsWith(" TO") && !HEADING.matcher(chat.group(1)).matches()) {
                    // "MAYA: Hello." is MAYA's cue and line: the line keeps its columns (the cue blanked out) so
                    // errors still point into what was typed.
                    String cue = chat.group(1).startsWith("@") ? chat.group(1).substring(1).strip() : chat.group(1);
                    current = new Block(cue, chat.group(2) != null, number, col, false);
                    blocks.add(current);
                    int said = raw.indexOf(t) + chat.start(4);
                    String direction = chat.group(3) == null ? "" : chat.group(3) + " ";
                    int from = Math.max(0, said - direction.length());
                    current.lines.add(new Src(" ".repeat(from) + direction + raw.substring(said), number));
                    expectDialogue = false;
                    continue;
                }
                boolean nextNonBlank = i + 1 < lines.length && !lines[i + 1].isBlank();
                String name = cueName(t);
                if (name != null && nextNonBlank) {
                    current = new Block(name, t.endsWith("^"), number, col, false);
                    blocks.add(current);
                    expectDialogue = true;
                    continue;
                }
            }
            if (current == null) {
                if (isTagsOnly(t)) {
                    Block single = new Block(null, false, number, 1, true);
                    single.lines.add(new Src(raw, number));
                    blocks.add(single);
                    continue;
                }
                current = new Block(null, false, number, 1, false);
                blocks.add(current);
            }
            current.lines.add(new Src(raw, number));
            expectDialogue = current.cue != null && !hasWords(t);
        }
        List<String> cues = blocks.stream().filter(b -> b instanceof Block k && k.cue != null)
                .map(b -> ((Block) b).cue.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        for (Object b : blocks) {
            if (b instanceof ScriptElement e) {
                out.add(e);
            } else {
                block((Block) b, cues);
            }
        }
        if (pendingStart != null) {
            throw error(pendingStart.line, pendingStart.column, pendingStart.snippet,
                    "[at …] needs a line after it to place");
        }
        return new Script(out, warnings);
    }

    /** The cue name if this line is a character cue, else null. */
    private static String cueName(String t) {
        boolean forced = t.startsWith("@");
        String s = forced ? t.substring(1) : t;
        if (s.endsWith("^")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        s = s.replaceFirst("\\s*\\([^()]*\\)$", "");
        if (s.isEmpty() || s.contains("[")) {
            return null;
        }
        return forced || (CUE.matcher(s).matches() && s.length() <= 40) ? s : null;
    }

    private static boolean isTagsOnly(String t) {
        return t.startsWith("[") && t.replaceAll("\\[[^\\]]*\\]", "").isBlank();
    }

    private static boolean hasWords(String t) {
        String s = t.replaceAll("\\[[^\\]]*\\]", "").replaceAll("<[^>]*>", "").strip();
        return !(s.isEmpty() || (s.startsWith("(") && s.endsWith(")")));
    }

    /** Turns one block into elements: the line, with what came before and after it. */
    private void block(Block block, List<String> cues) {
        StringBuilder plain = new StringBuilder();
        StringBuilder markup = new StringBuilder();
        boolean ssml = false;
        // open SSML elements: name, line, column, the raw line (for the error snippet)
        java.util.Deque<Object[]> openTags = new java.util.ArrayDeque<>();
        List<Beat> beats = new ArrayList<>();
        List<ScriptElement> before = new ArrayList<>();
        List<Object[]> after = new ArrayList<>(); // {offset, ScriptElement}
        Emotion emotion = Emotion.NEUTRAL;
        double intensity = 0.0;
        Delivery delivery = Delivery.NORMAL;
        // "(neutral)" or "(normally)" are asked for too: the analyser must not replace them
        boolean emotionGiven = false;
        boolean deliveryGiven = false;
        LineStartTag start = null;
        int wordsLine = block.line;
        for (Src src : block.lines) {
            String raw = src.text;
            int n = src.number;
            appendSpace(plain, markup);
            boolean lineStart = true;
            // closing brackets of groups that held a tag inside: "[there [pause 300ms] friend]" is text around a tag
            java.util.BitSet dropped = new java.util.BitSet();
            int i = 0;
            while (i < raw.length()) {
                char c = raw.charAt(i);
                if (c == ']' && dropped.get(i)) {
                    i++;
                    continue;
                }
                if (c == '[') {
                    int j = raw.indexOf(']', i);
                    if (j < 0) {
                        throw error(n, i + 1, raw, "unclosed [: a tag ends with ]");
                    }
                    int nested = raw.indexOf('[', i + 1);
                    if (nested >= 0 && nested < j) {
                        int close = matchingBracket(raw, i);
                        if (close < 0) {
                            throw error(n, i + 1, raw, "unclosed [: a tag ends with ], and tags do not nest");
                        }
                        warnings.add(new ScriptWarning(n, i + 1, "tags do not nest: the brackets of "
                                + abbreviate(raw.substring(i, close + 1)) + " are dropped and its words spoken, "
                                + "its inner tags kept"));
                        dropped.set(close);
                        i++;
                        continue;
                    }
                    String inner = raw.substring(i + 1, j);
                    Matcher m = TAG.matcher(inner);
                    if (!m.matches()) {
                        throw error(n, i + 1, raw, "empty or malformed tag [" + inner + "]");
                    }
                    String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
                    String arg = m.group(2).strip();
                    int argCol = i + 2 + m.start(2);
                    int at = plain.length();
                    boolean started = plain.length() > 0;
                    switch (name) {
                        case "pause", "break" -> {
                            Duration d = Durations.parse(arg).orElseThrow(() -> error(n, argCol, raw, name
                                    + " needs a duration like 600ms or 1.5s, got '" + arg + "'"));
                            if (d.isZero()) {
                                throw error(n, argCol, raw, "a pause must be longer than 0, got '" + arg + "'");
                            }
                            place(started, at, new ScriptElement(new Pause(d), n, i + 1), before, after);
                        }
                        case "at" -> {
                            if (start != null) {
                                throw error(n, i + 1, raw, "a line has one start time; this one has two");
                            }
                            start = startTag(arg, n, argCol, raw);
                        }
                        case "whispers", "whisper", "whispering" -> {
                            delivery = Delivery.WHISPER;
                            deliveryGiven = true;
                        }
                        case "shouts", "shout", "shouting" -> {
                            delivery = Delivery.SHOUT;
                            deliveryGiven = true;
                        }
                        case "laughs", "laugh" -> vocal(started, Beat.of(at, Beat.Kind.LAUGH), beats, after);
                        case "sighs", "sigh" -> vocal(started, Beat.of(at, Beat.Kind.SIGH), beats, after);
                        default -> place(started, at, new ScriptElement(cue(name, arg, n, argCol, i + 1, raw), n,
                                i + 1), before, after);
                    }
                    i = j + 1;
                    continue;
                }
                if (c == '(' && lineStart) {
                    int k = raw.indexOf(')', i);
                    if (k < 0) {
                        throw error(n, i + 1, raw, "unclosed (: a parenthetical ends with )");
                    }
                    Directions.Parsed p = Directions.parse(raw.substring(i + 1, k));
                    if (p.emotion() != null) {
                        emotion = p.emotion();
                        intensity = p.intensity();
                        emotionGiven = true;
                    }
                    if (p.delivery() != null) {
                        delivery = p.delivery();
                        deliveryGiven = true;
                    }
                    if (!p.unknown().isEmpty()) {
                        warnings.add(new ScriptWarning(n, i + 2, "words not understood in the parenthetical, "
                                + "ignored: " + String.join(" ", p.unknown())));
                    }
                    i = k + 1;
                    continue;
                }
                if (c == '<') {
                    Matcher m = SSML.matcher(raw).region(i, raw.length());
                    if (m.lookingAt()) {
                        String tag = m.group();
                        if (tag.startsWith("<break")) {
                            Matcher t = BREAK_TIME.matcher(tag);
                            Duration d = DEFAULT_BREAK;
                            if (t.find()) {
                                String v = t.group(1);
                                int col = i + 1 + t.start(1);
                                d = Durations.parse(v).filter(x -> !x.isZero()).orElseThrow(() -> error(n, col, raw,
                                        "break needs a time like 500ms or 1.5s, got '" + v + "'"));
                            }
                            place(plain.length() > 0, plain.length(), new ScriptElement(new Pause(d), n, i + 1),
                                    before, after);
                        } else {
                            checkNesting(tag, openTags, n, i + 1, raw);
                            markup.append(tag);
                            ssml = true;
                        }
                        i = m.end();
                        continue;
                    }
                    if (i + 1 < raw.length() && (Character.isLetter(raw.charAt(i + 1)) || raw.charAt(i + 1) == '/')) {
                        throw error(n, i + 1, raw, "SSML tag is not closed with '>'");
                    }
                }
                if (Character.isWhitespace(c)) {
                    appendSpace(plain, markup);
                } else {
                    if (plain.length() == 0) {
                        wordsLine = n;
                    }
                    plain.append(c);
                    markup.append(c);
                    lineStart = false;
                }
                i++;
            }
        }
        if (!openTags.isEmpty()) {
            Object[] o = openTags.peek();
            throw error((int) o[1], (int) o[2], (String) o[3], "<" + o[0] + "> is never closed: end it with </"
                    + o[0] + "> inside the line");
        }
        String text = plain.toString().strip();
        List<Beat> inside = new ArrayList<>();
        for (Beat b : beats) {
            inside.add(b.movedTo(Math.min(b.at(), text.length())));
        }
        List<ScriptElement> tail = new ArrayList<>();
        for (Object[] a : after) {
            if (a[1] instanceof Beat b) {
                inside.add(b.movedTo(Math.min(b.at(), text.length())));
                continue;
            }
            ScriptElement e = (ScriptElement) a[1];
            if (e.element() instanceof Pause p && (int) a[0] < text.length()) {
                inside.add(Beat.pause((int) a[0], p.duration()));
            } else {
                tail.add(e);
            }
        }
        out.addAll(before);
        if (text.isEmpty()) {
            if (block.cue != null || !beats.isEmpty()) {
                warnings.add(new ScriptWarning(block.line, block.column, "no words to speak here"
                        + (beats.isEmpty() ? "" : "; its laughs/sighs are kept as tags")));
            }
            for (Beat b : beats) {
                out.add(new ScriptElement(new TagCue(b.kind() == Beat.Kind.LAUGH ? "laughs" : "sighs", ""),
                        block.line, block.column));
            }
            if (start != null) {
                pendingStart = start;
            }
            out.addAll(tail);
            return;
        }
        String actor;
        if (block.cue != null) {
            actor = block.cue;
        } else if (cues.size() >= 2) {
            warnings.add(new ScriptWarning(wordsLine, 1, "text without a character cue in a scene with several "
                    + "characters is taken as a stage direction"));
            out.add(new ScriptElement(new ActionCue(text), wordsLine, 1));
            out.addAll(tail);
            return;
        } else {
            actor = cues.isEmpty() ? Script.UNNAMED : block.cue == null ? cueSpelling(cues.get(0)) : block.cue;
        }
        if (start != null && pendingStart != null) {
            throw error(start.line, start.column, start.snippet, "a line has one start time; this one has two");
        }
        if (start == null) {
            start = pendingStart;
            pendingStart = null;
        }
        LineStart lineStart = lineStart(block, start);
        Line line = new Line(actor, text, emotion, intensity, delivery, lineStart, inside,
                ssml ? markup.toString().strip() : "", emotionGiven, deliveryGiven, EmotionArc.NONE);
        out.add(new ScriptElement(line, block.cue != null ? block.line : wordsLine, block.column));
        out.addAll(tail);
    }

    /** Index of the ']' that closes the '[' at {@code open}, counting nested pairs; -1 when it is never closed. */
    private static int matchingBracket(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private String cueSpelling(String lowerCue) {
        for (ScriptElement e : out) {
            if (e.element() instanceof Line l && l.actor().equalsIgnoreCase(lowerCue)) {
                return l.actor();
            }
        }
        return lowerCue.toUpperCase(java.util.Locale.ROOT);
    }

    private LineStart lineStart(Block block, LineStartTag start) {
        boolean first = out.stream().noneMatch(e -> e.element() instanceof Line);
        if (block.overlap) {
            if (first) {
                throw error(block.line, block.column, block.cue + " ^",
                        "^ overlaps the previous line, but this is the first line");
            }
            if (start != null && !start.relative) {
                throw error(start.line, start.column, start.snippet,
                        "^ with an absolute time: use [at +x] (after the previous line starts) or drop ^");
            }
            return LineStart.overlapping(start == null ? Duration.ZERO : start.offset);
        }
        if (start == null) {
            return LineStart.SEQUENTIAL;
        }
        return start.relative ? LineStart.after(start.offset) : LineStart.at(start.offset);
    }

    private static void place(boolean started, int at, ScriptElement e, List<ScriptElement> before,
                              List<Object[]> after) {
        if (started) {
            after.add(new Object[]{at, e});
        } else {
            before.add(e);
        }
    }

    /** Laughs and sighs keep their order with the pauses around them. */
    private static void vocal(boolean started, Beat beat, List<Beat> leading, List<Object[]> after) {
        if (started) {
            after.add(new Object[]{beat.at(), beat});
        } else {
            leading.add(beat);
        }
    }

    private static void appendSpace(StringBuilder plain, StringBuilder markup) {
        if (plain.length() > 0 && plain.charAt(plain.length() - 1) != ' ') {
            plain.append(' ');
            markup.append(' ');
        }
    }

    private LineStartTag startTag(String arg, int n, int col, String raw) {
        String a = arg.strip();
        if (a.startsWith("-")) {
            throw error(n, col, raw, "times cannot be negative, got '" + a + "'");
        }
        boolean relative = a.startsWith("+");
        String v = relative ? a.substring(1) : a;
        Duration d = Durations.parse(v).orElseThrow(() -> error(n, col, raw,
                "at needs a time like 12.5s or +0.3s, got '" + a + "'"));
        return new LineStartTag(relative, d, n, col, raw);
    }

    private SceneElement cue(String name, String arg, int n, int argCol, int col, String raw) {
        switch (name) {
            case "music", "ambience", "sfx" -> {
                if (arg.isEmpty()) {
                    throw error(n, argCol, raw, name + " needs a description, e.g. [" + name + ": rain]");
                }
                return new SoundCue(SoundCue.Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT)), arg);
            }
            case "camera" -> {
                return new CameraCue(Camera.parse(arg).orElseThrow(() -> error(n, argCol, raw,
                        "unknown camera '" + arg + "': use one of " + Camera.known())));
            }
            case "action" -> {
                if (arg.isEmpty()) {
                    throw error(n, argCol, raw, "action needs a description, e.g. [action: MAYA looks away]");
                }
                return new ActionCue(arg);
            }
            case "cut" -> {
                return TransitionCue.CUT;
            }
            default -> {
                TagCue tag = new TagCue(name, arg);
                warnings.add(new ScriptWarning(n, col, "unknown tag " + tag.toScript() + " kept as a cue"));
                return tag;
            }
        }
    }

    private static final Pattern SSML_NAME = Pattern.compile("^</?([A-Za-z][\\w:-]*)");

    /** Keeps SSML elements balanced: an opening tag is pushed, a closing tag must close the innermost one. */
    private static void checkNesting(String tag, java.util.Deque<Object[]> open, int line, int column, String raw) {
        Matcher m = SSML_NAME.matcher(tag);
        if (!m.find() || tag.endsWith("/>")) {
            return;
        }
        String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
        if (!tag.startsWith("</")) {
            open.push(new Object[] {name, line, column, raw});
            return;
        }
        if (open.isEmpty()) {
            throw error(line, column, raw, "</" + name + "> closes nothing: there is no <" + name + "> before it");
        }
        Object[] top = open.peek();
        if (!top[0].equals(name)) {
            throw error(line, column, raw, "</" + name + "> where </" + top[0] + "> was expected (<" + top[0]
                    + "> opened at line " + top[1] + ", column " + top[2] + ")");
        }
        open.pop();
    }

    /** 1-based line and column of a character offset. */
    private static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int start = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                start = i + 1;
            }
        }
        return new int[] {line, offset - start + 1};
    }

    private static ScriptException error(int line, int column, String snippet, String reason) {
        return new ScriptException(line, column, snippet, reason);
    }
}
