package ai.gaga.render;

import ai.gaga.spi.ServiceContext;

/** Service-provider entry for a {@link Performer} ({@code META-INF/services/ai.gaga.render.PerformerFactory}). */
public interface PerformerFactory {
    String id();

    /** Higher wins when several are installed. */
    default int priority() {
        return 0;
    }

    Performer create(ServiceContext context);
}
