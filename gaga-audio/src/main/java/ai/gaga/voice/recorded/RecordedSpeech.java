package ai.gaga.voice.recorded;

import ai.gaga.InvalidSceneException;
import ai.gaga.audio.processing.AudioFiles;
import ai.gaga.audio.processing.SpeechLevel;
import ai.gaga.audio.PcmAudio;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.RecordingReader;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.viseme.OculusViseme;
import ai.gaga.voice.viseme.Viseme;
import ai.gaga.voice.viseme.VisemeTrack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's recording as an utterance ({@code Scene.builder().says(Path)}): decoded by FFmpeg (any format, mixed to
 * mono, resampled to {@link PcmAudio#STANDARD_RATE}), with mouth shapes read from the sound by {@link AudioVisemes}.
 * Its "phones" are the spans of speech and silence, so the timeline and the animator see where the voice is. Its
 * level is brought to the synthetic voices' speech level by one gain ({@link SpeechLevel#scaled}), so that a line
 * recorded on a quiet microphone is heard beside the scene's other lines; its own dynamics stay.
 */
public final class RecordedSpeech implements RecordingReader {
    /** Engine id of recorded utterances. */
    public static final String ID = "recording";
    /** Longest recording a line may use: the whole clip is at most a minute. */
    static final double MAX_SECONDS = 60;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Utterance read(Path recording) {
        PcmAudio audio = AudioFiles.read(recording, PcmAudio.STANDARD_RATE, 1);
        if (audio.durationSeconds() > MAX_SECONDS) {
            throw new InvalidSceneException("Recording " + recording.toAbsolutePath() + " is "
                    + String.format(java.util.Locale.ROOT, "%.1f", audio.durationSeconds())
                    + " s long; a clip is at most " + (int) MAX_SECONDS + " s: trim it first");
        }
        if (audio.peak() < 1e-4) {
            throw new InvalidSceneException("Recording " + recording.toAbsolutePath() + " is silent: nothing to "
                    + "lip-sync to");
        }
        VisemeTrack visemes = AudioVisemes.track(audio);
        // The recording's level is the microphone's: it speaks at the voices' level beside the scene's other lines.
        return new Utterance(SpeechLevel.scaled(audio, SpeechLevel.TARGET), phones(visemes), ID, visemes);
    }

    /** Silence where the mouth rests, speech elsewhere. */
    private static List<PhoneTiming> phones(VisemeTrack track) {
        List<PhoneTiming> phones = new ArrayList<>();
        for (Viseme v : track.visemes()) {
            String phone = v.shape() == OculusViseme.SIL ? "_" : "(speech)";
            if (!phones.isEmpty() && phones.get(phones.size() - 1).phone().equals(phone)) {
                PhoneTiming last = phones.remove(phones.size() - 1);
                phones.add(new PhoneTiming(phone, last.start(), v.end()));
            } else {
                phones.add(new PhoneTiming(phone, v.start(), v.end()));
            }
        }
        return phones;
    }
}
