package ai.gaga.voice.marytts;

import ai.gaga.GagaException;
import ai.gaga.voice.PhoneTiming;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

/**
 * Phone timings from Mary's acoustic parameters (ACOUSTPARAMS): each {@code <ph p="…" d="ms">} is a phone and each
 * {@code <boundary duration="ms">} a pause ({@code _}), in document order. The audio is synthesised from the same
 * document, so both describe the same speech (to Mary's frame rounding, see {@link PhoneAlignment}).
 *
 * <p>Mary's own timing outputs are not used, for two measured reasons: REALISED_DURATIONS is wrong from the second
 * sentence of a line on (with "I have to go. Goodbye." the second sentence starts 1.2 s late: its time offset is
 * counted twice), and both it and REALISED_ACOUSTPARAMS run the vocoder without reading its output, which leaves one
 * vocoder thread blocked forever per sentence.
 */
final class AcousticTimings {
    private AcousticTimings() {
    }

    /** Phones in order, the first starting at 0; adjacent pauses are merged. */
    static List<PhoneTiming> of(Document acousticParameters) {
        NodeList all = acousticParameters.getElementsByTagNameNS("*", "*");
        List<PhoneTiming> phones = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = e.getLocalName();
            if ("ph".equals(name)) {
                double d = milliseconds(e, "d");
                phones.add(new PhoneTiming(e.getAttribute("p"), t, t + d));
                t += d;
            } else if ("boundary".equals(name) && e.hasAttribute("duration")) {
                double d = milliseconds(e, "duration");
                if (d <= 0) {
                    continue;
                }
                PhoneTiming last = phones.isEmpty() ? null : phones.get(phones.size() - 1);
                if (last != null && last.isSilence()) {
                    phones.set(phones.size() - 1, new PhoneTiming(last.phone(), last.start(), t + d));
                } else {
                    phones.add(new PhoneTiming("_", t, t + d));
                }
                t += d;
            }
        }
        return List.copyOf(phones);
    }

    private static double milliseconds(Element e, String attribute) {
        String value = e.getAttribute(attribute);
        try {
            double ms = Double.parseDouble(value);
            if (!(ms >= 0) || Double.isInfinite(ms)) {
                throw new NumberFormatException(value);
            }
            return ms / 1000;
        } catch (NumberFormatException ex) {
            throw new GagaException("MaryTTS returned an unreadable duration " + attribute + "='" + value + "' on <"
                    + e.getLocalName() + " p='" + e.getAttribute("p") + "'>");
        }
    }
}
