package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.InvalidPhotoException;
import ai.gaga.InvalidSceneException;
import ai.gaga.OutputException;
import ai.gaga.ProgressListener;
import ai.gaga.RenderCancelledException;
import ai.gaga.RenderResult;
import ai.gaga.RenderStage;
import ai.gaga.SceneTooLongException;
import ai.gaga.UnsupportedLanguageException;
import ai.gaga.models.ModelStore;
import ai.gaga.models.ModelUnavailableException;
import ai.gaga.scene.Scene;
import ai.gaga.scene.Voice;
import ai.gaga.testing.Ffprobe;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input fails with a specific exception, and no failure leaves anything at (or beside) the output
 * path.
 */
class BadInputTest {
    static Gaga gaga;

    @TempDir
    Path dir;

    Path out;

    @BeforeAll
    static void start() {
        gaga = Gaga.builder().models(Fixtures.modelStore()).build();
    }

    @AfterAll
    static void stop() {
        gaga.close();
    }

    @AfterEach
    void nothingHalfWritten() throws Exception {
        if (out == null || !Files.isDirectory(out.getParent())) {
            return;
        }
        // a cancelled async render removes its temporary file right after the future completes
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (partFiles().findAny().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(partFiles().findAny().isPresent(), "temporary file left behind");
    }

    private Stream<Path> partFiles() throws IOException {
        return Files.list(out.getParent()).filter(p -> p.getFileName().toString().endsWith(".part"));
    }

    private Scene sceneWith(Path photo) {
        return Scene.builder().actor("maya", photo).says("Hello there.").build();
    }

    private <T extends Throwable> T failsWithoutOutput(Class<T> type, Scene scene) {
        out = dir.resolve("out.mp4");
        T e = assertThrows(type, () -> gaga.render(scene, out));
        assertFalse(Files.exists(out), "no output after " + type.getSimpleName());
        return e;
    }

    @Test
    void aMissingSoundFileIsNamedBeforeAnyWorkWhereverItsCueStands() {
        // Seen failing: a missing music file after the last line rendered without a word (the mix never read it).
        Path song = dir.resolve("missing-song.mp3");
        for (Scene scene : List.of(
                Scene.builder().actor("maya", Fixtures.graceHopper()).says("Hello there.").music(song).build(),
                Scene.builder().actor("maya", Fixtures.graceHopper()).music(song).says("Hello there.").build())) {
            long t0 = System.nanoTime();
            InvalidSceneException e = failsWithoutOutput(InvalidSceneException.class, scene);
            assertTrue(e.getMessage().contains("music file") && e.getMessage().contains(song.toString())
                    && e.getMessage().contains("not found"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "took " + (System.nanoTime() - t0) / 1e9 + " s");
        }
    }

    @Test
    void aSoundCueAfterTheLastLineIsWarnedAbout() {
        // Seen: the README's API example put .music(...).ambience(...) after its last line; the clip was silent
        // under the voice and nothing said why.
        ai.gaga.RenderPlan late = gaga.plan(Scene.builder().actor("maya", Fixtures.graceHopper())
                .says("Hello there.").music("melancholic piano").ambience("rain").build());
        assertEquals(2, late.warnings().stream().filter(w -> w.contains("after the last line")).count(),
                late.warnings().toString());
        assertTrue(late.warnings().stream().anyMatch(w -> w.startsWith("[music: melancholic piano]")),
                late.warnings().toString());
        ai.gaga.RenderPlan early = gaga.plan(Scene.builder().actor("maya", Fixtures.graceHopper())
                .music("melancholic piano").ambience("rain").says("Hello there.").build());
        assertTrue(early.warnings().stream().noneMatch(w -> w.contains("after the last line")),
                early.warnings().toString());
        // And what a script says that is not used reaches the plan too (seen: only a log line).
        ai.gaga.RenderPlan typo = gaga.plan(Scene.parse("MAYA\n(angryy) Hello there.",
                java.util.Map.of("maya", Fixtures.graceHopper())));
        assertTrue(typo.warnings().stream().anyMatch(w -> w.contains("angryy") && w.contains("line 2")),
                typo.warnings().toString());
    }

    @Test
    void fullWidthTextIsSpokenAndUnpronounceableTextNamesItsLine() {
        // Seen failing: "ｈｅｌｌｏ" (typed on a CJK keyboard) ended in a bare "MaryTTS found nothing to say" (the CLI's
        // exit 1, an unexpected failure), naming neither the line nor the actor.
        ai.gaga.RenderPlan wide = gaga.plan(Scene.builder().actor("maya", Fixtures.graceHopper())
                .says("ｈｅｌｌｏ ｔｈｅｒｅ, １２３.").build());
        assertTrue(wide.utterances().get(0).audio().durationSeconds() > 0.8,
                "spoken: " + wide.utterances().get(0).audio().durationSeconds() + " s");
        Scene runes = Scene.builder().actor("maya", Fixtures.graceHopper()).says("Hello there.")
                .actor("maya").says("ᚠᚢᚦ").build();
        InvalidSceneException e = failsWithoutOutput(InvalidSceneException.class, runes);
        assertTrue(e.getMessage().startsWith("Line 2 (maya, \"ᚠᚢᚦ\")"), e.getMessage());
    }

    @Test
    void missingPhoto() {
        Path photo = dir.resolve("nobody.jpg");
        InvalidPhotoException e = failsWithoutOutput(InvalidPhotoException.class, sceneWith(photo));
        assertEquals(photo, e.photo());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void photoThatIsADirectory() {
        InvalidPhotoException e = failsWithoutOutput(InvalidPhotoException.class, sceneWith(dir));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void unreadablePhoto() throws IOException {
        Path photo = Files.copy(Fixtures.graceHopper(), dir.resolve("locked.jpg"));
        assertTrue(photo.toFile().setReadable(false, false));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(photo), "running as root: can read anything");
        InvalidPhotoException e = failsWithoutOutput(InvalidPhotoException.class, sceneWith(photo));
        assertTrue(e.getMessage().contains("permission"), e.getMessage());
    }

    @Test
    void textFileNamedJpg() throws IOException {
        Path photo = Files.writeString(dir.resolve("notes.jpg"), "this is not a picture");
        InvalidPhotoException e = failsWithoutOutput(InvalidPhotoException.class, sceneWith(photo));
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
    }

    @Test
    void truncatedPhoto() throws IOException {
        byte[] jpeg = Files.readAllBytes(Fixtures.graceHopper());
        Path photo = Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 3));
        InvalidPhotoException e = failsWithoutOutput(InvalidPhotoException.class, sceneWith(photo));
        assertTrue(e.getMessage().contains("corrupt or truncated"), e.getMessage());
    }

    @Test
    void photoWithoutAFaceFailsUnlessAllowed() throws IOException {
        Path photo = dir.resolve("wall.png");
        ImageIO.write(Fixtures.solidImage(400, 300, new Color(120, 140, 160)), "png", photo.toFile());
        InvalidPhotoException e = failsWithoutOutput(InvalidPhotoException.class, sceneWith(photo));
        assertTrue(e.getMessage().contains("no face") && e.getMessage().contains("allowNoFace"), e.getMessage());

        RenderResult r = gaga.render(sceneWith(photo).toBuilder().allowNoFace(true).build(), out);
        assertEquals("h264", Ffprobe.probe(r.output()).video().codecName());
    }

    @Test
    void emptyTextIsRejectedWhileBuilding() {
        InvalidSceneException e = assertThrows(InvalidSceneException.class,
                () -> Scene.builder().actor("maya", Fixtures.graceHopper()).says(" \n "));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void sceneLongerThanMaxDurationNamesTheOverflow() {
        Scene scene = Scene.builder().actor("maya", Fixtures.graceHopper())
                .says("This sentence takes clearly longer than one second to say out loud.")
                .maxDuration(Duration.ofSeconds(1)).build();
        SceneTooLongException e = failsWithoutOutput(SceneTooLongException.class, scene);
        assertTrue(e.overflow().toMillis() > 500, e.getMessage());
        assertTrue(e.getMessage().contains("over the 1.00 s limit"), e.getMessage());
    }

    @Test
    void languageNoVoiceSpeaks() {
        Scene scene = Scene.builder().actor("maya", Fixtures.graceHopper()).voice(Voice.of("xx-YY")).says("Hi.")
                .build();
        UnsupportedLanguageException e = failsWithoutOutput(UnsupportedLanguageException.class, scene);
        assertTrue(e.getMessage().contains("xx-YY") && e.getMessage().contains("marytts"), e.getMessage());
    }

    @Test
    void outputInAMissingDirectory() {
        Path missing = dir.resolve("no/such/dir/out.mp4");
        OutputException e = assertThrows(OutputException.class,
                () -> gaga.render(sceneWith(Fixtures.graceHopper()), missing));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void outputInAReadOnlyLocation() throws IOException {
        // /proc refuses new files even to root; a chmod'ed folder covers non-root users
        Path readOnly = Path.of("/proc/gaga-test-out.mp4");
        assertThrows(OutputException.class, () -> gaga.render(sceneWith(Fixtures.graceHopper()), readOnly));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        assertTrue(locked.toFile().setWritable(false, false));
        if (!Files.isWritable(locked)) {
            OutputException e = assertThrows(OutputException.class,
                    () -> gaga.render(sceneWith(Fixtures.graceHopper()), locked.resolve("out.mp4")));
            assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
        }
        locked.toFile().setWritable(true, false);
    }

    @Test
    void outputPathThatIsADirectory() throws IOException {
        Path target = Files.createDirectory(dir.resolve("clip.mp4"));
        OutputException e = assertThrows(OutputException.class,
                () -> gaga.render(sceneWith(Fixtures.graceHopper()), target));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void failedRenderKeepsAnExistingFileUntouched() throws IOException {
        out = dir.resolve("keep.mp4");
        byte[] old = {1, 2, 3};
        Files.write(out, old);
        assertThrows(InvalidPhotoException.class, () -> gaga.render(sceneWith(dir.resolve("missing.png")), out));
        assertArrayEquals(old, Files.readAllBytes(out));
    }

    @Test
    void cancellingAnAsyncRenderMidwayLeavesNoFile() throws Exception {
        out = dir.resolve("cancelled.mp4");
        AtomicReference<CompletableFuture<RenderResult>> job = new AtomicReference<>();
        java.util.concurrent.CountDownLatch encoding = new java.util.concurrent.CountDownLatch(1);
        ProgressListener listener = p -> {
            if (p.stage() == RenderStage.ENCODE && p.frame() >= 10) {
                encoding.countDown();
            }
        };
        Scene scene = Scene.builder().actor(Fixtures.graceHopper())
                .says("This line is long enough that the render is still running when we cancel it.").build();
        job.set(gaga.renderAsync(scene, out, listener));
        assertTrue(encoding.await(60, TimeUnit.SECONDS), "render never reached the encoding stage");
        assertTrue(job.get().cancel(true));
        assertThrows(CancellationException.class, () -> job.get().get(10, TimeUnit.SECONDS));
        // the engine is still usable afterwards
        Thread.sleep(200);
        assertFalse(Files.exists(out));
    }

    @Test
    void interruptingABlockingRenderCancelsIt() throws Exception {
        out = dir.resolve("interrupted.mp4");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                gaga.render(sceneWith(Fixtures.graceHopper()), out, p -> {
                    if (p.stage() == RenderStage.ENCODE && p.frame() >= 5) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join(60_000);
        assertTrue(failure.get() instanceof RenderCancelledException, String.valueOf(failure.get()));
        assertFalse(Files.exists(out));
    }

    @Test
    void missingModelNamesItAndWhereItLooked() {
        ModelStore empty = ModelStore.builder().modelDir(dir.resolve("no-models")).cacheDir(dir.resolve("cache"))
                .offline(true).build();
        try (Gaga bare = Gaga.builder().models(empty).build()) {
            out = dir.resolve("out.mp4");
            ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                    () -> bare.render(sceneWith(Fixtures.graceHopper()), out));
            assertTrue(e.getMessage().contains("face-detect/blazeface-front-128"), e.getMessage());
            assertTrue(e.getMessage().contains("no-models"), e.getMessage());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void corruptModelIsDetectedBeforeUse() throws IOException {
        Path models = dir.resolve("models/face");
        Files.createDirectories(models);
        byte[] good = Files.readAllBytes(Fixtures.modelDir().resolve("face/blazeface_front_128.onnx"));
        good[good.length / 2] ^= 0x10;
        Files.write(models.resolve("blazeface_front_128.onnx"), good);
        ModelStore corrupt = ModelStore.builder().modelDir(dir.resolve("models")).cacheDir(dir.resolve("cache"))
                .offline(true).build();
        try (Gaga bare = Gaga.builder().models(corrupt).build()) {
            out = dir.resolve("out.mp4");
            ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                    () -> bare.render(sceneWith(Fixtures.graceHopper()), out));
            assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void engineStaysUsableAfterFailures() throws ExecutionException, InterruptedException {
        out = dir.resolve("after.mp4");
        assertThrows(InvalidPhotoException.class, () -> gaga.render(sceneWith(dir.resolve("x.png")), out));
        RenderResult r = gaga.renderAsync(sceneWith(Fixtures.graceHopper()), out, ProgressListener.NONE).get();
        assertEquals(List.of("h264", "aac"), List.of(Ffprobe.probe(r.output()).video().codecName(),
                Ffprobe.probe(r.output()).audio().codecName()));
    }
}
