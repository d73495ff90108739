package ai.gaga.direction;

/**
 * One piece of a line: a word (lower case, apostrophes straightened), a punctuation mark spelled in ASCII
 * ({@code ! ? . , …}) or an emoji, with where it stands in the original text.
 */
record Token(String text, int start, int end, Kind kind, boolean shouted) {
    enum Kind { WORD, PUNCT, EMOJI }

    boolean is(String s) {
        return text.equals(s);
    }

    /** Punctuation that closes a clause. */
    boolean closesClause() {
        return kind == Kind.PUNCT && (is(".") || is("!") || is("?") || is("…") || is(",") || is(";") || is(":"));
    }
}
