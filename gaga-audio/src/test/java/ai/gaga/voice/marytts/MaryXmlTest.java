package ai.gaga.voice.marytts;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaryXmlTest {
    @Test
    void escapesXmlSpecialCharactersAndKeepsTheWords() {
        String words = "Tom & Jerry <3 \"quotes\" isn't </maryxml> ]]>";
        Document doc = MaryXml.document(words, Prosody.NEUTRAL);
        Element root = doc.getDocumentElement();
        assertEquals(MaryXml.NAMESPACE, root.getNamespaceURI());
        assertEquals("maryxml", root.getLocalName());
        assertEquals("0.5", root.getAttribute("version"));
        assertEquals("en-US", root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals(words, root.getTextContent());
    }

    @Test
    void controlCharactersBecomeSpaces() {
        assertEquals("a b c", MaryXml.escape("a\u0000b\u0007c"));
        assertEquals("tab\tand\nnewline", MaryXml.escape("tab\tand\nnewline"));
        assertEquals("emoji \uD83D\uDE00 ok", MaryXml.escape("emoji \uD83D\uDE00 ok"));
        assertEquals("lone   surrogate", MaryXml.escape("lone \uD800 surrogate"));
    }

    @Test
    void wrapsTheWordsInProsodyOnlyWhenPitchOrRangeChange() {
        assertFalse(MaryXml.text("Hi", Prosody.NEUTRAL).contains("<prosody"));
        Prosody sad = new Prosody(-25, -12.4, -40, null, 1, 0);
        Element prosody = (Element) MaryXml.document("Hi", sad).getDocumentElement().getFirstChild();
        assertEquals("prosody", prosody.getLocalName());
        assertFalse(prosody.hasAttribute("rate"), "the rate is applied to the audio, not by Mary");
        assertEquals("-12%", prosody.getAttribute("pitch"));
        assertEquals("-40%", prosody.getAttribute("range"));
        assertEquals("Hi", prosody.getTextContent());
        assertFalse(MaryXml.text("Hi", new Prosody(10, 0, 0, null, 1, 0)).contains("<prosody"));
    }
}
