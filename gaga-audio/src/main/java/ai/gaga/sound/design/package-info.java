/**
 * The default sound designer: dialogue, score, ambience and effects, ducked and mixed to a loudness target. Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.sound.design;
