package ai.gaga.voice;

import ai.gaga.InvalidSceneException;

/**
 * A speech engine found nothing it can pronounce in a text (symbols, digits or letters its language does not read):
 * bad input, not a failure of the engine. The render names the line it came from.
 */
public class NothingToSayException extends InvalidSceneException {
    private final String text;

    /**
     * @param text   the text the engine was given
     * @param reason what the engine found, in the user's words
     */
    public NothingToSayException(String text, String reason) {
        super(reason);
        this.text = text;
    }

    /** The text the engine was given. */
    public String text() {
        return text;
    }
}
