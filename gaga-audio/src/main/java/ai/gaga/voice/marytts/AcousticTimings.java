package ai.gaga.voice.marytts;

import ai.gaga.GagaException;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.WordTiming;
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
        return read(acousticParameters, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * The words of the document ({@code <t>} tokens that have phones: punctuation tokens have none) timed by the
     * {@code phones} made from it by {@link #of} and then fitted to the audio ({@link PhoneAlignment#fit}, which keeps
     * the phones' order and count up to the end). A word runs from its first phone's start to its last phone's end.
     */
    static List<WordTiming> words(Document acousticParameters, List<PhoneTiming> phones) {
        List<Integer> tokens = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        read(acousticParameters, tokens, texts);
        List<WordTiming> out = new ArrayList<>();
        int current = -1;
        double start = 0;
        double end = 0;
        for (int k = 0; k < Math.min(tokens.size(), phones.size()); k++) {
            int token = tokens.get(k);
            if (token != current && current >= 0) {
                out.add(new WordTiming(texts.get(current), start, end));
            }
            if (token >= 0 && token != current) {
                start = phones.get(k).start();
            }
            if (token >= 0) {
                end = phones.get(k).end();
            }
            current = token;
        }
        if (current >= 0) {
            out.add(new WordTiming(texts.get(current), start, end));
        }
        return List.copyOf(out);
    }

    /**
     * Reads the phones; {@code tokens} gets, per phone, the index in {@code texts} of the token it belongs to
     * (-1 for a pause or a phone outside any token).
     */
    private static List<PhoneTiming> read(Document acousticParameters, List<Integer> tokens, List<String> texts) {
        NodeList all = acousticParameters.getElementsByTagNameNS("*", "*");
        List<PhoneTiming> phones = new ArrayList<>();
        double t = 0;
        Element lastToken = null;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = e.getLocalName();
            if ("ph".equals(name)) {
                double d = milliseconds(e, "d");
                phones.add(new PhoneTiming(e.getAttribute("p"), t, t + d));
                Element token = token(e);
                if (token != null && token != lastToken) {
                    texts.add(token.getTextContent().strip());
                    lastToken = token;
                }
                tokens.add(token == null ? -1 : texts.size() - 1);
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
                    tokens.add(-1);
                }
                t += d;
            }
        }
        return List.copyOf(phones);
    }

    /** The innermost {@code <t>} around a phone, or null. */
    private static Element token(Element phone) {
        for (org.w3c.dom.Node n = phone.getParentNode(); n != null; n = n.getParentNode()) {
            if (n instanceof Element el && "t".equals(el.getLocalName())) {
                return el;
            }
        }
        return null;
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
