package ai.gaga.sound.dialogue;

import ai.gaga.sound.SoundDesigner;
import ai.gaga.sound.SoundDesignerFactory;
import ai.gaga.spi.ServiceContext;

/** Registers {@link DialogueSoundDesigner} with {@link java.util.ServiceLoader}. */
public final class DialogueSoundDesignerFactory implements SoundDesignerFactory {
    @Override
    public String id() {
        return DialogueSoundDesigner.ID;
    }

    /** The designer needs nothing from the context. */
    @Override
    public SoundDesigner create(ServiceContext context) {
        return new DialogueSoundDesigner();
    }
}
