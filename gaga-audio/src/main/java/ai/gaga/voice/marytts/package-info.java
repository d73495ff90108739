/**
 * The MaryTTS voice, in its own class loader. Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.voice.marytts;
