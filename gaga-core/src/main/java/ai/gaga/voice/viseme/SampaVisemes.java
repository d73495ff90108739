package ai.gaga.voice.viseme;

import java.util.Map;

/** MaryTTS US-English SAMPA phones → visemes (after the Oculus reference table for English). */
final class SampaVisemes {
    private static final Map<String, OculusViseme> TABLE = Map.ofEntries(
            Map.entry("p", OculusViseme.PP), Map.entry("b", OculusViseme.PP), Map.entry("m", OculusViseme.PP),
            Map.entry("f", OculusViseme.FF), Map.entry("v", OculusViseme.FF),
            Map.entry("T", OculusViseme.TH), Map.entry("D", OculusViseme.TH),
            Map.entry("t", OculusViseme.DD), Map.entry("d", OculusViseme.DD),
            Map.entry("k", OculusViseme.KK), Map.entry("g", OculusViseme.KK), Map.entry("N", OculusViseme.KK),
            Map.entry("h", OculusViseme.KK),
            Map.entry("tS", OculusViseme.CH), Map.entry("dZ", OculusViseme.CH), Map.entry("S", OculusViseme.CH),
            Map.entry("Z", OculusViseme.CH),
            Map.entry("s", OculusViseme.SS), Map.entry("z", OculusViseme.SS),
            Map.entry("n", OculusViseme.NN), Map.entry("l", OculusViseme.NN), Map.entry("j", OculusViseme.I),
            Map.entry("r", OculusViseme.RR), Map.entry("r=", OculusViseme.RR), Map.entry("w", OculusViseme.U),
            Map.entry("A", OculusViseme.AA), Map.entry("{", OculusViseme.AA), Map.entry("V", OculusViseme.AA),
            Map.entry("aI", OculusViseme.AA), Map.entry("aU", OculusViseme.AA),
            Map.entry("E", OculusViseme.E), Map.entry("@", OculusViseme.E), Map.entry("EI", OculusViseme.E),
            Map.entry("I", OculusViseme.I), Map.entry("i", OculusViseme.I),
            Map.entry("O", OculusViseme.O), Map.entry("@U", OculusViseme.O), Map.entry("OI", OculusViseme.O),
            Map.entry("U", OculusViseme.U), Map.entry("u", OculusViseme.U));

    private SampaVisemes() {
    }

    static OculusViseme of(String phone) {
        return TABLE.getOrDefault(phone, OculusViseme.E);
    }
}
