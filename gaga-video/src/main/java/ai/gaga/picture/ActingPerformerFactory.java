package ai.gaga.picture;

import ai.gaga.render.Performer;
import ai.gaga.render.PerformerFactory;
import ai.gaga.spi.ServiceContext;

/** Registers {@link ActingPerformer} ahead of the still-photo performer. */
public final class ActingPerformerFactory implements PerformerFactory {
    @Override
    public String id() {
        return ActingPerformer.ID;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Performer create(ServiceContext context) {
        return new ActingPerformer(context);
    }
}
