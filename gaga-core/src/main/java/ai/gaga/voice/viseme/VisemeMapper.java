package ai.gaga.voice.viseme;

import ai.gaga.voice.PhoneTiming;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an engine's phone symbols into visemes. One mapper per phone alphabet: {@link #SAMPA} for MaryTTS,
 * {@link #IPA} for espeak-ng and Piper (every language), {@link PinyinVisemes} for pinyin syllables.
 */
@FunctionalInterface
@ai.gaga.Internal
public interface VisemeMapper {
    /** MaryTTS's SAMPA (US English). */
    VisemeMapper SAMPA = SampaVisemes::of;
    /** IPA as espeak-ng writes it (French nasal vowels, German, Spanish, Mandarin…). */
    VisemeMapper IPA = IpaVisemes::of;

    /** The viseme of one phone symbol; unknown symbols get a neutral, half-open {@link OculusViseme#E}. */
    OculusViseme map(String phone);

    /** The track of a phone timeline; silences become {@link OculusViseme#SIL}. */
    default VisemeTrack track(List<PhoneTiming> phones) {
        List<Viseme> visemes = new ArrayList<>(phones.size());
        for (PhoneTiming p : phones) {
            visemes.add(new Viseme(p.isSilence() ? OculusViseme.SIL : map(p.phone()), p.start(), p.end()));
        }
        return VisemeTrack.of(visemes);
    }

    /** The mapper for an utterance's engine: SAMPA for MaryTTS, IPA otherwise. */
    static VisemeMapper forEngine(String engineId) {
        return engineId.equals("marytts") ? SAMPA : IPA;
    }
}
