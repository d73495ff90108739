package ai.gaga.face;

import ai.gaga.GagaException;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.spi.ServiceContext;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Objects;

/**
 * MediaPipe selfie segmentation: {@link FaceModels#SELFIE_SEGMENTATION}. The photo is stretched to 256x256 RGB
 * [0,1] NHWC (as MediaPipe does; the model tolerates the distortion) and the 256x256 person probability is scaled
 * back bilinearly to a {@link PersonMask} at photo resolution. Thread-safe; the session belongs to
 * {@link OnnxSessions}.
 */
public final class PersonSegmenter {
    /** Side of the model's square input and output. */
    public static final int SIZE = 256;

    private final OrtSession session;

    /** A segmenter over an open session (not closed by this object). */
    public PersonSegmenter(OrtSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The model resolved and its session shared through the context. */
    public static PersonSegmenter create(ServiceContext context) {
        return new PersonSegmenter(context.onnx().session(context.models().resolve(FaceModels.SELFIE_SEGMENTATION)));
    }

    /** Person probability for every pixel of the image. */
    public PersonMask segment(BufferedImage image) {
        byte[] px = Images.bgr(Images.resize(Images.packedBgr(image), SIZE, SIZE));
        FloatBuffer in = ByteBuffer.allocateDirect(SIZE * SIZE * 3 * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        for (int i = 0; i < SIZE * SIZE; i++) {
            in.put((px[3 * i + 2] & 0xff) / 255f).put((px[3 * i + 1] & 0xff) / 255f).put((px[3 * i] & 0xff) / 255f);
        }
        in.rewind();
        float[] small = new float[SIZE * SIZE];
        try (OnnxTensor t = OnnxTensor.createTensor(OnnxSessions.environment(), in, new long[] {1, SIZE, SIZE, 3});
             OrtSession.Result r = session.run(Map.of(session.getInputNames().iterator().next(), t))) {
            ((OnnxTensor) r.get(0)).getFloatBuffer().get(small);
        } catch (OrtException e) {
            throw new GagaException("Person segmentation failed: " + e.getMessage(), e);
        }
        return new PersonMask(image.getWidth(), image.getHeight(),
                new PersonMask(SIZE, SIZE, small).resample(image.getWidth(), image.getHeight()));
    }
}
