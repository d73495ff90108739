package ai.gaga;

import ai.gaga.spi.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The plug-ins of one kind an engine knows (found with {@link ServiceLoader}, plus those handed to the builder, which
 * come first), highest priority first, and the services it made from them: each made once, on first use (a voice takes
 * seconds to start), and closed with the registry when the engine made it.
 *
 * @param <P> the plug-in (a factory, or the service itself)
 * @param <S> the service a plug-in gives
 */
final class Registry<P extends Plugin, S> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

    private final String what;
    private final String module;
    private final List<P> plugins;
    /** Services made here, which this registry closes (not the instances a user handed in). */
    private final Map<String, S> made = new ConcurrentHashMap<>();

    /**
     * A plug-in standing for a service the user handed to the builder: {@link #get} returns that instance as it is,
     * and the registry never closes it.
     */
    interface Supplied<S> {
        S instance();
    }

    /**
     * @param what   the service in the user's words ("speech engine")
     * @param module the module that provides it, for the error when none is installed
     */
    private Registry(String what, String module, List<P> plugins) {
        this.what = what;
        this.module = module;
        this.plugins = List.copyOf(plugins);
    }

    /**
     * The plug-ins of {@code type} on {@code loader}'s class path, after {@code first} (those standing for instances
     * from the builder, {@link Supplied}), each group by priority.
     */
    static <P extends Plugin, S> Registry<P, S> load(Class<P> type, ClassLoader loader, String what, String module,
                                                    List<P> first) {
        List<P> found = new ArrayList<>();
        ServiceLoader.load(type, loader).forEach(found::add);
        Comparator<P> byPriority = Comparator.comparingInt((P p) -> p.priority()).reversed();
        found.sort(byPriority);
        List<P> all = new ArrayList<>(first);
        all.sort(byPriority);
        all.addAll(found);
        return new Registry<>(what, module, all);
    }

    boolean isEmpty() {
        return plugins.isEmpty();
    }

    List<P> plugins() {
        return plugins;
    }

    /** What is missing, in the user's words, or empty when a plug-in is installed. */
    Optional<String> missing() {
        return plugins.isEmpty() ? Optional.of(what + " (" + module + ")") : Optional.empty();
    }

    /** The highest-priority plug-in's service, made by {@code create} on first use. */
    S first(Function<P, S> create) {
        if (plugins.isEmpty()) {
            throw new GagaException("No " + what + " is installed: add the " + module + " module to the classpath, "
                    + "or depend on ai.gaga:gaga, which brings every module");
        }
        return get(plugins.get(0), create);
    }

    /** The first plug-in that passes {@code test}. */
    Optional<P> find(Predicate<P> test) {
        return plugins.stream().filter(test).findFirst();
    }

    /** The service of {@code plugin}, made by {@code create} on first use. */
    S get(P plugin, Function<P, S> create) {
        if (plugin instanceof Supplied<?> supplied) {
            @SuppressWarnings("unchecked") // a Supplied plug-in of this registry stands for one of its services
            S instance = (S) supplied.instance();
            return instance;
        }
        return made.computeIfAbsent(plugin.id(), id -> {
            long t0 = System.nanoTime();
            S s = create.apply(plugin);
            LOG.debug("{} {} started in {} ms", what, id, (System.nanoTime() - t0) / 1_000_000);
            return s;
        });
    }

    /** Closes the services this registry made. */
    @Override
    public void close() {
        for (S s : made.values()) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("Closing {} failed: {}", s.getClass().getSimpleName(), e.toString());
                }
            }
        }
        made.clear();
    }
}
