package ai.gaga.render;

import ai.gaga.spi.ServiceContext;

/** Service-provider entry for a {@link Performer} ({@code META-INF/services/ai.gaga.render.PerformerFactory}). */
public interface PerformerFactory extends ai.gaga.spi.Plugin {

    Performer create(ServiceContext context);
}
