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
    /** Frames drawn (time spent drawing, overlapped with encoding). */
    RENDER,
    /** Frames and audio encoded and written. */
    ENCODE,
    /** File verified and moved into place. */
    FINISH
}
