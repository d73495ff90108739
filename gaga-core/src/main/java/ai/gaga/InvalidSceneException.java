package ai.gaga;

/** A scene that cannot be rendered as built: empty text, a line without an actor, a bad setting. */
public class InvalidSceneException extends GagaException {
    public InvalidSceneException(String message) {
        super(message);
    }
}
