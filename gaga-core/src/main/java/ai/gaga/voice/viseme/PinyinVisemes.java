package ai.gaga.voice.viseme;

import java.util.List;
import java.util.Locale;

/**
 * Mandarin pinyin syllables → visemes: the initial's shape, then the final's (its first vowel decides; a medial i/u/ü
 * is a glide, and a final -n/-ng closes to {@code nn}/{@code kk}). For text or timings given in pinyin; espeak's IPA for
 * Mandarin goes through {@link VisemeMapper#IPA}.
 */
@ai.gaga.Internal
public final class PinyinVisemes {
    private static final List<String> INITIALS = List.of("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g",
            "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w");

    private PinyinVisemes() {
    }

    /** Visemes of one syllable such as {@code zhong1} or {@code lü4}, in order (1 to 4 shapes). */
    public static List<OculusViseme> of(String syllable) {
        String s = syllable.toLowerCase(Locale.ROOT).replaceAll("[0-9]", "").replace("ü", "v").replace("u:", "v");
        String initial = INITIALS.stream().filter(s::startsWith).findFirst().orElse("");
        String fin = s.substring(initial.length());
        java.util.ArrayList<OculusViseme> out = new java.util.ArrayList<>();
        if (!initial.isEmpty()) {
            out.add(initial(initial));
        }
        // After j, q, x and y, a written u is ü.
        if (fin.startsWith("u") && (initial.equals("j") || initial.equals("q") || initial.equals("x")
                || initial.equals("y"))) {
            fin = "v" + fin.substring(1);
        }
        // zi, ci, si, zhi, chi, shi, ri: the "i" is a buzzed apical vowel with neutral lips, not a spread i.
        if (fin.equals("i") && List.of("z", "c", "s", "zh", "ch", "sh", "r").contains(initial)) {
            out.add(OculusViseme.E);
            return List.copyOf(out);
        }
        String core = fin.replaceAll("ng$|n$", "");
        if (core.length() > 1 && "iuv".indexOf(core.charAt(0)) >= 0) {
            out.add(vowel(core.charAt(0))); // medial glide
            core = core.substring(1);
        }
        if (!core.isEmpty()) {
            out.add(vowel(core.charAt(0)));
        }
        if (fin.endsWith("ng")) {
            out.add(OculusViseme.KK);
        } else if (fin.endsWith("n")) {
            out.add(OculusViseme.NN);
        }
        return out.isEmpty() ? List.of(OculusViseme.E) : List.copyOf(out);
    }

    private static OculusViseme initial(String initial) {
        return switch (initial) {
            case "b", "p", "m" -> OculusViseme.PP;
            case "f" -> OculusViseme.FF;
            case "d", "t" -> OculusViseme.DD;
            case "n", "l" -> OculusViseme.NN;
            case "g", "k", "h" -> OculusViseme.KK;
            case "j", "q", "x", "zh", "ch", "sh" -> OculusViseme.CH;
            case "r" -> OculusViseme.RR;
            case "z", "c", "s" -> OculusViseme.SS;
            case "y" -> OculusViseme.I;
            case "w" -> OculusViseme.U;
            default -> OculusViseme.E;
        };
    }

    private static OculusViseme vowel(char v) {
        return switch (v) {
            case 'a' -> OculusViseme.AA;
            case 'o' -> OculusViseme.O;
            case 'e' -> OculusViseme.E;
            case 'i' -> OculusViseme.I;
            case 'u', 'v' -> OculusViseme.U;
            default -> OculusViseme.E;
        };
    }
}
