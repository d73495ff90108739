package ai.gaga.voice.viseme;

import java.text.Normalizer;
import java.util.Map;

/**
 * IPA phones (as espeak-ng writes them) → visemes, for every language espeak speaks. The phone's first letter decides;
 * French nasal vowels keep the mouth of their oral vowel (ɑ̃ → aa, ɔ̃ → O, ɛ̃/œ̃ → E), which is what a speaker's lips do.
 */
final class IpaVisemes {
    private static final Map<Integer, OculusViseme> FIRST = Map.ofEntries(
            e('p', OculusViseme.PP), e('b', OculusViseme.PP), e('m', OculusViseme.PP), e('ɱ', OculusViseme.FF),
            e('f', OculusViseme.FF), e('v', OculusViseme.FF), e('ʋ', OculusViseme.FF),
            e('θ', OculusViseme.TH), e('ð', OculusViseme.TH),
            e('t', OculusViseme.DD), e('d', OculusViseme.DD), e('ɾ', OculusViseme.DD),
            e('k', OculusViseme.KK), e('g', OculusViseme.KK), e('ɡ', OculusViseme.KK), e('ŋ', OculusViseme.KK),
            e('x', OculusViseme.KK), e('ɣ', OculusViseme.KK), e('h', OculusViseme.KK), e('χ', OculusViseme.KK),
            e('q', OculusViseme.KK), e('ʔ', OculusViseme.KK), e('c', OculusViseme.KK),
            e('ʃ', OculusViseme.CH), e('ʒ', OculusViseme.CH), e('ɕ', OculusViseme.CH), e('ʑ', OculusViseme.CH),
            e('ʂ', OculusViseme.CH), e('ʐ', OculusViseme.CH), e('ç', OculusViseme.CH), e('ɲ', OculusViseme.NN),
            e('s', OculusViseme.SS), e('z', OculusViseme.SS),
            e('n', OculusViseme.NN), e('l', OculusViseme.NN), e('ʎ', OculusViseme.NN), e('ɫ', OculusViseme.NN),
            e('r', OculusViseme.RR), e('ʁ', OculusViseme.RR), e('ɹ', OculusViseme.RR), e('ʀ', OculusViseme.RR),
            e('ɻ', OculusViseme.RR), e('ɚ', OculusViseme.RR), e('ɝ', OculusViseme.RR),
            e('j', OculusViseme.I), e('w', OculusViseme.U), e('ɥ', OculusViseme.U),
            e('a', OculusViseme.AA), e('ɑ', OculusViseme.AA), e('ɐ', OculusViseme.AA), e('æ', OculusViseme.AA),
            e('ʌ', OculusViseme.AA), e('ɒ', OculusViseme.O),
            e('e', OculusViseme.E), e('ɛ', OculusViseme.E), e('ə', OculusViseme.E), e('ɜ', OculusViseme.E),
            e('œ', OculusViseme.E), e('ɘ', OculusViseme.E), e('ø', OculusViseme.U),
            e('i', OculusViseme.I), e('ɪ', OculusViseme.I), e('ɨ', OculusViseme.I), e('ᵻ', OculusViseme.I),
            e('y', OculusViseme.U), e('ʏ', OculusViseme.U),
            e('o', OculusViseme.O), e('ɔ', OculusViseme.O), e('ɤ', OculusViseme.O), e('ɵ', OculusViseme.O),
            e('u', OculusViseme.U), e('ʊ', OculusViseme.U), e('ɯ', OculusViseme.U), e('ʉ', OculusViseme.U));

    private IpaVisemes() {
    }

    private static Map.Entry<Integer, OculusViseme> e(int letter, OculusViseme viseme) {
        return Map.entry(letter, viseme);
    }

    static OculusViseme of(String phone) {
        // NFD splits precomposed letters (ã → a + tilde), so the base letter decides.
        String base = Normalizer.normalize(phone, Normalizer.Form.NFD);
        if (base.isEmpty()) {
            return OculusViseme.E;
        }
        return FIRST.getOrDefault(base.codePointAt(0), OculusViseme.E);
    }
}
