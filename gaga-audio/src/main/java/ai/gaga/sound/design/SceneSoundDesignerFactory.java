package ai.gaga.sound.design;

import ai.gaga.sound.SoundDesigner;
import ai.gaga.sound.SoundDesignerFactory;
import ai.gaga.spi.ServiceContext;

/** Registers {@link SceneSoundDesigner} ahead of the dialogue-only designer. */
public final class SceneSoundDesignerFactory implements SoundDesignerFactory {
    @Override
    public String id() {
        return SceneSoundDesigner.ID;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public SoundDesigner create(ServiceContext context) {
        return new SceneSoundDesigner(ai.gaga.sound.SoundSettings.of(context.settings()).loudness());
    }
}
