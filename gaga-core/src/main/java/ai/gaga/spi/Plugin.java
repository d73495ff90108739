package ai.gaga.spi;

/**
 * What every GAGA plug-in shares, whatever it provides (voices, performers, sound designers, encoders, recording
 * readers, models): a stable id and a priority. Plug-ins are found with {@link java.util.ServiceLoader} from
 * {@code META-INF/services/<interface name>}, or handed to {@link ai.gaga.Gaga.Builder} as instances.
 */
public interface Plugin {
    /** Stable id, lower case, e.g. {@code marytts}, {@code acting}, {@code ffmpeg}. */
    String id();

    /** Preference when several plug-ins offer the same service: higher wins. */
    default int priority() {
        return 0;
    }
}
