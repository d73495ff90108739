package ai.gaga;

/** The render was cancelled (future cancelled or thread interrupted); nothing was written to the output path. */
public class RenderCancelledException extends GagaException {
    public RenderCancelledException(String message) {
        super(message);
    }
}
