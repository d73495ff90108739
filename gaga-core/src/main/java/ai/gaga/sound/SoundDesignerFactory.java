package ai.gaga.sound;

import ai.gaga.spi.ServiceContext;

/** Service-provider entry for a {@link SoundDesigner} ({@code META-INF/services/ai.gaga.sound.SoundDesignerFactory}). */
public interface SoundDesignerFactory extends ai.gaga.spi.Plugin {

    SoundDesigner create(ServiceContext context);
}
