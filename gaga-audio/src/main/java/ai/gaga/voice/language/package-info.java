/**
 * Language helpers of the voices (pinyin and the like). Internal to GAGA: found through {@link java.util.ServiceLoader}, not called by users.
 */
@ai.gaga.Internal
package ai.gaga.voice.language;
