package ai.gaga.sound.mix;

import ai.gaga.audio.PcmAudio;

/**
 * A finished mix and its stems (for users who edit further). All stereo, same rate and length.
 *
 * @param master   everything together, peak-limited
 * @param dialogue speech only
 * @param music    score, after ducking
 * @param effects  ambience and one-shots, after ducking
 */
public record Mix(PcmAudio master, PcmAudio dialogue, PcmAudio music, PcmAudio effects) {
}
