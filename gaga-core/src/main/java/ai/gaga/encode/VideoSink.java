package ai.gaga.encode;

import ai.gaga.render.FrameBuffer;

/**
 * An open video file being written: frames go in one by one, the soundtrack given at open time is interleaved by the
 * sink. Not thread-safe: one writer thread. {@link #close()} without {@link #finish()} aborts and releases everything
 * (the caller deletes the partial file).
 */
public interface VideoSink extends AutoCloseable {
    /** Encodes the next frame; the buffer may be reused by the caller as soon as this returns. */
    void write(FrameBuffer frame);

    /** Flushes the encoders, writes the rest of the audio and the index; the file is complete afterwards. */
    EncodedVideo finish();

    @Override
    void close();
}
