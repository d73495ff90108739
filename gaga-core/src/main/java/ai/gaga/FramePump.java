package ai.gaga;

import ai.gaga.encode.EncodedVideo;
import ai.gaga.encode.VideoSink;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.VideoFormat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Draws frames on a helper thread while the calling thread encodes them; a few buffers cycle between the two, so
 * memory does not grow with the clip. A failure on either side ends both and is thrown as it was (a full disk stays a
 * full disk); only {@code checkCancelled} turns an interrupted pump into a cancellation.
 */
final class FramePump {
    /** Frames in flight between the drawing and the encoding thread: enough to absorb jitter, little memory. */
    private static final int POOL = 3;

    private long drawNanos;
    private long encodeNanos;

    /** Nanoseconds the drawing thread spent drawing, after {@link #run}. */
    long drawNanos() {
        return drawNanos;
    }

    /** Nanoseconds this thread spent encoding, after {@link #run}. */
    long encodeNanos() {
        return encodeNanos;
    }

    /**
     * Pumps every frame of {@code format} from {@code renderer} into {@code sink} and finishes it.
     *
     * @param checkCancelled throws {@link RenderCancelledException} when the render was cancelled; called often
     * @param encoded        told the number of frames encoded so far, every few frames
     */
    EncodedVideo run(FrameRenderer renderer, VideoSink sink, VideoFormat format, Runnable checkCancelled,
                     IntConsumer encoded) {
        int total = format.frameCount();
        BlockingQueue<FrameBuffer> free = new ArrayBlockingQueue<>(POOL);
        BlockingQueue<FrameBuffer> ready = new ArrayBlockingQueue<>(POOL);
        for (int i = 0; i < POOL; i++) {
            free.add(new FrameBuffer(format.width(), format.height()));
        }
        AtomicReference<Throwable> drawFailure = new AtomicReference<>();
        Thread drawer = new Thread(() -> {
            try {
                for (int i = 0; i < total; i++) {
                    FrameBuffer buffer = free.take();
                    long t0 = System.nanoTime();
                    renderer.render(i, buffer);
                    buffer.index(i);
                    drawNanos += System.nanoTime() - t0;
                    ready.put(buffer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopped by the encoding side: it knows why
            } catch (Throwable e) {
                drawFailure.set(e);
            }
        }, "gaga-draw");
        drawer.setDaemon(true);
        drawer.start();
        try {
            for (int i = 0; i < total; i++) {
                FrameBuffer buffer = null;
                while (buffer == null) {
                    checkCancelled.run();
                    if (drawFailure.get() != null) {
                        throw rethrow(drawFailure.get());
                    }
                    buffer = ready.poll(50, TimeUnit.MILLISECONDS);
                }
                long t0 = System.nanoTime();
                sink.write(buffer);
                encodeNanos += System.nanoTime() - t0;
                free.add(buffer);
                if (i % 5 == 0 || i == total - 1) {
                    encoded.accept(i + 1);
                }
            }
            long t0 = System.nanoTime();
            EncodedVideo video = sink.finish();
            encodeNanos += System.nanoTime() - t0;
            drawer.join();
            return video;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checkCancelled.run(); // an interrupt is how cancel() reaches a waiting thread
            throw new RenderCancelledException("Frame encoding was interrupted");
        } finally {
            drawer.interrupt();
            try {
                drawer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new GagaException("Frame rendering failed: " + t, t);
    }
}
