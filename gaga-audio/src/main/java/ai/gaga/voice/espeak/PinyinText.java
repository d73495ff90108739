package ai.gaga.voice.espeak;

import com.hankcs.hanlp.HanLP;

import java.util.List;

/**
 * Turns Chinese text into tone-numbered pinyin for espeak-ng's {@code cmn-latn-pinyin} voice, because Debian's 1.51
 * {@code cmn} voice misreads characters. HanLP segments words first, so polyphones get their reading in context
 * (银行 yin2 hang2, 音乐 yin1 yue4).
 */
final class PinyinText {
    private PinyinText() {
    }

    /** Whether the code point is a Han character. */
    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** Hanzi become space-separated syllables with tone digits (5 = neutral); everything else is kept as it is. */
    static String toPinyin(String text) {
        List<com.hankcs.hanlp.dictionary.py.Pinyin> syllables = HanLP.convertToPinyinList(text);
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (int offset = 0; offset < text.length(); ) {
            int cp = text.codePointAt(offset);
            if (isHan(cp) && i < syllables.size()) {
                com.hankcs.hanlp.dictionary.py.Pinyin p = syllables.get(i);
                if (p != com.hankcs.hanlp.dictionary.py.Pinyin.none5) {
                    if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                        out.append(' ');
                    }
                    out.append(p.getPinyinWithoutTone().replace('ü', 'v')).append(p.getTone()).append(' ');
                }
            } else {
                out.append(chinesePunctuation(cp));
            }
            // HanLP returns one entry per char (UTF-16 unit) of the input.
            i += Character.charCount(cp);
            offset += Character.charCount(cp);
        }
        return out.toString().replaceAll(" +", " ").replaceAll(" ([,.!?;:])", "$1").trim();
    }

    /** Full-width punctuation → ASCII, so espeak pauses at it. */
    private static String chinesePunctuation(int cp) {
        return switch (cp) {
            case '，', '、' -> ", ";
            case '。' -> ". ";
            case '！' -> "! ";
            case '？' -> "? ";
            case '；' -> "; ";
            case '：' -> ": ";
            default -> new String(Character.toChars(cp));
        };
    }
}
