/**
 * Synthesised sound effects for script cues. Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.sound.effects;
