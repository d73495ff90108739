package ai.gaga.voice.espeak;


import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The voices an espeak-ng install has, from {@code espeak-ng --voices}, parsed once per JVM (the call takes ~50 ms and
 * {@link ai.gaga.voice.SpeechEngineFactory#languages()} must be cheap).
 *
 * @param names     voice names as lower-case tags ({@code fr-fr}, {@code cmn-latn-pinyin}, {@code en-us})
 * @param languages their primary subtags ({@code fr}, {@code cmn}, {@code en}), plus {@code zh} when Mandarin is there
 */
record EspeakVoices(Set<String> names, Set<String> languages) {
    private static volatile EspeakVoices installed;

    EspeakVoices {
        names = Set.copyOf(names);
        languages = Set.copyOf(languages);
    }

    /** The voices of the installed binary; empty when it is missing. */
    static EspeakVoices installed() {
        EspeakVoices v = installed;
        if (v == null) {
            Path binary = EspeakProcess.binary();
            v = EspeakProcess.available(binary) ? parse(new String(EspeakProcess.runNoInput(binary, "--voices"),
                    StandardCharsets.UTF_8)) : new EspeakVoices(Set.of(), Set.of());
            installed = v;
        }
        return v;
    }

    /** Parses the table {@code Pty Language Age/Gender VoiceName File Other Languages}. */
    static EspeakVoices parse(String table) {
        Set<String> names = new TreeSet<>();
        Set<String> languages = new TreeSet<>();
        for (String line : table.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length < 2 || !cols[0].matches("\\d+")) {
                continue;
            }
            String tag = cols[1].toLowerCase(Locale.ROOT);
            names.add(tag);
            String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            languages.add(primary);
        }
        if (languages.contains("cmn")) {
            languages.add("zh");
        }
        return new EspeakVoices(names, languages);
    }
}
