package ai.gaga.rig;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelaunayTest {
    @Test
    void randomPointsGiveAnEmptyCircumcircleTriangulationThatTilesTheHull() {
        Random r = new Random(7);
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        // The four corners of the unit square are on the hull, so the triangles must cover exactly area 1.
        x[1] = 1;
        x[2] = 1;
        y[2] = 1;
        y[3] = 1;
        for (int i = 4; i < n; i++) {
            x[i] = r.nextDouble();
            y[i] = r.nextDouble();
        }
        int[] t = Delaunay.triangulate(x, y, n);
        double area = 0;
        for (int k = 0; k < t.length; k += 3) {
            double ax = x[t[k]];
            double ay = y[t[k]];
            double bx = x[t[k + 1]];
            double by = y[t[k + 1]];
            double cx = x[t[k + 2]];
            double cy = y[t[k + 2]];
            double a2 = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
            assertTrue(a2 > 0, "triangle " + k / 3 + " is not wound consistently");
            area += a2 / 2;
            // Empty circumcircle: no other point strictly inside.
            double d = 2 * a2;
            double b2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
            double c2 = (cx - ax) * (cx - ax) + (cy - ay) * (cy - ay);
            double ux = ((cy - ay) * b2 - (by - ay) * c2) / d;
            double uy = ((bx - ax) * c2 - (cx - ax) * b2) / d;
            double rr = ux * ux + uy * uy;
            for (int i = 0; i < n; i++) {
                double dx = x[i] - ax - ux;
                double dy = y[i] - ay - uy;
                assertTrue(dx * dx + dy * dy >= rr * (1 - 1e-9), "point " + i + " inside circumcircle");
            }
        }
        assertEquals(1.0, area, 1e-9);
        assertEquals(2 * n - 2 - 4, t.length / 3, "triangles of n points with 4 on the hull");
    }

    @Test
    void refusesTooFewPoints() {
        assertThrows(IllegalArgumentException.class, () -> Delaunay.triangulate(new double[2], new double[2], 2));
    }
}
