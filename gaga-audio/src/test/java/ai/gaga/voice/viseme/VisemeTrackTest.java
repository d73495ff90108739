package ai.gaga.voice.viseme;

import ai.gaga.scene.Voice;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.espeak.EspeakEngine;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import static ai.gaga.voice.viseme.OculusViseme.AA;
import static ai.gaga.voice.viseme.OculusViseme.CH;
import static ai.gaga.voice.viseme.OculusViseme.E;
import static ai.gaga.voice.viseme.OculusViseme.I;
import static ai.gaga.voice.viseme.OculusViseme.KK;
import static ai.gaga.voice.viseme.OculusViseme.NN;
import static ai.gaga.voice.viseme.OculusViseme.O;
import static ai.gaga.voice.viseme.OculusViseme.PP;
import static ai.gaga.voice.viseme.OculusViseme.RR;
import static ai.gaga.voice.viseme.OculusViseme.SIL;
import static ai.gaga.voice.viseme.OculusViseme.SS;
import static ai.gaga.voice.viseme.OculusViseme.U;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Visemes from real espeak-ng speech and from the phone tables. */
class VisemeTrackTest {
    private static final Logger LOG = LoggerFactory.getLogger(VisemeTrackTest.class);

    private static List<OculusViseme> shapes(VisemeTrack track) {
        return track.visemes().stream().map(Viseme::shape).toList();
    }

    @Test
    void frenchBonjourStartsWithClosedLipsAndHasAnORoundedNasal() {
        Utterance u = EspeakEngine.create().synthesize(SpeechRequest.of("Bonjour", Voice.of("fr")));
        VisemeTrack track = u.visemes();
        LOG.info("bonjour visemes: {}", track.toJson());
        List<OculusViseme> spoken = shapes(track).stream().filter(s -> s != SIL).toList();
        assertEquals(List.of(PP, O, CH, U, RR), spoken);
        assertCoversWithoutGaps(track, u.durationSeconds());
        // The lips are closed for the b at the first sound.
        double firstSound = track.visemes().stream().filter(v -> v.shape() != SIL).findFirst().orElseThrow().start();
        assertEquals(PP, track.at(firstSound + 0.001));
    }

    @Test
    void frenchNasalVowelsKeepTheirOralMouth() {
        assertEquals(AA, VisemeMapper.IPA.map("ɑ̃"));
        assertEquals(O, VisemeMapper.IPA.map("ɔ̃"));
        assertEquals(E, VisemeMapper.IPA.map("ɛ̃"));
        assertEquals(E, VisemeMapper.IPA.map("œ̃"));
        assertEquals(E, VisemeMapper.IPA.map("☃"), "unknown symbols get the neutral default");
    }

    @Test
    void englishSampaHello() {
        VisemeTrack track = VisemeMapper.SAMPA.track(List.of(new PhoneTiming("_", 0, 0.1),
                new PhoneTiming("h", 0.1, 0.15), new PhoneTiming("@", 0.15, 0.2), new PhoneTiming("l", 0.2, 0.3),
                new PhoneTiming("@U", 0.3, 0.5), new PhoneTiming("_", 0.5, 0.6)));
        assertEquals(List.of(SIL, KK, E, NN, O, SIL), shapes(track));
    }

    @Test
    void pinyinInitialsAndFinals() {
        assertEquals(List.of(I, I, NN), PinyinVisemes.of("yin2"));
        assertEquals(List.of(KK, AA, KK), PinyinVisemes.of("hang2"));
        assertEquals(List.of(CH, U, AA, KK), PinyinVisemes.of("zhuang1"));
        assertEquals(List.of(CH, U, E), PinyinVisemes.of("xue2"));
        assertEquals(List.of(SS, E), PinyinVisemes.of("si4"));
    }

    @Test
    void atAndJsonFollowTheTrack() {
        VisemeTrack track = VisemeTrack.of(List.of(new Viseme(PP, 0.1, 0.2), new Viseme(AA, 0.2, 0.4)));
        assertEquals(SIL, track.at(0.05));
        assertEquals(PP, track.at(0.15));
        assertEquals(AA, track.at(0.39));
        assertEquals(SIL, track.at(0.5));
        assertEquals("{\"duration\":0.4000,\"visemes\":[{\"viseme\":\"sil\",\"start\":0.0000,\"end\":0.1000},"
                + "{\"viseme\":\"PP\",\"start\":0.1000,\"end\":0.2000},{\"viseme\":\"aa\",\"start\":0.2000,"
                + "\"end\":0.4000}]}", track.toJson());
        assertThrows(IllegalArgumentException.class, () -> new VisemeTrack(List.of(new Viseme(PP, 0.1, 0.2))));
    }

    @Test
    void chineseTrackFromEspeakIsContinuous() {
        Utterance u = EspeakEngine.create().synthesize(SpeechRequest.of("我喜欢音乐。", Voice.of("zh")));
        VisemeTrack track = u.visemes();
        assertCoversWithoutGaps(track, u.durationSeconds());
        assertTrue(shapes(track).contains(U) && shapes(track).contains(I), track.toJson());
    }

    private static void assertCoversWithoutGaps(VisemeTrack track, double duration) {
        assertEquals(0, track.visemes().get(0).start(), 1e-9);
        assertEquals(duration, track.duration(), 1e-6);
        for (int i = 1; i < track.visemes().size(); i++) {
            assertEquals(track.visemes().get(i - 1).end(), track.visemes().get(i).start(), 1e-9);
        }
    }
}
