package ai.gaga.voice.language;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Script lines of the kind users write, per language. */
class LanguageDetectorTest {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageDetectorTest.class);
    private final LanguageDetector detector = new LanguageDetector();

    private static final Map<String, List<String>> LINES = Map.of(
            "en", List.of("I have to go now.", "Where were you last night?", "This is the best day of my life!",
                    "We should talk about what happened.", "Can you hear me?", "Nobody knows the truth but me.",
                    "Get out of my house!", "It was raining when she left.", "Thank you for coming with us.",
                    "Why would anyone do that?", "The train leaves at noon.", "I love you more than words can say."),
            "fr", List.of("Je dois partir maintenant.", "Où étais-tu hier soir ?", "C'est le plus beau jour de ma vie !",
                    "Nous devons parler de ce qui s'est passé.", "Tu m'entends ?", "Personne ne connaît la vérité.",
                    "Sors de ma maison !", "Il pleuvait quand elle est partie.", "Merci d'être venu avec nous.",
                    "Pourquoi ferait-on une chose pareille ?", "Le train part à midi.", "Bonjour, je m'appelle Marie."),
            "de", List.of("Ich muss jetzt gehen.", "Wo warst du gestern Abend?", "Das ist der schönste Tag meines Lebens!",
                    "Wir müssen über das reden, was passiert ist.", "Kannst du mich hören?",
                    "Niemand kennt die Wahrheit außer mir.", "Raus aus meinem Haus!", "Es regnete, als sie ging.",
                    "Danke, dass ihr mit uns gekommen seid.", "Warum sollte jemand so etwas tun?",
                    "Der Zug fährt um zwölf Uhr.", "Guten Morgen, meine Liebe."),
            "es", List.of("Tengo que irme ahora.", "¿Dónde estabas anoche?", "¡Es el mejor día de mi vida!",
                    "Tenemos que hablar de lo que pasó.", "¿Me oyes?", "Nadie sabe la verdad excepto yo.",
                    "¡Sal de mi casa!", "Estaba lloviendo cuando ella se fue.", "Gracias por venir con nosotros.",
                    "¿Por qué alguien haría eso?", "El tren sale al mediodía.", "Buenos días, me llamo Lucía."),
            "it", List.of("Devo andare adesso.", "Dove eri ieri sera?", "È il giorno più bello della mia vita!",
                    "Dobbiamo parlare di quello che è successo.", "Mi senti?", "Nessuno conosce la verità tranne me.",
                    "Esci da casa mia!", "Pioveva quando lei è partita.", "Grazie per essere venuti con noi.",
                    "Perché qualcuno dovrebbe farlo?", "Il treno parte a mezzogiorno.", "Ciao, mi chiamo Giulia."),
            "pt", List.of("Eu tenho que ir agora.", "Onde você estava ontem à noite?", "É o melhor dia da minha vida!",
                    "Precisamos falar sobre o que aconteceu.", "Você me ouve?", "Ninguém sabe a verdade além de mim.",
                    "Saia da minha casa!", "Estava chovendo quando ela saiu.", "Obrigado por virem conosco.",
                    "Por que alguém faria isso?", "O trem sai ao meio-dia.", "Bom dia, meu nome é João."));

    @Test
    void recognisesAtLeastNinetyPercentOfLinesPerLatinLanguage() {
        for (var entry : LINES.entrySet()) {
            List<String> wrong = entry.getValue().stream()
                    .filter(line -> !detector.detect(line).equals(entry.getKey()))
                    .map(line -> line + " -> " + detector.detect(line)).toList();
            double accuracy = 1 - wrong.size() / (double) entry.getValue().size();
            LOG.info("language {}: {}% of {} lines, wrong: {}", entry.getKey(), Math.round(accuracy * 100),
                    entry.getValue().size(), wrong);
            assertTrue(accuracy >= 0.9, entry.getKey() + " " + wrong);
        }
    }

    /** Lines written after the word lists were tuned on {@link #LINES}, never used to tune them. */
    private static final Map<String, List<String>> HELD_OUT = Map.of(
            "en", List.of("She never told me her name.", "Open the door, please.", "My brother lives in a small town.",
                    "Tomorrow will be better.", "Look at the stars tonight."),
            "fr", List.of("Elle ne m'a jamais dit son nom.", "Ouvre la porte, s'il te plaît.",
                    "Mon frère habite dans une petite ville.", "Demain sera meilleur.", "Regarde les étoiles ce soir."),
            "de", List.of("Sie hat mir nie ihren Namen gesagt.", "Mach bitte die Tür auf.",
                    "Mein Bruder wohnt in einer kleinen Stadt.", "Morgen wird es besser.", "Schau dir heute die Sterne an."),
            "es", List.of("Ella nunca me dijo su nombre.", "Abre la puerta, por favor.",
                    "Mi hermano vive en un pueblo pequeño.", "Mañana será mejor.", "Mira las estrellas esta noche."),
            "it", List.of("Non mi ha mai detto il suo nome.", "Apri la porta, per favore.",
                    "Mio fratello vive in una piccola città.", "Domani andrà meglio.", "Guarda le stelle stanotte."),
            "pt", List.of("Ela nunca me disse o nome dela.", "Abra a porta, por favor.",
                    "Meu irmão mora numa cidade pequena.", "Amanhã será melhor.", "Olhe as estrelas esta noite."));

    @Test
    void recognisesMostHeldOutLines() {
        long right = 0;
        long all = 0;
        for (var entry : HELD_OUT.entrySet()) {
            for (String line : entry.getValue()) {
                all++;
                String got = detector.detect(line);
                if (got.equals(entry.getKey())) {
                    right++;
                } else {
                    LOG.info("held-out miss: {} -> {} (expected {})", line, got, entry.getKey());
                }
            }
        }
        LOG.info("held-out language accuracy: {} of {} lines", right, all);
        assertTrue(right >= all * 0.75, right + " of " + all);
    }

    @Test
    void detectsOtherScripts() {
        assertEquals("zh", detector.detect("我喜欢音乐。"));
        assertEquals("ja", detector.detect("今日はいい天気ですね。"));
        assertEquals("ja", detector.detect("コーヒーをください"));
        assertEquals("ko", detector.detect("안녕하세요, 만나서 반갑습니다."));
        assertEquals("ru", detector.detect("Привет, как дела?"));
        assertEquals("ar", detector.detect("مرحبا كيف حالك"));
        assertEquals("el", detector.detect("Καλημέρα σας"));
        assertEquals("he", detector.detect("שלום, מה שלומך?"));
    }

    @Test
    void majorityScriptWinsInMixedLines() {
        assertEquals("zh", detector.detect("我今天去 Paris 看朋友。"));
        assertEquals("en", detector.detect("I learned to say 你好 yesterday at school."));
        assertEquals("ru", detector.detect("Я люблю New York очень сильно"));
    }

    @Test
    void fallsBackToEnglishWhenNothingTells() {
        assertEquals("en", detector.detect("!!! 123 … 😀"));
        assertEquals("en", detector.detect(""));
    }
}
