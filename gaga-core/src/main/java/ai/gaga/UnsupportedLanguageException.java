package ai.gaga;

import java.util.List;

/** No installed speech engine speaks the requested language. */
public class UnsupportedLanguageException extends GagaException {
    private final String language;
    private final List<String> available;

    public UnsupportedLanguageException(String language, List<String> available) {
        super("No installed voice speaks '" + language + "'. Installed engines and their languages: "
                + (available.isEmpty() ? "none (add gaga-audio to the classpath)" : String.join("; ", available)));
        this.language = language;
        this.available = List.copyOf(available);
    }

    public String language() {
        return language;
    }

    public List<String> available() {
        return available;
    }
}
