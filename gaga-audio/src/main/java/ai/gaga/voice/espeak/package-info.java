/**
 * The espeak-ng voice (a separate GPL process, never linked). Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.voice.espeak;
