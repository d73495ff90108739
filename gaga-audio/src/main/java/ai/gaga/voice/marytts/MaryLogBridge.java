package ai.gaga.voice.marytts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends MaryTTS's log (log4j 2 inside Mary's own class loader, reached through the log4j 1.2 bridge too) to the
 * application's SLF4J, at warn and above, instead of log4j's default console appender, which writes Mary's errors to
 * {@code System.out} (one "Problem with token" line made {@code gaga analyze}'s JSON invalid).
 *
 * <p>Every log4j logger context of Mary's loader loses its appenders and gets one appender, a {@link Proxy} of log4j's
 * {@code Appender} interface made in Mary's loader, that forwards each event to the SLF4J logger of the same name
 * (prefixed {@code marytts.} when it lacks that). Mary's errors arrive as warnings: the ones that matter reach GAGA as
 * exceptions anyway. Stack traces are kept for debug; otherwise the exception's one-line summary is logged, so a
 * Ctrl-C that interrupts Mary mid-sentence prints no stack trace. Must run on a thread whose context class loader is
 * Mary's; idempotent.
 */
final class MaryLogBridge implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MaryLogBridge.class);
    /** log4j's intLevel of WARN: events above it (INFO, DEBUG, TRACE) are dropped. */
    private static final int WARN = 300;
    private static final String NAME = "gaga-slf4j";

    private final Object startedState;

    private MaryLogBridge(Object startedState) {
        this.startedState = startedState;
    }

    /** Routes every logger context of {@code loader} to SLF4J. */
    static void install(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> appenderType = loader.loadClass("org.apache.logging.log4j.core.Appender");
        Class<?> levelType = loader.loadClass("org.apache.logging.log4j.Level");
        Class<?> filterType = loader.loadClass("org.apache.logging.log4j.core.Filter");
        Class<?> stateType = loader.loadClass("org.apache.logging.log4j.core.LifeCycle$State");
        Class<?> configType = loader.loadClass("org.apache.logging.log4j.core.config.Configuration");
        Class<?> loggerConfigType = loader.loadClass("org.apache.logging.log4j.core.config.LoggerConfig");
        Class<?> contextType = loader.loadClass("org.apache.logging.log4j.core.LoggerContext");
        Object warn = levelType.getField("WARN").get(null);
        Object started = enumConstant(stateType, "STARTED");
        Object appender = Proxy.newProxyInstance(loader, new Class<?>[] {appenderType},
                new MaryLogBridge(started));

        Class<?> logManager = loader.loadClass("org.apache.logging.log4j.LogManager");
        List<Object> contexts = new ArrayList<>();
        Object factory = logManager.getMethod("getFactory").invoke(null);
        try {
            Object selector = factory.getClass().getMethod("getSelector").invoke(factory);
            contexts.addAll((List<?>) selector.getClass().getMethod("getLoggerContexts").invoke(selector));
        } catch (NoSuchMethodException notCore) {
            // a factory without selectors: the context of Mary's loader below is the one
        }
        Object own = logManager.getMethod("getContext", ClassLoader.class, boolean.class).invoke(null, loader, false);
        if (!contexts.contains(own)) {
            contexts.add(own);
        }
        for (Object context : contexts) {
            if (!contextType.isInstance(context)) {
                continue;
            }
            Object config = contextType.getMethod("getConfiguration").invoke(context);
            List<Object> loggerConfigs = new ArrayList<>(((Map<?, ?>) configType.getMethod("getLoggers")
                    .invoke(config)).values());
            loggerConfigs.add(configType.getMethod("getRootLogger").invoke(config));
            for (Object lc : loggerConfigs) {
                Map<?, ?> appenders = (Map<?, ?>) loggerConfigType.getMethod("getAppenders").invoke(lc);
                for (Object name : new ArrayList<>(appenders.keySet())) {
                    loggerConfigType.getMethod("removeAppender", String.class).invoke(lc, name);
                }
                loggerConfigType.getMethod("setLevel", levelType).invoke(lc, warn);
            }
            Object root = configType.getMethod("getRootLogger").invoke(config);
            loggerConfigType.getMethod("addAppender", appenderType, levelType, filterType).invoke(root, appender,
                    warn, null);
            contextType.getMethod("updateLoggers").invoke(context);
        }
        LOG.debug("MaryTTS logging routed to SLF4J ({} logger context(s))", contexts.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<Enum>) type, name);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws ReflectiveOperationException {
        switch (method.getName()) {
            case "append" -> {
                forward(args[0]);
                return null;
            }
            case "getName" -> {
                return NAME;
            }
            case "ignoreExceptions", "isStarted" -> {
                return Boolean.TRUE;
            }
            case "isStopped", "isStopping" -> {
                return Boolean.FALSE;
            }
            case "getState" -> {
                return startedState;
            }
            case "stop" -> {
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "toString" -> {
                return NAME;
            }
            default -> {
                Class<?> r = method.getReturnType();
                return r == boolean.class ? Boolean.FALSE : r == int.class ? 0 : r == long.class ? 0L : null;
            }
        }
    }

    /** One log4j {@code LogEvent} to SLF4J. */
    private static void forward(Object event) throws ReflectiveOperationException {
        Object level = event.getClass().getMethod("getLevel").invoke(event);
        int intLevel = (int) level.getClass().getMethod("intLevel").invoke(level);
        if (intLevel > WARN) {
            return;
        }
        String name = String.valueOf(event.getClass().getMethod("getLoggerName").invoke(event));
        Object message = event.getClass().getMethod("getMessage").invoke(event);
        String text = message == null ? "" : String.valueOf(message.getClass().getMethod("getFormattedMessage")
                .invoke(message));
        Throwable thrown = (Throwable) event.getClass().getMethod("getThrown").invoke(event);
        Logger target = LoggerFactory.getLogger(name.startsWith("marytts") ? name : "marytts." + name);
        if (thrown == null) {
            target.warn("{}", text);
        } else if (target.isDebugEnabled()) {
            target.warn("{}", text, thrown);
        } else {
            target.warn("{}: {}", text, thrown.toString());
        }
    }
}
