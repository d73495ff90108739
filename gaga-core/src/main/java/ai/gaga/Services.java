package ai.gaga;

import ai.gaga.encode.VideoSinkFactory;
import ai.gaga.models.ModelStore;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.render.Performer;
import ai.gaga.render.PerformerFactory;
import ai.gaga.scene.Voice;
import ai.gaga.sound.SoundDesigner;
import ai.gaga.sound.SoundDesignerFactory;
import ai.gaga.spi.Plugin;
import ai.gaga.spi.ServiceContext;
import ai.gaga.voice.RecordingReader;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechEngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The plug-ins of one engine, one {@link Registry} per kind, and the context handed to them. Checks at construction
 * that every kind a render needs is installed, so that a missing module fails {@code Gaga.create()} at once.
 */
final class Services implements ServiceContext, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final ModelStore models;
    private final OnnxSessions onnx;
    private final GagaSettings settings;
    private final Registry<SpeechEngineFactory, SpeechEngine> speech;
    private final Registry<PerformerFactory, Performer> performers;
    private final Registry<SoundDesignerFactory, SoundDesigner> sound;
    private final Registry<VideoSinkFactory, VideoSinkFactory> sinks;
    private final Registry<RecordingReader, RecordingReader> readers;

    /** Instances a user handed to {@link Gaga.Builder}; they are used first and never closed by the engine. */
    record Given(List<SpeechEngine> speech, Performer performer, SoundDesigner sound) {
    }

    /**
     * Finds the plug-ins on {@code loader}'s class path, after the instances given.
     *
     * @throws GagaException naming every missing module, before anything slow (models, natives) is touched
     */
    static Plugins discover(ClassLoader loader, Given given) {
        List<SpeechEngineFactory> engines = given.speech().stream().map(e -> (SpeechEngineFactory) new GivenEngine(e))
                .toList();
        Plugins p = new Plugins(
                Registry.load(SpeechEngineFactory.class, loader, "speech engine", "gaga-audio", engines),
                Registry.load(PerformerFactory.class, loader, "performer (face and picture renderer)", "gaga-video",
                        given.performer() == null ? List.of() : List.of(new GivenPerformer(given.performer()))),
                Registry.load(SoundDesignerFactory.class, loader, "sound designer", "gaga-audio",
                        given.sound() == null ? List.of() : List.of(new GivenSound(given.sound()))),
                Registry.load(VideoSinkFactory.class, loader, "video encoder", "gaga-video", List.of()),
                Registry.load(RecordingReader.class, loader, "recording reader", "gaga-audio", List.of()));
        List<String> missing = new ArrayList<>();
        for (Registry<?, ?> r : List.of(p.speech(), p.performers(), p.sound(), p.sinks())) {
            r.missing().ifPresent(missing::add);
        }
        if (!missing.isEmpty()) {
            throw new GagaException("GAGA cannot render without: " + String.join(", ", missing) + ". Depend on "
                    + "ai.gaga:gaga (core, audio and video in one dependency), or add the modules named here.");
        }
        LOG.debug("Plug-ins: speech {}, performers {}, sound {}, sinks {}, readers {}", ids(p.speech()),
                ids(p.performers()), ids(p.sound()), ids(p.sinks()), ids(p.readers()));
        return p;
    }

    /** The registries of one engine. */
    record Plugins(Registry<SpeechEngineFactory, SpeechEngine> speech,
                   Registry<PerformerFactory, Performer> performers,
                   Registry<SoundDesignerFactory, SoundDesigner> sound,
                   Registry<VideoSinkFactory, VideoSinkFactory> sinks,
                   Registry<RecordingReader, RecordingReader> readers) {
    }

    Services(ModelStore models, OnnxSessions onnx, GagaSettings settings, Plugins plugins) {
        this.models = models;
        this.onnx = onnx;
        this.settings = settings;
        this.speech = plugins.speech();
        this.performers = plugins.performers();
        this.sound = plugins.sound();
        this.sinks = plugins.sinks();
        this.readers = plugins.readers();
    }

    private static List<String> ids(Registry<?, ?> registry) {
        return registry.plugins().stream().map(Plugin::id).toList();
    }

    @Override
    public ModelStore models() {
        return models;
    }

    @Override
    public OnnxSessions onnx() {
        return onnx;
    }

    @Override
    public GagaSettings settings() {
        return settings;
    }

    /** Reads users' recordings ({@code says(Path)}). */
    RecordingReader recordingReader() {
        return readers.first(Function.identity());
    }

    /** The engine for a voice: the one it names, else the highest-priority engine that speaks its language. */
    SpeechEngine speechEngine(Voice voice) {
        SpeechEngineFactory chosen;
        if (voice.engine() != null) {
            chosen = speech.find(f -> f.id().equalsIgnoreCase(voice.engine()))
                    .orElseThrow(() -> new GagaException("Speech engine '" + voice.engine()
                            + "' is not installed. Installed: " + describeEngines()));
        } else {
            String lang = voice.primaryLanguage();
            chosen = speech.find(f -> (f instanceof GivenEngine || f.languages().contains(lang)) && f.isAvailable())
                    .orElseThrow(() -> new UnsupportedLanguageException(voice.language(), describeEngines()));
        }
        return speech.get(chosen, f -> f.create(this));
    }

    private List<String> describeEngines() {
        List<String> out = new ArrayList<>();
        for (SpeechEngineFactory f : speech.plugins()) {
            out.add(f.id() + ": " + (f instanceof GivenEngine ? "every language" : String.join(", ",
                    new TreeSet<>(f.languages()))) + (f.isAvailable() ? "" : " (not available here)"));
        }
        return out;
    }

    Performer performer() {
        return performers.first(f -> f.create(this));
    }

    SoundDesigner soundDesigner() {
        return sound.first(f -> f.create(this));
    }

    VideoSinkFactory videoSinkFactory() {
        return sinks.first(Function.identity());
    }

    @Override
    public void close() {
        speech.close();
        performers.close();
        sound.close();
    }

    /** A speech engine handed to the builder: speaks every language, before any installed engine. */
    private record GivenEngine(SpeechEngine instance) implements SpeechEngineFactory, Registry.Supplied<SpeechEngine> {
        @Override
        public String id() {
            return instance.id();
        }

        @Override
        public Set<String> languages() {
            return Set.of();
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public SpeechEngine create(ServiceContext context) {
            return instance;
        }
    }

    /** A performer handed to the builder. */
    private record GivenPerformer(Performer instance) implements PerformerFactory, Registry.Supplied<Performer> {
        @Override
        public String id() {
            return instance.id();
        }

        @Override
        public Performer create(ServiceContext context) {
            return instance;
        }
    }

    /** A sound designer handed to the builder. */
    private record GivenSound(SoundDesigner instance)
            implements SoundDesignerFactory, Registry.Supplied<SoundDesigner> {
        @Override
        public String id() {
            return instance.id();
        }

        @Override
        public SoundDesigner create(ServiceContext context) {
            return instance;
        }
    }
}
