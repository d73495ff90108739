package ai.gaga;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a package or type that is public only so that GAGA's own modules can share it: not part of the API, free to
 * change in any release. What a user needs is in {@code ai.gaga}, {@code ai.gaga.scene} and the value packages of the
 * plan ({@code ai.gaga.timeline}, {@code ai.gaga.direction}, {@code ai.gaga.render}); plug-in authors add the
 * interfaces of {@code ai.gaga.spi}, {@code ai.gaga.voice}, {@code ai.gaga.sound} and {@code ai.gaga.encode}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface Internal {
}
