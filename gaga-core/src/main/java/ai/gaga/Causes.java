package ai.gaga;

/**
 * The useful text of an exception chain whose outer exception says what failed and whose innermost cause says why
 * (a native library that a loader wraps, MaryTTS's nested errors): the outer one, and the root cause where there is
 * one beneath it.
 */
@Internal
public final class Causes {
    private Causes() {
    }

    /** {@code "Outer: message"}, followed by {@code " (caused by Root: message)"} when the chain is deeper. */
    public static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return root == t ? outer : outer + " (caused by " + root + ")";
    }
}
