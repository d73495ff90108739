package ai.gaga.spark;

import ai.gaga.Gaga;
import ai.gaga.encode.EncoderPreset;
import ai.gaga.encode.VideoEncoder;
import ai.gaga.onnx.ExecutionDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engines of this JVM (an executor, or the driver in local mode): one {@link Gaga} per distinct engine setting,
 * created by the first task that needs it (the others wait, so models are resolved once), shared by every later task
 * of the JVM, and closed when the JVM shuts down. In practice one engine: only a job asking for another loudness
 * gets a second one.
 */
final class ExecutorEngines {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorEngines.class);
    private static final Map<Key, Gaga> ENGINES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorEngines::closeAll, "gaga-spark-engines-close"));
    }

    private ExecutorEngines() {
    }

    /** Everything an engine is built from. */
    record Key(String modelDir, boolean offline, int threads, String device, String encoder, String preset,
               double loudness) {
        Gaga build() {
            long t0 = System.nanoTime();
            Gaga.Builder b = Gaga.builder().threads(threads)
                    .device(ExecutionDevice.valueOf(device.toUpperCase(Locale.ROOT)))
                    .encoder(VideoEncoder.parse(encoder)).preset(EncoderPreset.parse(preset)).loudness(loudness);
            if (modelDir != null && !modelDir.isBlank()) {
                b.modelDir(Path.of(modelDir));
            }
            if (offline) {
                b.offline(true);
            }
            Gaga gaga = b.build();
            LOG.info("GAGA engine for this executor: {} thread(s), device {}, loudness {} LUFS (built in {} ms)",
                    threads, device, loudness, (System.nanoTime() - t0) / 1_000_000);
            return gaga;
        }
    }

    /** This JVM's engine for these settings, built on first use. */
    static Gaga engine(Key key) {
        return ENGINES.computeIfAbsent(key, Key::build);
    }

    /** How many engines this JVM holds (tests). */
    static int count() {
        return ENGINES.size();
    }

    /** Closes every engine of this JVM (shutdown; local runs when they finish). */
    static void closeAll() {
        List<Gaga> open = new ArrayList<>(ENGINES.values());
        ENGINES.clear();
        for (Gaga g : open) {
            try {
                g.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing a GAGA engine failed: {}", e.toString());
            }
        }
    }
}
