package ai.gaga.face;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadPoseTest {
    @Test
    void rotationMatrixRoundTripsThroughTheAngles() {
        HeadPose p = new HeadPose(25, -12, 7);
        HeadPose back = HeadPose.ofRotation(p.rotation());
        assertEquals(25, back.yaw(), 1e-9);
        assertEquals(-12, back.pitch(), 1e-9);
        assertEquals(7, back.roll(), 1e-9);
    }

    @Test
    void rotationColumnsAreTheTurnedFaceAxes() {
        double[] r = new HeadPose(20, 0, 0).rotation();
        assertTrue(r[6] > 0.3, "yaw: the face's x axis goes away from the camera"); // column x, z row
        r = new HeadPose(0, 15, 0).rotation();
        assertTrue(r[7] > 0.2, "pitch: the face's y axis (to the chin) goes away from the camera");
        r = new HeadPose(0, 0, 10).rotation();
        assertTrue(r[3] > 0.1, "roll: the face's x axis goes down the image");
    }

    @Test
    void aRotationNeedsNineElements() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadPose.ofRotation(new double[4]));
        assertTrue(e.getMessage().contains("9"), e.getMessage());
    }
}
