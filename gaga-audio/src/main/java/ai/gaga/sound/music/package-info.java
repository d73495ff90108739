/**
 * The seeded procedural score that follows the emotion arc. Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.sound.music;
