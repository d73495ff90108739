package ai.gaga.voice.marytts;

import ai.gaga.GagaException;
import ai.gaga.audio.processing.AudioStreams;
import ai.gaga.audio.PcmAudio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

import javax.sound.sampled.AudioInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The one MaryTTS of this JVM, behind its own class loader, driven by reflection.
 *
 * <p>MaryTTS's fat runtime jar carries un-relocated SLF4J 1.6 with a log4j binding, Guava 14, Groovy and more. They
 * must never meet the application's copies, so Mary's jars get a {@link URLClassLoader} whose parent is the platform
 * loader: it sees the JDK (XML, javax.sound) and nothing of the application. Nothing of Mary's type crosses this
 * boundary; only JDK types ({@link Document}, {@link AudioInputStream}, strings) do.
 *
 * <p>Every Mary call runs on one dedicated daemon thread (see {@link MaryThreads}) whose context class loader is
 * Mary's, because MaryTTS finds its languages and voices with {@code ServiceLoader} on the context class loader. Calls
 * are serialised on that thread: Mary keeps per-call state. Mary modifies the documents it is given, so each call
 * works on a copy.
 *
 * <p>Mary is started once per JVM and stays until the JVM exits, when its own shutdown hook stops it. It cannot be
 * unloaded anyway: {@code Mary.startup()} always registers that JVM shutdown hook and starts a timer thread, and both
 * keep its class loader reachable (measured: a start/shut-down cycle left about 35 MB of heap and 8 MB of metaspace
 * behind). Sharing one Mary makes every engine after the first start instantly and bounds the memory.
 */
final class MaryRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(MaryRuntime.class);
    /** Mary sets this system property as a side effect of checking its logging; we put the old value back. */
    private static final String LOG4J_INIT_OVERRIDE = "log4j.defaultInitOverride";
    /**
     * Mary reads its settings from system properties too. Its power-on self test synthesises an example per module
     * at start-up, costs time, and leaves two vocoder threads blocked forever on audio nobody reads.
     */
    private static final String SELF_TEST = "modules.poweronselftest";
    /** Mary's audio is scaled by this before its conversion to 16 bits, and scaled back here: see {@link #audio}. */
    private static final double HEADROOM = 0.5;

    private static MaryRuntime shared;

    private final ExecutorService worker;
    private final Object mary;
    private final Method setInputType;
    private final Method setOutputType;
    private final Method setVoice;
    private final Method setAudioEffects;
    private final Method generateXml;
    private final Method generateAudio;
    private final Method availableVoices;

    /** Runs on the worker thread. */
    private MaryRuntime(URLClassLoader loader, ExecutorService worker) throws ReflectiveOperationException {
        this.worker = worker;
        Class<?> maryServer = loader.loadClass("marytts.server.Mary");
        Class<?> lmi = loader.loadClass("marytts.LocalMaryInterface");
        this.setInputType = lmi.getMethod("setInputType", String.class);
        this.setOutputType = lmi.getMethod("setOutputType", String.class);
        this.setVoice = lmi.getMethod("setVoice", String.class);
        this.setAudioEffects = lmi.getMethod("setAudioEffects", String.class);
        this.generateXml = lmi.getMethod("generateXML", Document.class);
        this.generateAudio = lmi.getMethod("generateAudio", Document.class);
        this.availableVoices = lmi.getMethod("getAvailableVoices");
        // startup(false): the jars are on our class path already, Mary need not add any.
        maryServer.getMethod("startup", boolean.class).invoke(null, false);
        MaryLogBridge.install(loader); // again: start-up may have made or reconfigured logger contexts
        this.mary = lmi.getConstructor().newInstance();
    }

    /**
     * This JVM's Mary, started on first use from the class path that {@code classPath} supplies (2-5 s: voices and
     * language data load). A failed start is not remembered: the next call tries again.
     *
     * @throws GagaException when Mary cannot start
     */
    static synchronized MaryRuntime shared(Supplier<List<Path>> classPath) {
        if (shared == null) {
            long t0 = System.nanoTime();
            shared = start(classPath.get());
            LOG.info("MaryTTS started in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
        return shared;
    }

    private static MaryRuntime start(List<Path> classPath) {
        URL[] urls = classPath.stream().map(MaryRuntime::toUrl).toArray(URL[]::new);
        URLClassLoader loader = new URLClassLoader("marytts", urls, ClassLoader.getPlatformClassLoader());
        ExecutorService worker = Executors.newSingleThreadExecutor(new MaryThreads(loader));
        try {
            return await(worker.submit(() -> {
                String initOverride = System.getProperty(LOG4J_INIT_OVERRIDE);
                String selfTest = System.getProperty(SELF_TEST);
                System.setProperty(SELF_TEST, "false");
                try {
                    silenceLog4j(loader);
                    MaryLogBridge.install(loader);
                    return new MaryRuntime(loader, worker);
                } finally {
                    restoreProperty(LOG4J_INIT_OVERRIDE, initOverride);
                    restoreProperty(SELF_TEST, selfTest);
                }
            }), "start");
        } catch (RuntimeException | Error e) {
            worker.shutdownNow();
            closeQuietly(loader);
            throw e;
        }
    }

    /**
     * Gives Mary's root log4j logger a NullAppender and level OFF. Mary then considers log4j configured and skips
     * its own setup, which would write {@code ./log/server.log} in the working directory.
     */
    private static void silenceLog4j(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> logManager = loader.loadClass("org.apache.log4j.LogManager");
        Object root;
        try {
            // The log4j 1.2 bridge picks its logger context by the caller's class loader; called by reflection from
            // here that would be this module's loader, not Mary's. So name Mary's loader explicitly.
            Method forLoader = logManager.getDeclaredMethod("getRootLogger", ClassLoader.class);
            forLoader.setAccessible(true);
            root = forLoader.invoke(null, loader);
        } catch (NoSuchMethodException plainLog4j) {
            root = logManager.getMethod("getRootLogger").invoke(null);
        }
        Class<?> category = loader.loadClass("org.apache.log4j.Category");
        Class<?> appender = loader.loadClass("org.apache.log4j.Appender");
        Object nullAppender = loader.loadClass("org.apache.log4j.varia.NullAppender").getConstructor().newInstance();
        category.getMethod("addAppender", appender).invoke(root, nullAppender);
        Class<?> level = loader.loadClass("org.apache.log4j.Level");
        category.getMethod("setLevel", level).invoke(root, level.getField("OFF").get(null));
    }

    /** Names of the installed voices. */
    Set<String> voices() {
        return call("list voices", () -> {
            Set<String> out = new TreeSet<>();
            ((Set<?>) availableVoices.invoke(mary)).forEach(n -> out.add(n.toString()));
            return out;
        });
    }

    /** MaryXML (input type RAWMARYXML) to ACOUSTPARAMS: phones, durations and F0 targets, before the vocoder. */
    Document acousticParameters(Document maryXml, String voice) {
        return call("analyse the text", () -> transform(maryXml, voice, "RAWMARYXML", "ACOUSTPARAMS"));
    }

    private Document transform(Document in, String voice, String inType, String outType)
            throws ReflectiveOperationException {
        setVoice.invoke(mary, voice);
        setInputType.invoke(mary, inType);
        setOutputType.invoke(mary, outType);
        return (Document) generateXml.invoke(mary, in);
    }

    /**
     * Synthesises the audio, mono at the voice's own rate. Works on a copy of the parameters.
     *
     * <p>Mary's vocoder output already peaks at full scale (Mary normalises it), and its audio effects run before the
     * conversion to 16 bits, which clips and prints a warning on {@code System.err} for every sample out of range. A
     * {@code Volume} of {@value #HEADROOM} is therefore always applied first and undone here in floating point, where
     * nothing clips: effects that add energy (Whisper's noise) fit, and louder deliveries are made by the caller.
     *
     * @param effects Mary audio effects such as {@code Whisper(amount:100.0)}, chained with {@code +}; null for none
     */
    PcmAudio audio(Document acousticParameters, String voice, String effects) {
        Document copy = (Document) acousticParameters.cloneNode(true);
        String chain = "Volume(amount:" + HEADROOM + ")" + (effects == null ? "" : "+" + effects);
        PcmAudio quiet = call("synthesise audio", () -> {
            setVoice.invoke(mary, voice);
            setInputType.invoke(mary, "ACOUSTPARAMS");
            setOutputType.invoke(mary, "AUDIO");
            setAudioEffects.invoke(mary, chain);
            try (AudioInputStream stream = (AudioInputStream) generateAudio.invoke(mary, copy)) {
                return AudioStreams.readMono(stream);
            } finally {
                setAudioEffects.invoke(mary, (Object) null);
            }
        });
        float[] samples = quiet.samples();
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (samples[i] / HEADROOM);
        }
        return quiet;
    }

    /** Runs a reflective call on Mary's thread and waits for it. */
    private <T> T call(String what, MaryCall<T> action) {
        return await(worker.submit(action::run), what);
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            // Mary cannot be interrupted mid-sentence; the call finishes on Mary's thread and its result is dropped.
            Thread.currentThread().interrupt();
            throw new GagaException("Interrupted while MaryTTS was busy (" + what + ")", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
            if (cause instanceof GagaException g) {
                throw g;
            }
            if (cause instanceof ReflectiveOperationException || cause instanceof LinkageError) {
                throw new GagaException("MaryTTS failed to " + what + " (unexpected MaryTTS build?): " + cause,
                        cause);
            }
            throw new GagaException("MaryTTS failed to " + what + ": " + ai.gaga.Causes.describe(cause), cause);
        }
    }

    private static void restoreProperty(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("Closing MaryTTS class loader: {}", e.toString());
        }
    }

    @FunctionalInterface
    private interface MaryCall<T> {
        T run() throws ReflectiveOperationException, IOException;
    }
}
