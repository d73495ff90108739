package ai.gaga;
/** placeholder */
public final class Gaga {}
