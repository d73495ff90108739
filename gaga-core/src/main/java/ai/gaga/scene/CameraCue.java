package ai.gaga.scene;

import java.util.Objects;

/**
 * A shot or camera move from here on: {@code [camera: push-in]}.
 *
 * @param camera what the camera does
 */
public record CameraCue(Camera camera) implements Cue {
    public CameraCue {
        Objects.requireNonNull(camera, "camera");
    }
}
