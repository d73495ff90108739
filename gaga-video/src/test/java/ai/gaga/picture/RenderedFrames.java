package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.Images;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.VideoFormat;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Drawing one frame and finding the face in it, for the picture tests. */
final class RenderedFrames {
    private RenderedFrames() {
    }

    /** Frame {@code index} drawn over garbage: the renderer must overwrite every pixel. */
    static FrameBuffer render(FrameRenderer r, int index, VideoFormat format) {
        FrameBuffer fb = new FrameBuffer(format.width(), format.height());
        Arrays.fill(fb.bgr(), (byte) 0x5a);
        r.render(index, fb);
        assertEquals(index, fb.index());
        return fb;
    }

    /** The largest face the detector finds in the frame; fails when there is none. */
    static FaceBox detect(FaceDetector detector, FrameBuffer fb) {
        List<FaceBox> faces = detector.detect(Images.fromBgr(fb.bgr(), fb.width(), fb.height()));
        assertFalse(faces.isEmpty(), "no face in the rendered frame");
        return faces.get(0);
    }
}
