package ai.gaga.sound;

import ai.gaga.spi.ServiceContext;

/** Service-provider entry for a {@link SoundDesigner} ({@code META-INF/services/ai.gaga.sound.SoundDesignerFactory}). */
public interface SoundDesignerFactory {
    String id();

    default int priority() {
        return 0;
    }

    SoundDesigner create(ServiceContext context);
}
