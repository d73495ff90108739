package ai.gaga.direction;

/** Where a part of a line's direction came from. */
public enum Source {
    /** The script or the builder said so; inference never overrides it. */
    MARKUP,
    /** The analyser read it from the words, the punctuation and the scene. */
    INFERRED,
    /** Neither: the script left it open and inference was switched off, so the default (neutral, normal) plays. */
    DEFAULT
}
