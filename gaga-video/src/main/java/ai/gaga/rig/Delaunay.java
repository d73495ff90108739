package ai.gaga.rig;

import java.util.Arrays;

/**
 * Delaunay triangulation of a point set (Bowyer-Watson, quadratic: meant for the few hundred rig points, once per
 * photo). Triangles come out counter-clockwise in image coordinates (y down: clockwise on screen), as vertex index
 * triples into the input.
 */
final class Delaunay {
    private Delaunay() {
    }

    /** Triangulates {@code n} points; returns {@code 3 * triangles} vertex indices. */
    static int[] triangulate(double[] xs, double[] ys, int n) {
        if (n < 3) {
            throw new IllegalArgumentException("Need at least 3 points to triangulate, got " + n);
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxX = Math.max(maxX, xs[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        double span = Math.max(maxX - minX, maxY - minY) + 1;
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        // Points n, n+1, n+2: a super-triangle far outside everything, removed at the end.
        double[] x = Arrays.copyOf(xs, n + 3);
        double[] y = Arrays.copyOf(ys, n + 3);
        // Far enough that no hull edge is lost to a circumcircle through a super-vertex.
        double far = 1e5 * span;
        x[n] = cx - far;
        y[n] = cy - far / 2;
        x[n + 1] = cx + far;
        y[n + 1] = cy - far / 2;
        x[n + 2] = cx;
        y[n + 2] = cy + far;

        Tris t = new Tris(2 * n + 8);
        t.add(n, n + 1, n + 2, x, y);
        int[] edges = new int[64];
        for (int p = 0; p < n; p++) {
            int edgeCount = 0;
            // Remove every triangle whose circumcircle holds p; keep the boundary of the hole.
            for (int k = t.size - 1; k >= 0; k--) {
                double dx = x[p] - t.ccx[k];
                double dy = y[p] - t.ccy[k];
                if (dx * dx + dy * dy < t.r2[k]) {
                    for (int e = 0; e < 3; e++) {
                        int a = t.v[3 * k + e];
                        int b = t.v[3 * k + (e + 1) % 3];
                        int dup = -1;
                        for (int q = 0; q < edgeCount; q++) {
                            if (edges[2 * q] == b && edges[2 * q + 1] == a) {
                                dup = q;
                                break;
                            }
                        }
                        if (dup >= 0) { // shared by two removed triangles: interior, drop it
                            edgeCount--;
                            edges[2 * dup] = edges[2 * edgeCount];
                            edges[2 * dup + 1] = edges[2 * edgeCount + 1];
                        } else {
                            if (2 * edgeCount + 2 > edges.length) {
                                edges = Arrays.copyOf(edges, edges.length * 2);
                            }
                            edges[2 * edgeCount] = a;
                            edges[2 * edgeCount + 1] = b;
                            edgeCount++;
                        }
                    }
                    t.remove(k);
                }
            }
            for (int q = 0; q < edgeCount; q++) {
                t.add(edges[2 * q], edges[2 * q + 1], p, x, y);
            }
        }
        int[] out = new int[3 * t.size];
        int m = 0;
        for (int k = 0; k < t.size; k++) {
            int a = t.v[3 * k];
            int b = t.v[3 * k + 1];
            int c = t.v[3 * k + 2];
            if (a < n && b < n && c < n) {
                out[3 * m] = a;
                out[3 * m + 1] = b;
                out[3 * m + 2] = c;
                m++;
            }
        }
        return Arrays.copyOf(out, 3 * m);
    }

    /** Growable triangle list with cached circumcircles. */
    private static final class Tris {
        int[] v;
        double[] ccx;
        double[] ccy;
        double[] r2;
        int size;

        Tris(int capacity) {
            v = new int[3 * capacity];
            ccx = new double[capacity];
            ccy = new double[capacity];
            r2 = new double[capacity];
        }

        void add(int a, int b, int c, double[] x, double[] y) {
            if (size == ccx.length) {
                int cap = size * 2;
                v = Arrays.copyOf(v, 3 * cap);
                ccx = Arrays.copyOf(ccx, cap);
                ccy = Arrays.copyOf(ccy, cap);
                r2 = Arrays.copyOf(r2, cap);
            }
            double ax = x[a];
            double ay = y[a];
            double bx = x[b] - ax;
            double by = y[b] - ay;
            double cx = x[c] - ax;
            double cy = y[c] - ay;
            double d = 2 * (bx * cy - by * cx);
            if (d < 0) { // keep one winding
                int s = b;
                b = c;
                c = s;
                double tx = bx;
                bx = cx;
                cx = tx;
                double ty = by;
                by = cy;
                cy = ty;
                d = -d;
            }
            double b2 = bx * bx + by * by;
            double c2 = cx * cx + cy * cy;
            double ux;
            double uy;
            if (d < 1e-12) { // collinear: a circle that holds everything, so the next point replaces it
                ux = 0;
                uy = 0;
                r2[size] = Double.MAX_VALUE;
            } else {
                ux = (cy * b2 - by * c2) / d;
                uy = (bx * c2 - cx * b2) / d;
                r2[size] = ux * ux + uy * uy;
            }
            ccx[size] = ax + ux;
            ccy[size] = ay + uy;
            v[3 * size] = a;
            v[3 * size + 1] = b;
            v[3 * size + 2] = c;
            size++;
        }

        void remove(int k) {
            size--;
            v[3 * k] = v[3 * size];
            v[3 * k + 1] = v[3 * size + 1];
            v[3 * k + 2] = v[3 * size + 2];
            ccx[k] = ccx[size];
            ccy[k] = ccy[size];
            r2[k] = r2[size];
        }
    }
}
