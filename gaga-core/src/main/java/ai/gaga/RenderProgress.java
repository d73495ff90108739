package ai.gaga;

/**
 * Where a render is.
 *
 * @param stage       current step
 * @param fraction    overall completion 0..1 (monotonic)
 * @param frame       frames encoded so far (0 before frames start)
 * @param totalFrames frames in the clip (0 until the timeline is known)
 */
public record RenderProgress(RenderStage stage, double fraction, int frame, int totalFrames) {
}
