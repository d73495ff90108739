package ai.gaga.rig;

import org.junit.jupiter.api.Test;

class RigDebugTest {
    @Test
    void debug() {
        try (RigFixtures f = new RigFixtures()) {
            for (String name : f.photos.keySet()) {
                FaceRig rig = FaceRig.create(f.analyses.get(name), 768, 768);
                float[] x = new float[rig.pointCount()];
                float[] y = new float[rig.pointCount()];
                rig.deform(new FaceControls().set(FaceControl.BROW_INNER_UP, 1), x, y);
                for (int i : new int[] {107, 66, 105, 55, 336, 159, 145, 10}) {
                    System.out.printf("%s %d rest %.1f,%.1f moved %.2f,%.2f%n", name, i, rig.restX(i), rig.restY(i),
                            x[i] - rig.restX(i), y[i] - rig.restY(i));
                }
                System.out.println("iod " + rig.interOcular() + " tris " + rig.trianglesShared().length / 3);
            }
        }
    }
}
