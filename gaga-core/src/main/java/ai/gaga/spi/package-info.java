/**
 * Extension points. GAGA finds its speech engines, performers, sound designers and video sinks with
 * {@link java.util.ServiceLoader}, so gaga-core compiles alone and users can plug in their own implementations:
 * list the factory class in {@code META-INF/services/<interface name>}.
 */
package ai.gaga.spi;
