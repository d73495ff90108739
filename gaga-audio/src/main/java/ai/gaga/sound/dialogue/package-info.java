/**
 * A dialogue-only sound designer. Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.sound.dialogue;
