/**
 * Users' own recordings as utterances, with visemes read from the sound. Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.voice.recorded;
