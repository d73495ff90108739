package ai.gaga.render;

import ai.gaga.scene.Resolution;

/**
 * Frame size, rate and length of a clip.
 *
 * @param resolution frame size
 * @param fps        frames per second
 * @param frameCount number of frames in the clip
 */
public record VideoFormat(Resolution resolution, int fps, int frameCount) {
    public VideoFormat {
        java.util.Objects.requireNonNull(resolution, "resolution");
        if (fps <= 0 || frameCount < 0) {
            throw new IllegalArgumentException("Bad video format fps=" + fps + " frames=" + frameCount);
        }
    }

    public int width() {
        return resolution.width();
    }

    public int height() {
        return resolution.height();
    }

    /** Time of a frame's start, seconds. */
    public double timeOf(int frame) {
        return frame / (double) fps;
    }

    public double durationSeconds() {
        return frameCount / (double) fps;
    }
}
