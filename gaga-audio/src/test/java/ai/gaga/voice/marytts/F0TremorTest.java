package ai.gaga.voice.marytts;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class F0TremorTest {
    private static final String PHONE = "<ph d=\"200\" end=\"0.2\" p=\"a\" f0=\""
            + "(0,200)(12,200)(25,200)(37,200)(50,200)(62,200)(75,200)(87,200)(100,200)\"/>";

    @Test
    void modulatesEveryTargetWithinTheDepth() throws Exception {
        Document doc = AcousticTimingsTest.parse(PHONE + "<ph d=\"50\" end=\"0.25\" p=\"s\"/>");
        assertEquals(9, F0Tremor.apply(doc, 0.1));
        Element ph = (Element) doc.getElementsByTagNameNS("*", "ph").item(0);
        Matcher m = Pattern.compile("\\((\\d+),(\\d+)\\)").matcher(ph.getAttribute("f0"));
        double min = Double.MAX_VALUE;
        double max = 0;
        int n = 0;
        while (m.find()) {
            double hz = Double.parseDouble(m.group(2));
            min = Math.min(min, hz);
            max = Math.max(max, hz);
            n++;
        }
        assertEquals(9, n, "every target kept, in the same syntax");
        assertTrue(min >= 180 - 1 && max <= 220 + 1, min + ".." + max);
        assertTrue(max - min > 15, "a 200 ms phone spans more than one tremor cycle: " + min + ".." + max);
    }

    @Test
    void zeroDepthChangesNothing() throws Exception {
        Document doc = AcousticTimingsTest.parse(PHONE);
        assertEquals(0, F0Tremor.apply(doc, 0));
        assertTrue(((Element) doc.getElementsByTagNameNS("*", "ph").item(0)).getAttribute("f0").startsWith("(0,200)"));
    }
}
