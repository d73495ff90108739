package ai.gaga.scene;

/** The emotions a line can be acted with. The same vocabulary drives voice, face, music and light. */
public enum Emotion {
    NEUTRAL, JOY, SADNESS, ANGER, FEAR, SURPRISE, DISGUST, TENDERNESS
}
