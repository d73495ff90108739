package ai.gaga.voice.marytts;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a voice tremble by modulating the F0 targets in Mary's ACOUSTPARAMS before the vocoder runs. None of Mary's
 * audio effects shakes the pitch, but its HMM vocoder follows the {@code f0="(percent,Hz)…"} targets of each
 * {@code <ph>}, which voiced phones carry every 5 ms, so a tremor written there is heard (somewhat smoothed: measured,
 * about 60% of the depth reaches the audio).
 */
final class F0Tremor {
    /** Main tremor rate (Hz): physiological voice tremor sits around 4-7 Hz. */
    private static final double RATE_HZ = 5.5;
    /** A weaker, faster partial so the shake does not sound like a synthetic vibrato. */
    private static final double SECOND_RATE_HZ = 8.3;
    private static final double SECOND_WEIGHT = 0.35;
    private static final Pattern TARGET = Pattern.compile("\\(\\s*([-0-9.]+)\\s*,\\s*([-0-9.]+)\\s*\\)");

    private F0Tremor() {
    }

    /**
     * Modulates every F0 target in place.
     *
     * @param depth peak deviation as a fraction of F0, e.g. 0.06 for ±6%
     * @return how many targets were changed
     */
    static int apply(Document acousticParameters, double depth) {
        if (depth <= 0) {
            return 0;
        }
        NodeList phones = acousticParameters.getElementsByTagNameNS("*", "ph");
        int changed = 0;
        for (int i = 0; i < phones.getLength(); i++) {
            Element ph = (Element) phones.item(i);
            String f0 = ph.getAttribute("f0");
            if (f0.isEmpty() || ph.getAttribute("d").isEmpty() || ph.getAttribute("end").isEmpty()) {
                continue;
            }
            double duration = Double.parseDouble(ph.getAttribute("d")) / 1000;
            double start = Double.parseDouble(ph.getAttribute("end")) - duration;
            StringBuilder out = new StringBuilder(f0.length() + 16);
            Matcher m = TARGET.matcher(f0);
            while (m.find()) {
                double percent = Double.parseDouble(m.group(1));
                double hz = Double.parseDouble(m.group(2));
                double t = start + percent / 100 * duration;
                double shake = (Math.sin(2 * Math.PI * RATE_HZ * t)
                        + SECOND_WEIGHT * Math.sin(2 * Math.PI * SECOND_RATE_HZ * t + 1.3)) / (1 + SECOND_WEIGHT);
                out.append('(').append(m.group(1)).append(',')
                        .append(String.format(Locale.ROOT, "%.0f", hz * (1 + depth * shake))).append(')');
                changed++;
            }
            ph.setAttribute("f0", out.toString());
        }
        return changed;
    }
}
