/**
 * Sound cues that name the user's own files. Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.sound.files;
