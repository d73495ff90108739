package ai.gaga.scene;

/** How a line is spoken, independent of the emotion behind it. */
public enum Delivery {
    NORMAL, SOFT, WHISPER, SHOUT, TREMBLING
}
