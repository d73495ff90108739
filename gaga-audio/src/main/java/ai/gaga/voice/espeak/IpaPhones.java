package ai.gaga.voice.espeak;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits espeak-ng's {@code --ipa} output into words of phones. A phone is a base letter plus what modifies it
 * (combining marks such as the nasal tilde, length {@code ː}, aspiration, tie bars and the letter after a tie), so
 * {@code bɔ̃ʒˈuʁ} becomes {@code b ɔ̃ ʒ u ʁ}. Stress marks, espeak's clitic hyphen and tone digits carry no time of their own.
 */
final class IpaPhones {
    private static final String VOWELS = "aeiouyæɐɑɒɔɘəɚɛɜɞɤɨɪɯɵøœɶʉʊʌʏᵻ";
    private static final String MODIFIERS = "ːˑʰʲʷˠˤ̃ʼ˞";

    private IpaPhones() {
    }

    /** Words (whitespace-separated in espeak's output) as lists of phones; empty words dropped. */
    static List<List<String>> words(String ipa) {
        List<List<String>> words = new ArrayList<>();
        for (String word : ipa.trim().split("\\s+")) {
            List<String> phones = phones(word);
            if (!phones.isEmpty()) {
                words.add(phones);
            }
        }
        return words;
    }

    static List<String> phones(String word) {
        List<String> phones = new ArrayList<>();
        StringBuilder current = null;
        boolean tied = false;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 'ˈ' || cp == 'ˌ' || cp == '-' || cp == '_' || cp == '|') {
                continue;
            }
            boolean modifier = MODIFIERS.indexOf(cp) >= 0 || Character.isDigit(cp)
                    || Character.getType(cp) == Character.NON_SPACING_MARK;
            if (cp == '\u0361' || cp == '\u035c') { // tie bar: the next letter belongs to this phone (t͡ʃ)
                tied = true;
            }
            if (current != null && (modifier || tied)) {
                if (Character.isDigit(cp)) {
                    continue; // tone numbers (cmn) are not sounds
                }
                current.appendCodePoint(cp);
                if (!modifier) {
                    tied = false;
                }
                continue;
            }
            if (modifier) {
                continue;
            }
            if (current != null) {
                phones.add(current.toString());
            }
            current = new StringBuilder().appendCodePoint(cp);
        }
        if (current != null) {
            phones.add(current.toString());
        }
        return phones;
    }

    /** Typical relative length: vowels about twice a consonant, long marks longer still. */
    static double weight(String phone) {
        double w = VOWELS.indexOf(phone.codePointAt(0)) >= 0 ? 2.0 : 1.0;
        if (phone.indexOf('ː') >= 0) {
            w += 0.7;
        }
        return w;
    }
}
