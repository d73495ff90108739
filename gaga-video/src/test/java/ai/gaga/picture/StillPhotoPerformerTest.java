package ai.gaga.picture;

import ai.gaga.InvalidPhotoException;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.TestServices;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.Performer;
import ai.gaga.render.PerformerFactory;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import ai.gaga.timeline.Timeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StillPhotoPerformerTest {
    private static final Logger LOG = LoggerFactory.getLogger(StillPhotoPerformerTest.class);
    private static final Timeline TIMELINE = new Timeline(List.of(), 4.0);

    private static TestServices services;
    private static StillPhotoPerformer performer;
    private static FaceDetector detector;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        services = new TestServices();
        performer = new StillPhotoPerformer(services);
        detector = new FaceDetector(services);
    }

    @AfterAll
    static void tearDown() {
        performer.close();
        services.close();
    }

    @Test
    void landscapeCloseUpCentresTheFaceAndPushesIn() {
        VideoFormat format = format(Resolution.FULL_HD);
        try (FrameRenderer r = performer.prepare(grace(), TIMELINE, format)) {
            FrameBuffer first = RenderedFrames.render(r, 0, format);
            FrameBuffer last = RenderedFrames.render(r, format.frameCount() - 1, format);
            FaceBox f0 = RenderedFrames.detect(detector, first);
            FaceBox f1 = RenderedFrames.detect(detector, last);
            LOG.info("1920x1080 frame 0 face: {}", f0);
            LOG.info("1920x1080 frame {} face: {}", format.frameCount() - 1, f1);
            for (FaceBox f : List.of(f0, f1)) {
                assertEquals(format.width() / 2.0, f.centerX(), 0.05 * format.width(), "face not centred: " + f);
                assertTrue(f.height() > 0.25 * format.height() && f.height() < 0.50 * format.height(),
                        "face height not a medium close-up: " + f);
                assertTrue(f.eyeCenter().y() > 0.2 * format.height() && f.eyeCenter().y() < 0.6 * format.height(),
                        "eyes far from the eye line: " + f);
            }
            double growth = f1.height() / f0.height();
            LOG.info("push-in: face height grows by {}%", String.format("%.1f", (growth - 1) * 100));
            assertTrue(growth > 1.03 && growth < 1.10, "push-in growth " + growth);
            // A square photo cannot cover 16:9: the sides show the blurred backdrop, never black bars.
            for (FrameBuffer fb : List.of(first, last)) {
                assertNotBlackColumn(fb, 0);
                assertNotBlackColumn(fb, 1);
                assertNotBlackColumn(fb, fb.width() - 2);
                assertNotBlackColumn(fb, fb.width() - 1);
            }
        }
    }

    @Test
    void renderingIsDeterministic() {
        VideoFormat format = format(Resolution.FULL_HD);
        byte[] a;
        byte[] b;
        byte[] c;
        try (FrameRenderer r = performer.prepare(grace(), TIMELINE, format)) {
            a = RenderedFrames.render(r, 10, format).bgr().clone();
            RenderedFrames.render(r, 50, format);
            b = RenderedFrames.render(r, 10, format).bgr().clone();
        }
        try (FrameRenderer r = performer.prepare(grace(), TIMELINE, format)) {
            c = RenderedFrames.render(r, 10, format).bgr().clone();
        }
        assertArrayEquals(a, b, "same renderer, frame 10 twice");
        assertArrayEquals(a, c, "two renderers, frame 10");
    }

    @Test
    void everyPixelIsOverwritten() {
        for (Resolution res : List.of(Resolution.FULL_HD, Resolution.VERTICAL_FULL_HD)) {
            VideoFormat format = format(res);
            try (FrameRenderer r = performer.prepare(grace(), TIMELINE, format)) {
                for (int i : new int[] {0, 37, format.frameCount() - 1}) {
                    FrameBuffer zeros = new FrameBuffer(format.width(), format.height());
                    FrameBuffer ones = new FrameBuffer(format.width(), format.height());
                    Arrays.fill(ones.bgr(), (byte) 0xff);
                    r.render(i, zeros);
                    r.render(i, ones);
                    assertArrayEquals(zeros.bgr(), ones.bgr(), res + " frame " + i + " left pixels untouched");
                }
            }
        }
    }

    @Test
    void verticalAndSquareFramesKeepTheFaceInside() {
        for (Resolution res : List.of(Resolution.VERTICAL_FULL_HD, Resolution.SQUARE)) {
            VideoFormat format = format(res);
            try (FrameRenderer r = performer.prepare(grace(), TIMELINE, format)) {
                for (int i : new int[] {0, format.frameCount() - 1}) {
                    FrameBuffer fb = RenderedFrames.render(r, i, format);
                    FaceBox f = RenderedFrames.detect(detector, fb);
                    LOG.info("{} frame {} face: {}", res, i, f);
                    assertTrue(f.x() >= 0 && f.y() >= 0 && f.maxX() <= res.width() && f.maxY() <= res.height(),
                            "face leaves the frame: " + f);
                    assertEquals(res.width() / 2.0, f.centerX(), 0.05 * res.width(), "face not centred: " + f);
                    // A 512 px photo cannot fill these frames within the 2x upscale limit: it stands on the bottom
                    // edge at its best size, so the face is smaller than a medium close-up would make it.
                    assertTrue(f.height() > 0.15 * res.height() && f.height() < 0.6 * res.height(),
                            "implausible face height: " + f);
                    assertNotBlackColumn(fb, 0);
                    assertNotBlackColumn(fb, fb.width() - 1);
                }
            }
        }
    }

    @Test
    void astronautIsFramedToo() {
        VideoFormat format = format(Resolution.FULL_HD);
        Scene scene = Scene.builder().actor("eileen", Fixtures.astronaut()).says("Hello.").build();
        try (FrameRenderer r = performer.prepare(scene, TIMELINE, format)) {
            FaceBox f = RenderedFrames.detect(detector, RenderedFrames.render(r, 0, format));
            LOG.info("astronaut 1920x1080 frame 0 face: {}", f);
            // Her face is left of the photo's middle: centring it exactly would show the photo's left edge, so the
            // framing stops at the edge and the face sits a little left of centre.
            assertEquals(format.width() / 2.0, f.centerX(), 0.10 * format.width(), "face far from centre: " + f);
            // Her ~100 px face is shown at most 2x (the photo's best size), not blown up to a medium close-up.
            assertTrue(f.height() > 0.15 * format.height() && f.height() < 0.5 * format.height(), "size: " + f);
        }
    }

    @Test
    void photoWithoutFaceIsRefusedUnlessAllowed() throws IOException {
        Path grey = dir.resolve("grey.png");
        BufferedImage img = Fixtures.solidImage(512, 512, new Color(120, 130, 140));
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 90, 60));
        g.fillRect(100, 300, 300, 100);
        g.dispose();
        ImageIO.write(img, "png", grey.toFile());
        VideoFormat format = format(Resolution.FULL_HD);

        Scene strict = Scene.builder().actor("wall", grey).says("Hello.").build();
        InvalidPhotoException e = assertThrows(InvalidPhotoException.class,
                () -> performer.prepare(strict, TIMELINE, format));
        assertTrue(e.getMessage().contains("allowNoFace"), e.getMessage());
        assertEquals(grey, e.photo());
        assertThrows(InvalidPhotoException.class, () -> performer.cast(strict));

        Scene lenient = Scene.builder().actor("wall", grey).says("Hello.").allowNoFace(true).build();
        performer.cast(lenient);
        try (FrameRenderer r = performer.prepare(lenient, TIMELINE, format)) {
            FrameBuffer fb = RenderedFrames.render(r, 0, format);
            // The whole square photo is centred: its middle shows the photo's grey, the sides the backdrop.
            Color centre = new Color(fb.rgb(960, 200));
            assertEquals(120, centre.getRed(), 3);
            assertEquals(140, centre.getBlue(), 3);
            assertNotBlackColumn(fb, 0);
            assertNotBlackColumn(fb, fb.width() - 1);
            RenderedFrames.render(r, format.frameCount() - 1, format);
        }
    }

    @Test
    void badPhotoFailsCastFast() {
        Path missing = dir.resolve("missing.jpg");
        Scene scene = Scene.builder().actor("ghost", missing).says("Boo.").build();
        InvalidPhotoException e = assertThrows(InvalidPhotoException.class, () -> performer.cast(scene));
        assertEquals("file not found", e.reason());
        assertThrows(InvalidPhotoException.class, () -> performer.prepare(scene, TIMELINE,
                format(Resolution.FULL_HD)));
    }

    @Test
    void frameBufferOfWrongSizeIsRejected() {
        VideoFormat format = format(Resolution.FULL_HD);
        try (FrameRenderer r = performer.prepare(grace(), TIMELINE, format)) {
            assertThrows(IllegalArgumentException.class, () -> r.render(0, new FrameBuffer(1280, 720)));
        }
    }

    @Test
    void factoryIsRegistered() {
        PerformerFactory found = ServiceLoader.load(PerformerFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals("still-photo"))
                .findFirst().orElseThrow();
        assertEquals(0, found.priority());
        try (Performer p = found.create(services)) {
            assertEquals("still-photo", p.id());
            assertTrue(p instanceof StillPhotoPerformer);
        }
    }

    @Test
    void measuresFrameTime() {
        VideoFormat format = new VideoFormat(Resolution.FULL_HD, 25, 250);
        performer.cast(grace()); // photo analysis cached: time only the picture preparation below
        long p0 = System.nanoTime();
        try (FrameRenderer r = performer.prepare(grace(), new Timeline(List.of(), 10.0), format)) {
            LOG.info("Still photo preparation at 1920x1080 (pre-scale + backdrop): {} ms",
                    (System.nanoTime() - p0) / 1_000_000);
            LOG.info("Still photo frame render time at 1920x1080 (grace_hopper, single thread): {} ms/frame",
                    String.format("%.2f", msPerFrame(r, format)));
        }
        VideoFormat vertical = new VideoFormat(Resolution.VERTICAL_FULL_HD, 25, 250);
        try (FrameRenderer r = performer.prepare(grace(), new Timeline(List.of(), 10.0), vertical)) {
            LOG.info("Still photo frame render time at 1080x1920 (photo covers the frame): {} ms/frame",
                    String.format("%.2f", msPerFrame(r, vertical)));
        }
    }

    /**
     * Milliseconds per frame after a JIT warm-up. Also checks that rendering many frames leaves no state behind: the
     * last frame drawn again from scratch is byte-identical.
     */
    private static double msPerFrame(FrameRenderer r, VideoFormat format) {
        FrameBuffer fb = new FrameBuffer(format.width(), format.height());
        for (int i = 0; i < 60; i++) { // warm-up: let the JIT compile the inner loops
            r.render(i, fb);
        }
        int n = 150;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            r.render(60 + i, fb);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        FrameBuffer again = new FrameBuffer(format.width(), format.height());
        r.render(60 + n - 1, again);
        assertArrayEquals(fb.bgr(), again.bgr(), "frame " + (60 + n - 1) + " drawn twice differs");
        return ms;
    }

    private static Scene grace() {
        return Scene.builder().actor("grace", Fixtures.graceHopper()).says("Hello.").build();
    }

    private static VideoFormat format(Resolution res) {
        return new VideoFormat(res, 25, 100);
    }

    private static void assertNotBlackColumn(FrameBuffer fb, int x) {
        long sum = 0;
        int black = 0;
        for (int y = 0; y < fb.height(); y++) {
            int rgb = fb.rgb(x, y);
            if (rgb == 0) {
                black++;
            }
            sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        }
        assertTrue(black < fb.height() / 20, "column " + x + " has " + black + " pure-black pixels");
        assertTrue(sum / (3.0 * fb.height()) > 8, "column " + x + " is nearly black");
    }
}
