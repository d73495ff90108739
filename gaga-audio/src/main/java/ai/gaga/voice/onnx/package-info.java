/**
 * Shared pieces of the ONNX voices (graph rewriting, pace). Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.voice.onnx;
