/**
 * Procedural ambience beds (rain, city, room tone…). Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.sound.ambience;
