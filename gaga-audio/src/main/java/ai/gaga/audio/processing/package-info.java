/**
 * Audio processing on FFmpeg: decoding files, resampling, tempo, gain, fades, loudness measurement and normalisation. Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.audio.processing;
