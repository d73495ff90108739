package ai.gaga.picture;

import ai.gaga.render.Performer;
import ai.gaga.render.PerformerFactory;
import ai.gaga.spi.ServiceContext;

/**
 * Service entry of the {@link StillPhotoPerformer} ({@value StillPhotoPerformer#ID}), priority 0: the baseline
 * picture that any animated performer should outrank.
 */
public final class StillPhotoPerformerFactory implements PerformerFactory {
    @Override
    public String id() {
        return StillPhotoPerformer.ID;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Performer create(ServiceContext context) {
        return new StillPhotoPerformer(context);
    }
}
