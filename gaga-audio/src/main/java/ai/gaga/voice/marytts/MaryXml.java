package ai.gaga.voice.marytts;

import ai.gaga.GagaException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;

/** Builds the MaryXML 0.5 document (input type RAWMARYXML) that carries one line and its prosody. */
final class MaryXml {
    static final String NAMESPACE = "http://mary.dfki.de/2002/MaryXML";
    /** The only MaryTTS voice on Maven Central is US English. */
    static final String LANGUAGE = "en-US";

    private MaryXml() {
    }

    /**
     * The document as text: {@code <maryxml>} with the text, wrapped in {@code <prosody>} when its pitch or range
     * change anything. The rate is never given to Mary (see {@link Prosody#tempo()}).
     */
    static String text(String words, Prosody prosody) {
        StringBuilder xml = new StringBuilder(words.length() + 200);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<maryxml version=\"0.5\" xmlns=\"").append(NAMESPACE).append("\" xml:lang=\"")
                .append(LANGUAGE).append("\">");
        if (prosody.changesPitch()) {
            xml.append("<prosody pitch=\"").append(Prosody.percent(prosody.pitchPercent()))
                    .append("\" range=\"").append(Prosody.percent(prosody.rangePercent())).append("\">")
                    .append(escape(words)).append("</prosody>");
        } else {
            xml.append(escape(words));
        }
        return xml.append("</maryxml>").toString();
    }

    /** The same, parsed into a namespace-aware DOM, as Mary's {@code generateXML(Document)} expects. */
    static Document document(String words, Prosody prosody) {
        String xml = text(words, prosody);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new GagaException("Cannot build MaryXML for \"" + words + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Escapes XML's special characters; characters XML 1.0 cannot carry at all (most control characters, lone
     * surrogates) become spaces, which is also how a speaker would treat them.
     */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (allowedInXml(cp)) {
                        out.appendCodePoint(cp);
                    } else {
                        out.append(' ');
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowedInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
