package ai.gaga.rig;

import ai.gaga.face.Cancellation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Delaunay triangulation of a point set that provably terminates on any input: a lexicographic sweep builds a
 * triangulation of the convex hull (each new point sees at least one hull edge; collinear hull runs stay on the
 * hull), then Lawson's edge flips make it Delaunay. Both steps decide with exact predicates (doubles where a
 * floating-point error bound proves the sign, {@link BigDecimal} otherwise), so duplicates, collinear runs and nearly
 * coincident points cannot make a decision inconsistent: the sweep adds each point once, and every flip strictly
 * raises the triangulation's sorted angle vector, of which there are finitely many, so the flips end.
 *
 * <p>Exact duplicates are merged (the first index is used); distinct points, however close, all become vertices. A
 * set whose points are all collinear gives no triangles. Triangles come out with a positive signed area
 * ({@code (b - a) x (c - a) > 0}, counter-clockwise in image coordinates), as vertex index triples into the input.
 *
 * <p>Replaces a floating-point Bowyer-Watson that could loop for minutes on degenerate rig points. JTS's
 * {@code DelaunayTriangulationBuilder} was tried first: on collinear runs and nearly coincident points it left points
 * out and returned non-Delaunay triangles ({@code DelaunayPropertyTest}), so it is not used.
 */
final class Delaunay {
    private Delaunay() {
    }

    /**
     * Triangulates {@code n} points; returns {@code 3 * triangles} vertex indices.
     *
     * @throws IllegalArgumentException for fewer than 3 points or a non-finite coordinate
     * @throws ai.gaga.RenderCancelledException when the thread is interrupted
     */
    static int[] triangulate(double[] xs, double[] ys, int n) {
        if (n < 3) {
            throw new IllegalArgumentException("Need at least 3 points to triangulate, got " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("Point " + i + " is not finite: " + xs[i] + ", " + ys[i]);
            }
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> xs[a] != xs[b] ? Double.compare(xs[a], xs[b])
                : ys[a] != ys[b] ? Double.compare(ys[a], ys[b]) : Integer.compare(a, b));
        int[] s = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++) { // drop exact duplicates
            int p = boxed[k];
            if (m == 0 || xs[s[m - 1]] != xs[p] || ys[s[m - 1]] != ys[p]) {
                s[m++] = p;
            }
        }
        Mesh mesh = new Mesh(xs, ys, Math.max(1, 2 * m));
        sweep(mesh, s, m);
        Cancellation.check();
        mesh.flipToDelaunay();
        return mesh.result();
    }

    /** Builds a triangulation of the hull of the sorted, distinct points {@code s[0..m)}. */
    private static void sweep(Mesh mesh, int[] s, int m) {
        double[] x = mesh.x;
        double[] y = mesh.y;
        int j = 2;
        while (j < m && orient(x, y, s[0], s[1], s[j]) == 0) {
            j++;
        }
        if (j >= m) {
            return; // all collinear: no triangle
        }
        int[] next = new int[x.length];
        int[] prev = new int[x.length];
        int apex = s[j];
        boolean left = orient(x, y, s[0], s[j - 1], apex) > 0;
        for (int i = 0; i + 1 < j; i++) {
            if (left) {
                mesh.add(s[i], s[i + 1], apex);
            } else {
                mesh.add(s[i + 1], s[i], apex);
            }
        }
        // The hull, counter-clockwise in the orient() sense (the inside on the left of every edge).
        if (left) {
            for (int i = 0; i + 1 < j; i++) {
                link(next, prev, s[i], s[i + 1]);
            }
            link(next, prev, s[j - 1], apex);
            link(next, prev, apex, s[0]);
        } else {
            for (int i = j - 1; i > 0; i--) {
                link(next, prev, s[i], s[i - 1]);
            }
            link(next, prev, s[0], apex);
            link(next, prev, apex, s[j - 1]);
        }
        int last = apex;
        for (int k = j + 1; k < m; k++) {
            if ((k & 255) == 0) {
                Cancellation.check();
            }
            int p = s[k];
            // p is lexicographically after every hull point, so it lies outside the hull and sees the chain of
            // edges around the previous point; walk it both ways.
            int q = last;
            while (orient(x, y, q, next[q], p) < 0) {
                mesh.add(next[q], q, p);
                q = next[q];
            }
            int r = last;
            while (orient(x, y, prev[r], r, p) < 0) {
                mesh.add(r, prev[r], p);
                r = prev[r];
            }
            if (q == last && r == last) {
                throw new IllegalStateException("Triangulation sweep found no visible hull edge"); // cannot happen
            }
            link(next, prev, r, p);
            link(next, prev, p, q);
            last = p;
        }
    }

    private static void link(int[] next, int[] prev, int a, int b) {
        next[a] = b;
        prev[b] = a;
    }

    private static final double EPS = Math.ulp(1.0) / 2;
    private static final double ORIENT_BOUND = (3 + 16 * EPS) * EPS;
    private static final double INCIRCLE_BOUND = (10 + 96 * EPS) * EPS;

    /** Sign of (b - a) x (c - a), exact. */
    static int orient(double[] x, double[] y, int a, int b, int c) {
        double l = (x[b] - x[a]) * (y[c] - y[a]);
        double r = (y[b] - y[a]) * (x[c] - x[a]);
        double det = l - r;
        double bound = ORIENT_BOUND * (Math.abs(l) + Math.abs(r));
        if (det > bound) {
            return 1;
        }
        if (-det > bound) {
            return -1;
        }
        BigDecimal ax = new BigDecimal(x[a]);
        BigDecimal ay = new BigDecimal(y[a]);
        return new BigDecimal(x[b]).subtract(ax).multiply(new BigDecimal(y[c]).subtract(ay))
                .subtract(new BigDecimal(y[b]).subtract(ay).multiply(new BigDecimal(x[c]).subtract(ax))).signum();
    }

    /** Positive when d lies strictly inside the circle through a, b, c (given orient(a, b, c) > 0), exact. */
    static int inCircle(double[] x, double[] y, int a, int b, int c, int d) {
        double adx = x[a] - x[d];
        double ady = y[a] - y[d];
        double bdx = x[b] - x[d];
        double bdy = y[b] - y[d];
        double cdx = x[c] - x[d];
        double cdy = y[c] - y[d];
        double alift = adx * adx + ady * ady;
        double blift = bdx * bdx + bdy * bdy;
        double clift = cdx * cdx + cdy * cdy;
        double det = alift * (bdx * cdy - cdx * bdy) + blift * (cdx * ady - adx * cdy)
                + clift * (adx * bdy - bdx * ady);
        double permanent = alift * (Math.abs(bdx * cdy) + Math.abs(cdx * bdy))
                + blift * (Math.abs(cdx * ady) + Math.abs(adx * cdy))
                + clift * (Math.abs(adx * bdy) + Math.abs(bdx * ady));
        // The differences above are rounded too: widen the bound for them (they are exact when the points are close
        // in magnitude, and the exact fallback below settles every doubtful case).
        double bound = 4 * INCIRCLE_BOUND * permanent;
        if (det > bound) {
            return 1;
        }
        if (-det > bound) {
            return -1;
        }
        BigDecimal dx = new BigDecimal(x[d]);
        BigDecimal dy = new BigDecimal(y[d]);
        BigDecimal[] px = new BigDecimal[3];
        BigDecimal[] py = new BigDecimal[3];
        BigDecimal[] lift = new BigDecimal[3];
        int[] v = {a, b, c};
        for (int i = 0; i < 3; i++) {
            px[i] = new BigDecimal(x[v[i]]).subtract(dx);
            py[i] = new BigDecimal(y[v[i]]).subtract(dy);
            lift[i] = px[i].multiply(px[i]).add(py[i].multiply(py[i]));
        }
        return lift[0].multiply(px[1].multiply(py[2]).subtract(px[2].multiply(py[1])))
                .add(lift[1].multiply(px[2].multiply(py[0]).subtract(px[0].multiply(py[2]))))
                .add(lift[2].multiply(px[0].multiply(py[1]).subtract(px[1].multiply(py[0])))).signum();
    }

    /** Triangles with neighbour links, for the flips. */
    private static final class Mesh {
        final double[] x;
        final double[] y;
        int[] v;
        int size;

        Mesh(double[] x, double[] y, int capacity) {
            this.x = x;
            this.y = y;
            v = new int[3 * capacity];
        }

        void add(int a, int b, int c) {
            if (3 * size + 3 > v.length) {
                v = Arrays.copyOf(v, 2 * v.length);
            }
            v[3 * size] = a;
            v[3 * size + 1] = b;
            v[3 * size + 2] = c;
            size++;
        }

        void flipToDelaunay() {
            int[] nb = new int[3 * size];
            Arrays.fill(nb, -1);
            Map<Long, Integer> edges = new HashMap<>(6 * size);
            for (int t = 0; t < size; t++) {
                for (int e = 0; e < 3; e++) {
                    int a = v[3 * t + e];
                    int b = v[3 * t + (e + 1) % 3];
                    Integer o = edges.remove(key(b, a));
                    if (o != null) {
                        nb[3 * t + e] = o / 3;
                        nb[o] = t;
                    } else {
                        edges.put(key(a, b), 3 * t + e);
                    }
                }
            }
            int[] stack = new int[3 * size + 16];
            int top = 0;
            for (int k = 0; k < 3 * size; k++) {
                stack[top++] = k;
            }
            long flips = 0;
            while (top > 0) {
                int slot = stack[--top];
                int t = slot / 3;
                int e = slot % 3;
                int u = nb[slot];
                if (u < 0) {
                    continue;
                }
                int a = v[3 * t + e];
                int b = v[3 * t + (e + 1) % 3];
                int c = v[3 * t + (e + 2) % 3];
                int f = -1;
                for (int k = 0; k < 3; k++) {
                    if (v[3 * u + k] == b && v[3 * u + (k + 1) % 3] == a) {
                        f = k;
                    }
                }
                int d = v[3 * u + (f + 2) % 3];
                if (inCircle(x, y, a, b, c, d) <= 0) {
                    continue;
                }
                if ((++flips & 1023) == 0) {
                    Cancellation.check();
                }
                // Outer neighbours: t's b->c and c->a, u's a->d and d->b.
                int nbc = nb[3 * t + (e + 1) % 3];
                int nca = nb[3 * t + (e + 2) % 3];
                int nad = nb[3 * u + (f + 1) % 3];
                int ndb = nb[3 * u + (f + 2) % 3];
                // t becomes (a, d, c), u becomes (d, b, c).
                v[3 * t] = a;
                v[3 * t + 1] = d;
                v[3 * t + 2] = c;
                nb[3 * t] = nad;
                nb[3 * t + 1] = u;
                nb[3 * t + 2] = nca;
                v[3 * u] = d;
                v[3 * u + 1] = b;
                v[3 * u + 2] = c;
                nb[3 * u] = ndb;
                nb[3 * u + 1] = nbc;
                nb[3 * u + 2] = t;
                relink(nb, nad, u, t);
                relink(nb, nbc, t, u);
                if (top + 4 > stack.length) {
                    stack = Arrays.copyOf(stack, 2 * stack.length);
                }
                stack[top++] = 3 * t;
                stack[top++] = 3 * t + 2;
                stack[top++] = 3 * u;
                stack[top++] = 3 * u + 1;
            }
        }

        private static void relink(int[] nb, int w, int from, int to) {
            if (w < 0) {
                return;
            }
            for (int k = 0; k < 3; k++) {
                if (nb[3 * w + k] == from) {
                    nb[3 * w + k] = to;
                    return;
                }
            }
        }

        private static long key(int a, int b) {
            return ((long) a << 32) | (b & 0xffffffffL);
        }

        int[] result() {
            return Arrays.copyOf(v, 3 * size);
        }
    }
}
