/**
 * Kokoro-82M voices on ONNX Runtime. Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.voice.kokoro;
