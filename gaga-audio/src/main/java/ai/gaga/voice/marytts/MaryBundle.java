package ai.gaga.voice.marytts;

import ai.gaga.GagaException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The MaryTTS jars nested inside gaga-audio's own jar ({@code ai/gaga/voice/marytts/lib/}), as described by the
 * build-written {@code marytts.properties} beside this class.
 *
 * @param version      MaryTTS version, e.g. {@code 5.2.1}
 * @param jars         file names under {@code lib/}, the runtime first
 * @param defaultVoice voice used when a request names none
 */
record MaryBundle(String version, List<String> jars, String defaultVoice) {
    private static final String DESCRIPTOR = "marytts.properties";
    private static final String LIB = "lib/";

    MaryBundle {
        jars = List.copyOf(jars);
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("No MaryTTS jars listed");
        }
    }

    /** The bundle this gaga-audio jar was built with. */
    static MaryBundle load() {
        try (InputStream in = MaryBundle.class.getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                throw new GagaException("gaga-audio is incomplete: " + DESCRIPTOR + " is missing beside "
                        + MaryBundle.class.getName() + " (rebuild gaga-audio with Maven)");
            }
            Properties p = new Properties();
            p.load(in);
            String version = require(p, "version");
            List<String> jars = Arrays.stream(require(p, "jars").split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
            return new MaryBundle(version, jars, require(p, "defaultVoice"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DESCRIPTOR, e);
        }
    }

    private static String require(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new GagaException("gaga-audio is incomplete: " + DESCRIPTOR + " has no usable '" + key
                    + "' (was it built without resource filtering?)");
        }
        return value.trim();
    }

    /** Where a nested jar is, or null when this build lacks it. */
    URL resource(String jar) {
        return MaryBundle.class.getResource(LIB + jar);
    }

    /** Whether every jar is present (cheap: no extraction). */
    boolean complete() {
        return jars.stream().allMatch(j -> resource(j) != null);
    }
}
