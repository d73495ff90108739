package ai.gaga.voice.marytts;

import ai.gaga.GagaException;
import ai.gaga.voice.PhoneTiming;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AcousticTimingsTest {
    static Document parse(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(
                "<maryxml xmlns=\"http://mary.dfki.de/2002/MaryXML\" version=\"0.5\">" + body + "</maryxml>")));
    }

    @Test
    void readsPhonesAndPausesInOrderAcrossSentences() throws Exception {
        // Shaped like Mary's output for "Go. Bye." (ACOUSTPARAMS), including its fractional durations.
        Document doc = parse("""
                <p><s><phrase><t><syllable><ph d="70" end="0.07" p="g"/><ph d="200.5" end="0.2705" p="@U"/>\
                </syllable></t><boundary breakindex="5" duration="400"/><boundary breakindex="6" duration="5"/>\
                </phrase></s><s><phrase><t><syllable><ph d="75" end="0.75" p="b"/><ph d="300" end="1.05" p="AI"/>\
                </syllable></t><boundary breakindex="5"/><boundary breakindex="5" duration="405"/></phrase></s></p>""");
        List<PhoneTiming> phones = AcousticTimings.of(doc);
        assertEquals(List.of("g", "@U", "_", "b", "AI", "_"), phones.stream().map(PhoneTiming::phone).toList());
        assertEquals(0.0705 + 0.2, phones.get(1).end(), 1e-9);
        assertEquals(0.6755, phones.get(2).end(), 1e-9, "adjacent pauses merge");
        assertEquals(0.6755, phones.get(3).start(), 1e-9, "the second sentence continues where the first ended");
        assertEquals(1.4555, phones.get(5).end(), 1e-9);
    }

    @Test
    void refusesAnUnreadableDuration() throws Exception {
        Document doc = parse("<ph d=\"fast\" p=\"a\"/>");
        assertThrows(GagaException.class, () -> AcousticTimings.of(doc));
    }
}
