package ai.gaga;

import ai.gaga.encode.VideoSinkFactory;
import ai.gaga.models.ModelStore;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.render.Performer;
import ai.gaga.render.PerformerFactory;
import ai.gaga.scene.Voice;
import ai.gaga.sound.SoundDesigner;
import ai.gaga.sound.SoundDesignerFactory;
import ai.gaga.spi.ServiceContext;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechEngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The plug-ins an engine found with {@link ServiceLoader}, and the instances it created from them (lazily: a voice
 * takes seconds to start). Closes what it created.
 */
final class Services implements ServiceContext, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final ModelStore models;
    private final OnnxSessions onnx;
    private final GagaSettings settings;
    private final List<SpeechEngineFactory> speechFactories;
    private final List<PerformerFactory> performerFactories;
    private final List<SoundDesignerFactory> soundFactories;
    private final List<VideoSinkFactory> sinkFactories;
    private final List<ai.gaga.voice.RecordingReader> recordingReaders;
    private final Map<String, SpeechEngine> engines = new ConcurrentHashMap<>();
    private volatile Performer performer;
    private volatile SoundDesigner soundDesigner;

    Services(ModelStore models, OnnxSessions onnx, GagaSettings settings, ClassLoader loader) {
        this.models = models;
        this.onnx = onnx;
        this.settings = settings;
        this.speechFactories = load(SpeechEngineFactory.class, loader, SpeechEngineFactory::priority);
        this.performerFactories = load(PerformerFactory.class, loader, PerformerFactory::priority);
        this.soundFactories = load(SoundDesignerFactory.class, loader, SoundDesignerFactory::priority);
        this.sinkFactories = load(VideoSinkFactory.class, loader, VideoSinkFactory::priority);
        this.recordingReaders = load(ai.gaga.voice.RecordingReader.class, loader, r -> 0);
        LOG.debug("Plug-ins: speech {}, performers {}, sound {}, sinks {}", ids(speechFactories),
                ids(performerFactories), ids(soundFactories), ids(sinkFactories));
    }

    private static <T> List<T> load(Class<T> type, ClassLoader loader, ToIntFunction<T> priority) {
        List<T> found = new ArrayList<>();
        ServiceLoader.load(type, loader).forEach(found::add);
        found.sort(Comparator.comparingInt(priority).reversed());
        return List.copyOf(found);
    }

    private static List<String> ids(List<?> factories) {
        return factories.stream().map(f -> f.getClass().getSimpleName()).toList();
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
    ai.gaga.voice.RecordingReader recordingReader() {
        if (recordingReaders.isEmpty()) {
            throw new GagaException("A line plays a recording, but no recording reader is installed: add the "
                    + "gaga-audio module to the classpath");
        }
        return recordingReaders.get(0);
    }

    /** The engine for a voice: the one it names, else the highest-priority engine that speaks its language. */
    SpeechEngine speechEngine(Voice voice) {
        SpeechEngineFactory chosen = null;
        if (voice.engine() != null) {
            chosen = speechFactories.stream().filter(f -> f.id().equalsIgnoreCase(voice.engine())).findFirst()
                    .orElseThrow(() -> new GagaException("Speech engine '" + voice.engine()
                            + "' is not installed. Installed: " + describeEngines()));
        } else {
            String lang = voice.primaryLanguage();
            for (SpeechEngineFactory f : speechFactories) {
                if (f.languages().contains(lang) && f.isAvailable()) {
                    chosen = f;
                    break;
                }
            }
            if (chosen == null) {
                throw new UnsupportedLanguageException(voice.language(), describeEngines());
            }
        }
        SpeechEngineFactory factory = chosen;
        return engines.computeIfAbsent(factory.id(), id -> {
            long t0 = System.nanoTime();
            SpeechEngine engine = factory.create(this);
            LOG.info("Speech engine {} started in {} ms", id, (System.nanoTime() - t0) / 1_000_000);
            return engine;
        });
    }

    private List<String> describeEngines() {
        List<String> out = new ArrayList<>();
        for (SpeechEngineFactory f : speechFactories) {
            out.add(f.id() + ": " + String.join(", ", new TreeSet<>(f.languages()))
                    + (f.isAvailable() ? "" : " (not available here)"));
        }
        return out;
    }

    Performer performer() {
        Performer p = performer;
        if (p == null) {
            synchronized (this) {
                if (performer == null) {
                    performer = first(performerFactories, "performer (face/picture renderer)", "gaga-video")
                            .create(this);
                }
                p = performer;
            }
        }
        return p;
    }

    SoundDesigner soundDesigner() {
        SoundDesigner s = soundDesigner;
        if (s == null) {
            synchronized (this) {
                if (soundDesigner == null) {
                    soundDesigner = first(soundFactories, "sound designer", "gaga-audio").create(this);
                }
                s = soundDesigner;
            }
        }
        return s;
    }

    VideoSinkFactory videoSinkFactory() {
        return first(sinkFactories, "video encoder", "gaga-video");
    }

    private static <T> T first(List<T> factories, String what, String module) {
        if (factories.isEmpty()) {
            throw new GagaException("No " + what + " is installed: add the " + module
                    + " module to the classpath (it registers one through ServiceLoader)");
        }
        return factories.get(0);
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(engines.values());
        if (performer != null) {
            all.add(performer);
        }
        if (soundDesigner != null) {
            all.add(soundDesigner);
        }
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
        engines.clear();
    }
}
