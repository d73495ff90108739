package ai.gaga.picture;

import ai.gaga.RenderPlan;
import ai.gaga.render.CastMember;
import java.util.List;

import ai.gaga.render.FrameRenderer;
import ai.gaga.render.Performer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Scene;
import ai.gaga.spi.ServiceContext;
import ai.gaga.timeline.Timeline;

import java.util.Objects;

/**
 * The default performer ({@value #ID}): every actor's photo acts the scene — lip sync, expressions, blinks, gaze, head
 * motion, listening — and the shots, camera moves, grades and rain of the timeline frame them. It is the still-photo
 * performer's compositor with {@link ActingPlates} instead of still plates.
 */
public final class ActingPerformer implements Performer {
    /** Performer id. */
    public static final String ID = "acting";

    private final StillPhotoPerformer pictures;

    /** A performer with the context's face models. */
    public ActingPerformer(ServiceContext context) {
        this.pictures = new StillPhotoPerformer(Objects.requireNonNull(context, "context"), new ActingPlates(context));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CastMember> cast(Scene scene) {
        return pictures.cast(scene);
    }

    @Override
    public FrameRenderer prepare(RenderPlan plan) {
        return pictures.prepare(plan);
    }

    @Override
    public void close() {
        pictures.close();
    }
}
