package ai.gaga.direction;

import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the emotion of a line from its words, in English, French and Chinese: emotion words and phrases (French
 * inflections found by a light lemmatiser, Chinese words by longest match), stage directions and gestures, negation
 * ("not happy" is sad, "don't worry" is tender), intensifiers and diminishers, exclamations, short questions,
 * ellipses, shouted capitals and emoji, plus the {@link SceneContext} as a weak prior. A line that turns ("I was so
 * happy… and then you left") gets an {@link EmotionArc}: it is cut at clause boundaries and contrast words, and what
 * follows a contrast word weighs more. Lines are also read by meaning with a sentence-embedding model
 * ({@link SemanticEmotions}: MiniLM for English, bge-small-zh for Chinese, French through its English
 * {@link FrenchGloss}), which fills what the lexicon misses; a negated emotion word vetoes that emotion's semantic
 * evidence, since embeddings hardly see negation. Other languages are read from punctuation and emoji only. Stateless
 * and thread-safe; lexicons and models are loaded once per JVM.
 */
@ai.gaga.Internal
public final class EmotionAnalyzer {
    /** A semantic margin over neutral from which the meaning alone decides a line the words leave open. */
    private static final double SEMANTIC_CLEAR = 0.10;
    private static final double SEMANTIC_FLOOR = 0.03;
    /** How far behind the closest emotion (in cosine, scaled by the model's spread) another still gets evidence. */
    private static final double SEMANTIC_BAND = 0.2;

    private final boolean semantic;

    /** The full analyser: lexicons, rules and, for English, the semantic reading when the model is available. */
    public EmotionAnalyzer() {
        this(true);
    }

    private EmotionAnalyzer(boolean semantic) {
        this.semantic = semantic;
    }

    /** Lexicons and rules only, no model: for comparison, or where loading a model is not wanted. */
    public static EmotionAnalyzer lexiconOnly() {
        return new EmotionAnalyzer(false);
    }
    /** Evidence below this leaves a line neutral. */
    static final double NEUTRAL_BELOW = 0.5;
    /** A clause whose best evidence is below this takes its neighbour's emotion in the arc. */
    private static final double CLAUSE_BELOW = 0.45;
    /** How many words a negator reaches ("not very happy", "ne suis pas heureuse"). */
    private static final int NEGATION_SCOPE = 3;

    /** Reads a line with no scene around it. */
    public EmotionReading analyze(String text, String language) {
        return analyze(text, language, SceneContext.NONE);
    }

    /**
     * Reads a line.
     *
     * @param text     the words as spoken
     * @param language BCP-47 tag or primary subtag ({@code en}, {@code fr-FR}, {@code zh}); others are read from
     *                 punctuation and emoji only
     * @param context  the scene's mood, a weak prior
     */
    public EmotionReading analyze(String text, String language, SceneContext context) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(context, "context");
        Lexicon lexicon = Lexicon.of(primary(language));
        List<Clause> clauses = clauses(Tokenizer.tokenize(text, lexicon), lexicon);
        Map<Emotion, Double> total = new EnumMap<>(Emotion.class);
        int exclaims = 0;
        int shouted = 0;
        java.util.Set<Emotion> negated = java.util.EnumSet.noneOf(Emotion.class);
        for (Clause c : clauses) {
            c.cues();
            negated.addAll(c.negated);
            c.scores.forEach((e, w) -> total.merge(e, w * c.weight, Double::sum));
            exclaims += c.exclaims;
            shouted += c.shouted;
        }
        if (semantic && lexicon != null && !text.isBlank()) {
            addSemantic(text, lexicon.language(), negated, total);
        }
        // Exclamations and capitals raise whatever the words say; they do not choose the emotion.
        double arousal = 1 + 0.2 * Math.min(exclaims, 3) + (shouted > 0 ? 0.2 : 0);
        total.replaceAll((e, w) -> w * arousal);
        context.prior().forEach((e, w) -> total.merge(e, w, Double::sum));
        total.remove(Emotion.NEUTRAL);
        Emotion best = best(total, NEUTRAL_BELOW);
        if (best == null) {
            return new EmotionReading(Emotion.NEUTRAL, 0, total, EmotionArc.NONE);
        }
        double intensity = intensity(total.get(best) + 0.08 * Math.min(exclaims, 3) + (shouted > 0 ? 0.15 : 0));
        return new EmotionReading(best, intensity, total, arc(clauses, text.length()));
    }

    /**
     * Whether the line negates one of its emotion words ("I'm not happy here"). Such a line misleads a sentence
     * embedding, which hardly sees the negation, so it is kept out of the semantic examples.
     */
    static boolean negatesEmotionWord(String text, String language) {
        Lexicon lexicon = Lexicon.of(primary(language));
        if (lexicon == null) {
            return false;
        }
        for (Clause c : clauses(Tokenizer.tokenize(text, lexicon), lexicon)) {
            if (!c.negated.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the meaning's evidence: an emotion well ahead of neutral counts like an emotion word, one slightly ahead
     * only tips a balance.
     */
    private static void addSemantic(String text, String language, java.util.Set<Emotion> negated,
            Map<Emotion, Double> total) {
        SemanticEmotions model = SemanticEmotions.shared(language);
        if (model == null) {
            return;
        }
        Map<Emotion, Double> sim = model.similarities(text);
        double neutral = sim.getOrDefault(Emotion.NEUTRAL, 0.0);
        double top = 0;
        for (Map.Entry<Emotion, Double> e : sim.entrySet()) {
            if (e.getKey() != Emotion.NEUTRAL && !negated.contains(e.getKey())) {
                top = Math.max(top, e.getValue());
            }
        }
        for (Map.Entry<Emotion, Double> e : sim.entrySet()) {
            // Embeddings hardly see negation: "I'm not afraid" lies close to fear, so the words' "not" wins.
            if (e.getKey() == Emotion.NEUTRAL || negated.contains(e.getKey())) {
                continue;
            }
            double margin = (e.getValue() - neutral) / model.spread();
            double evidence = margin >= SEMANTIC_CLEAR ? Math.min(1.0, 0.55 + 2 * (margin - SEMANTIC_CLEAR))
                    : Math.max(0, 2 * (margin - SEMANTIC_FLOOR));
            // A strongly felt line lies far from neutral on every emotion: only those near the closest one count.
            double behind = (top - e.getValue()) / model.spread();
            evidence *= Math.max(0, 1 - behind / SEMANTIC_BAND);
            if (evidence > 0) {
                total.merge(e.getKey(), evidence, Double::sum);
            }
        }
    }

    static String primary(String language) {
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** Evidence to intensity: one plain emotion word is about 0.6, "very" makes it about 0.75. */
    static double intensity(double evidence) {
        double v = 1 - Math.exp(-evidence / 1.1);
        return Math.round(Math.max(0.15, Math.min(1, v)) * 100) / 100.0;
    }

    private static Emotion best(Map<Emotion, Double> scores, double floor) {
        Emotion best = null;
        double top = floor;
        for (Map.Entry<Emotion, Double> e : scores.entrySet()) {
            if (e.getValue() >= top) {
                best = e.getKey();
                top = e.getValue();
            }
        }
        return best;
    }

    /** Segments of consecutive clauses that share an emotion; none unless the line turns. */
    private static EmotionArc arc(List<Clause> clauses, int length) {
        List<Emotion> emotions = new ArrayList<>();
        for (Clause c : clauses) {
            emotions.add(best(c.scores, CLAUSE_BELOW));
        }
        // A clause that says nothing belongs to the emotion before it (or after it, at the start of the line).
        for (int i = 1; i < emotions.size(); i++) {
            if (emotions.get(i) == null) {
                emotions.set(i, emotions.get(i - 1));
            }
        }
        for (int i = emotions.size() - 2; i >= 0; i--) {
            if (emotions.get(i) == null) {
                emotions.set(i, emotions.get(i + 1));
            }
        }
        List<EmotionArc.Segment> segments = new ArrayList<>();
        int i = 0;
        while (i < clauses.size()) {
            Emotion e = emotions.get(i);
            int j = i;
            double evidence = 0;
            while (j < clauses.size() && emotions.get(j) == e) {
                evidence = Math.max(evidence, clauses.get(j).scores.getOrDefault(e, 0.0));
                j++;
            }
            int start = segments.isEmpty() ? 0 : clauses.get(i).start;
            int end = j == clauses.size() ? length : clauses.get(j).start;
            if (e != null && end > start) {
                segments.add(new EmotionArc.Segment(start, end, e, intensity(evidence)));
            }
            i = j;
        }
        return segments.size() < 2 ? EmotionArc.NONE : new EmotionArc(segments);
    }

    private static List<Clause> clauses(List<Token> tokens, Lexicon lexicon) {
        List<Clause> clauses = new ArrayList<>();
        Clause current = null;
        int negation = 0;
        double modifier = 1;
        int modifierLeft = 0;
        boolean contrast = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (current == null) {
                current = new Clause(t.start(), lexicon);
                current.afterContrast = contrast;
                clauses.add(current);
            }
            switch (t.kind()) {
                case PUNCT -> {
                    current.punct(t);
                    if (t.closesClause()) {
                        current = null;
                        negation = 0;
                        modifier = 1;
                    }
                    continue;
                }
                case EMOJI -> {
                    Emotion e = Emojis.emotion(t.text());
                    if (e != null) {
                        current.add(e, 1.0);
                    }
                    continue;
                }
                default -> {
                }
            }
            Match m = lexicon == null ? null : match(tokens, i, lexicon);
            if (t.shouted()) {
                current.shouted++;
            }
            if (m == null) {
                current.words++;
                negation--;
                if (--modifierLeft < 0) {
                    modifier = 1;
                }
                continue;
            }
            i += m.length - 1;
            current.words += m.length;
            if (m.item instanceof Lexicon.Contrast) {
                if (current.words > m.length || !current.scores.isEmpty()) {
                    current.words -= m.length;
                    current = new Clause(t.start(), lexicon);
                    current.words = m.length;
                    clauses.add(current);
                }
                for (Clause c : clauses) {
                    if (c != current) {
                        c.beforeContrast = true;
                    }
                }
                current.afterContrast = true;
                contrast = true;
                negation = 0;
            } else if (m.item instanceof Lexicon.Negator) {
                negation = NEGATION_SCOPE;
            } else if (m.item instanceof Lexicon.Modifier mod) {
                modifier *= mod.factor();
                modifierLeft = 2;
            } else if (m.item instanceof Lexicon.Term term) {
                if (negation > 0) {
                    negated(term, modifier, current);
                } else {
                    current.add(term.emotion(), term.weight() * modifier);
                }
                modifier = 1;
                modifierLeft = 0;
            }
        }
        return clauses;
    }

    /** What "not WORD" says: the lexicon's own answer, else joy turns sad, tenderness a little sad, others fade. */
    private static void negated(Lexicon.Term term, double modifier, Clause clause) {
        clause.negated.add(term.emotion());
        if (term.negated() != null) {
            clause.add(term.negated(), term.negatedWeight() * Math.max(1, modifier));
        } else if (term.emotion() == Emotion.JOY) {
            clause.add(Emotion.SADNESS, 0.8 * term.weight());
        } else if (term.emotion() == Emotion.TENDERNESS) {
            clause.add(Emotion.SADNESS, 0.4 * term.weight());
        }
    }

    private record Match(Lexicon.Item item, int length) {
    }

    /** The longest lexicon entry starting at token {@code i}: phrases first, then the word, then its stem. */
    private static Match match(List<Token> tokens, int i, Lexicon lexicon) {
        int most = Math.min(lexicon.longestPhrase(), tokens.size() - i);
        for (int n = most; n >= 1; n--) {
            StringBuilder key = new StringBuilder();
            boolean words = true;
            for (int k = i; k < i + n; k++) {
                Token t = tokens.get(k);
                if (t.kind() != Token.Kind.WORD) {
                    words = false;
                    break;
                }
                if (k > i && !(lexicon.language().equals("fr") && tokens.get(k - 1).text().endsWith("'"))) {
                    key.append(' ');
                }
                key.append(t.text());
            }
            if (!words) {
                continue;
            }
            Lexicon.Item item = lexicon.item(key.toString());
            if (item != null) {
                return new Match(item, n);
            }
        }
        Lexicon.Item stemmed = stem(tokens.get(i).text(), lexicon);
        return stemmed == null ? null : new Match(stemmed, 1);
    }

    private static final List<String> EN_SUFFIXES = List.of("ing", "ed", "es", "s", "d", "ly", "y");
    /**
     * French endings, longest first, each with the lemma endings its stem is looked up with: plural and feminine of
     * adjectives and participles ("effrayées" is "effrayé", "heureuses" "heureux"), and the commonest verb endings
     * (present, imperfect, future, conditional, present participle), which lead to the infinitive or the first
     * person ("pleuraient" is "pleurer" or "pleure"), never to a participle ("tournez" is not "tourné").
     */
    private static final List<Map.Entry<String, List<String>>> FR_SUFFIXES = frenchSuffixes();

    private static List<Map.Entry<String, List<String>>> frenchSuffixes() {
        List<String> verb = List.of("er", "e", "ir", "re", "");
        List<Map.Entry<String, List<String>>> out = new ArrayList<>();
        for (String v : List.of("eraient", "issent", "aient", "erait", "eront", "erais", "ions", "iez", "ait", "ais",
                "ant", "ent", "ons", "ez", "era", "er", "ir", "it", "is")) {
            out.add(Map.entry(v, verb));
        }
        out.add(Map.entry("euses", List.of("eux")));
        out.add(Map.entry("euse", List.of("eux")));
        out.add(Map.entry("ives", List.of("if")));
        out.add(Map.entry("ive", List.of("if")));
        out.add(Map.entry("ées", List.of("é", "er")));
        out.add(Map.entry("ée", List.of("é", "er")));
        out.add(Map.entry("és", List.of("é", "er")));
        out.add(Map.entry("é", List.of("er")));
        out.add(Map.entry("es", List.of("", "e", "er")));
        out.add(Map.entry("e", List.of("", "er")));
        out.add(Map.entry("s", List.of("")));
        out.add(Map.entry("x", List.of("")));
        // longest first, so "aient" is tried before "ent" and "es" before "s"
        out.sort((x, y) -> y.getKey().length() - x.getKey().length());
        return List.copyOf(out);
    }

    private static Lexicon.Item stem(String word, Lexicon lexicon) {
        if (lexicon.language().equals("fr")) {
            return frenchStem(word, lexicon);
        }
        if (!lexicon.language().equals("en")) {
            return null;
        }
        for (String s : EN_SUFFIXES) {
            if (word.length() > s.length() + 2 && word.endsWith(s)) {
                Lexicon.Item item = lexicon.item(word.substring(0, word.length() - s.length()));
                if (item instanceof Lexicon.Term) {
                    return item;
                }
                if (s.equals("ing") || s.equals("ed")) {
                    item = lexicon.item(word.substring(0, word.length() - s.length()) + "e");
                    if (item instanceof Lexicon.Term) {
                        return item;
                    }
                }
            }
        }
        return null;
    }

    /** A light French lemmatiser: strips one ending and looks the stem up with that ending's lemma endings. */
    private static Lexicon.Item frenchStem(String word, Lexicon lexicon) {
        for (String candidate : frenchLemmas(word)) {
            Lexicon.Item item = lexicon.item(candidate);
            if (item instanceof Lexicon.Term) {
                return item;
            }
        }
        return null;
    }

    /** The forms a French word may be listed under, most likely first (not the word itself). */
    static List<String> frenchLemmas(String word) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> suffix : FR_SUFFIXES) {
            String s = suffix.getKey();
            if (word.length() < s.length() + 3 || !word.endsWith(s)) {
                continue;
            }
            String stem = word.substring(0, word.length() - s.length());
            for (String ending : suffix.getValue()) {
                out.add(stem + ending);
            }
        }
        return out;
    }

    /** One clause of a line, cut at punctuation and contrast words. */
    private static final class Clause {
        final int start;
        final Lexicon lexicon;
        final Map<Emotion, Double> scores = new EnumMap<>(Emotion.class);
        /** Emotions whose words were negated here ("not happy"). */
        final java.util.Set<Emotion> negated = java.util.EnumSet.noneOf(Emotion.class);
        int words;
        int exclaims;
        int shouted;
        boolean question;
        boolean ellipsis;
        boolean afterContrast;
        boolean beforeContrast;
        double weight = 1;

        Clause(int start, Lexicon lexicon) {
            this.start = start;
            this.lexicon = lexicon;
        }

        void add(Emotion e, double w) {
            if (w > 0) {
                scores.merge(e, w, Double::sum);
            }
        }

        void punct(Token t) {
            switch (t.text()) {
                case "!" -> exclaims++;
                case "?" -> question = true;
                case "…" -> ellipsis = true;
                default -> {
                }
            }
        }

        /** Punctuation cues and the weight of the clause, once its words are all in. */
        void cues() {
            int shortQuestion = lexicon != null && lexicon.language().equals("zh") ? 3 : 2;
            if (question && words > 0 && words <= shortQuestion) {
                add(Emotion.SURPRISE, 0.7); // "Really?", "Quoi ?", "啊？": a bare short question is taken aback
            }
            if (ellipsis) {
                add(Emotion.SADNESS, 0.2); // trailing off
            }
            weight = afterContrast ? 1.3 : beforeContrast ? 0.7 : 1.0;
        }
    }
}
