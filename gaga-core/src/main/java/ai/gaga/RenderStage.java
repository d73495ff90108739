package ai.gaga;

/** The steps of a render, in order; progress reports and per-stage times use them. */
public enum RenderStage {
    /** Photos loaded and faces found. */
    PHOTOS,
    /** Lines spoken by the voices. */
    SPEECH,
    /** Lines placed in time. */
    TIMELINE,
    /** Soundtrack mixed. */
    SOUND,
    /**
     * Frames drawn: the time spent drawing, in {@link RenderResult#stageTimes()} only. Frames are drawn and encoded
     * together, one after the other, so progress reports them all under {@link #ENCODE} with the frame count; a
     * {@link ProgressListener} never sees this stage.
     */
    RENDER,
    /** Frames drawn, encoded and written (progress counts them), then the audio. */
    ENCODE,
    /** File verified and moved into place. */
    FINISH
}
