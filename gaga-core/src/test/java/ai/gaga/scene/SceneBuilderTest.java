package ai.gaga.scene;

import ai.gaga.InvalidSceneException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneBuilderTest {
    private static final Path MAYA = Path.of("maya.jpg");
    private static final Path LEO = Path.of("leo.png");

    @Test
    void fluentCallsShapeTheLineJustAddedAndKeepOrder() {
        Scene scene = Scene.builder()
                .actor("maya", MAYA).voice(Voice.of("en-GB"))
                .says("I have to go.").emotion(Emotion.SADNESS, 0.7).delivery(Delivery.WHISPER)
                .pause(Duration.ofMillis(600))
                .actor("leo", LEO).says("Wait!").emotion(Emotion.ANGER)
                .actor("maya").says("Goodbye.")
                .resolution(Resolution.VERTICAL_FULL_HD).fps(30).seed(7).maxDuration(Duration.ofSeconds(20))
                .build();
        assertEquals(List.of("maya", "leo"), scene.actors().stream().map(Actor::name).toList());
        assertEquals("en-GB", scene.actor("MAYA").orElseThrow().voice().language());
        assertEquals(4, scene.elements().size());
        Line first = scene.lines().get(0);
        assertEquals(new Line("maya", "I have to go.", Emotion.SADNESS, 0.7, Delivery.WHISPER), first);
        assertEquals(new Pause(Duration.ofMillis(600)), scene.elements().get(1));
        assertEquals(Emotion.ANGER, scene.lines().get(1).emotion());
        assertEquals(0.7, scene.lines().get(1).intensity());
        assertEquals("maya", scene.lines().get(2).actor());
        assertEquals(Emotion.NEUTRAL, scene.lines().get(2).emotion());
        assertEquals(1080, scene.resolution().width());
        assertEquals(30, scene.fps());
        assertEquals(7, scene.seed());
        assertEquals(Duration.ofMillis(600), scene.totalPauses());
    }

    @Test
    void defaultsAre1080p25With60sLimit() {
        Scene scene = Scene.builder().actor(MAYA).says("Hi.").build();
        assertEquals(Resolution.FULL_HD, scene.resolution());
        assertEquals(25, scene.fps());
        assertEquals(Duration.ofSeconds(60), scene.maxDuration());
        assertEquals("maya", scene.actors().get(0).name());
        assertEquals(Voice.DEFAULT, scene.actors().get(0).voice());
    }

    @Test
    void sceneIsImmutableAndToBuilderMakesAVariant() {
        Scene scene = Scene.builder().actor(MAYA).says("Hi.").build();
        assertThrows(UnsupportedOperationException.class, () -> scene.elements().add(new Pause(Duration.ofSeconds(1))));
        Scene longer = scene.toBuilder().says("Bye.").build();
        assertNotSame(scene, longer);
        assertEquals(1, scene.lines().size());
        assertEquals(2, longer.lines().size());
    }

    @Test
    void emptyTextIsRejectedWithTheLineAndActor() {
        InvalidSceneException e = assertThrows(InvalidSceneException.class,
                () -> Scene.builder().actor("maya", MAYA).says("Hello").says("   "));
        assertTrue(e.getMessage().contains("Line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("maya"), e.getMessage());
    }

    @Test
    void misuseFailsWithSpecificMessages() {
        assertTrue(assertThrows(InvalidSceneException.class, () -> Scene.builder().says("Hi"))
                .getMessage().contains("actor(name, photo) first"));
        assertTrue(assertThrows(InvalidSceneException.class,
                () -> Scene.builder().actor(MAYA).emotion(Emotion.JOY, 0.5))
                .getMessage().contains("says(text) before"));
        assertTrue(assertThrows(InvalidSceneException.class,
                () -> Scene.builder().actor(MAYA).says("x").emotion(Emotion.JOY, 1.5))
                .getMessage().contains("0..1"));
        assertTrue(assertThrows(InvalidSceneException.class, () -> Scene.builder().fps(60))
                .getMessage().contains("24, 25, 30"));
        assertTrue(assertThrows(InvalidSceneException.class, () -> Scene.builder().actor("nobody"))
                .getMessage().contains("Unknown actor 'nobody'"));
        assertTrue(assertThrows(InvalidSceneException.class, () -> Scene.builder().pause(Duration.ZERO))
                .getMessage().contains("positive"));
    }

    @Test
    void buildNamesEveryMissingPart() {
        InvalidSceneException e = assertThrows(InvalidSceneException.class, () -> Scene.builder().build());
        assertTrue(e.getMessage().contains("no actor"), e.getMessage());
        assertTrue(e.getMessage().contains("no line"), e.getMessage());
    }

    @Test
    void pausesLongerThanTheLimitFailAtBuild() {
        InvalidSceneException e = assertThrows(InvalidSceneException.class, () -> Scene.builder().actor(MAYA)
                .says("Hi").pause(Duration.ofSeconds(61)).build());
        assertTrue(e.getMessage().contains("exceed maxDuration"), e.getMessage());
    }

    @Test
    void resolutionParsesNamesAndSizesAndRejectsOddOnes() {
        assertEquals(Resolution.SQUARE, Resolution.parse("square"));
        assertEquals(Resolution.VERTICAL_FULL_HD, Resolution.parse("9:16"));
        assertEquals(new Resolution(1280, 720), Resolution.parse("1280x720"));
        assertThrows(IllegalArgumentException.class, () -> Resolution.parse("1281x720"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Resolution.parse("huge")).getMessage()
                .contains("WIDTHxHEIGHT"));
    }

    @Test
    void eachActorRestsNeutralByDefaultAndCanKeepThePhotosExpression() {
        Scene s = Scene.builder().actor("maya", MAYA).says("Hi.").actor("leo", LEO).rest(Rest.AS_PHOTOGRAPHED)
                .face(FacePick.index(1)).says("Hello.").build();
        assertEquals(Rest.NEUTRAL, s.actor("maya").orElseThrow().rest());
        Actor leo = s.actor("leo").orElseThrow();
        assertEquals(Rest.AS_PHOTOGRAPHED, leo.rest());
        assertEquals(FacePick.index(1), leo.face(), "face(...) after rest(...) keeps the rest and vice versa");
        assertEquals(Rest.AS_PHOTOGRAPHED, s.toBuilder().actor("leo").voice(Voice.of("en-GB")).build()
                .actor("leo").orElseThrow().rest(), "voice(...) keeps the rest");
        assertThrows(InvalidSceneException.class, () -> Scene.builder().rest(Rest.NEUTRAL));
        assertEquals(Rest.NEUTRAL, new Actor("x", MAYA, Voice.DEFAULT, FacePick.LARGEST, null).rest());
    }
    @Test
    void outlandishInputsFailInTheUsersWords() {
        // Seen failing: ArithmeticException (long overflow) from build(), NPEs from inside trim() and the parser,
        // and a bare GagaException for a missing script file.
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
        InvalidSceneException p = assertThrows(InvalidSceneException.class,
                () -> Scene.builder().actor("maya", MAYA).says("Hi.").pause(forever));
        assertTrue(p.getMessage().contains("at most a day"), p.getMessage());
        assertThrows(InvalidSceneException.class, () -> Scene.builder().actor("maya", MAYA).says("Hi.").at(forever));
        assertThrows(InvalidSceneException.class, () -> Scene.builder().maxDuration(forever));
        assertEquals(Duration.ofDays(1), Scene.builder().actor("maya", MAYA).says("Hi.").pause(Duration.ofDays(1))
                .maxDuration(Duration.ofDays(1)).build().elements().stream().filter(Pause.class::isInstance)
                .map(e -> ((Pause) e).duration()).findFirst().orElseThrow());
        NullPointerException n = assertThrows(NullPointerException.class,
                () -> Scene.builder().actor("maya", MAYA).actor((String) null));
        assertEquals("name", n.getMessage());
        assertEquals("photos", assertThrows(NullPointerException.class, () -> Scene.parse("Hello", null))
                .getMessage());
        assertEquals("text", assertThrows(NullPointerException.class, () -> Resolution.parse(null)).getMessage());
        InvalidSceneException missing = assertThrows(InvalidSceneException.class,
                () -> Scene.parse(Path.of("/nope/scene.fountain"), java.util.Map.of()));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }
}
