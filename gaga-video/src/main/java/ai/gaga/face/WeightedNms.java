package ai.gaga.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;

/** Non-maximum suppression for face candidates: MediaPipe's weighted (blending) variant and the classic hard one. */
final class WeightedNms {
    private static final Comparator<FaceBox> BY_SCORE = Comparator.comparingDouble(FaceBox::score).reversed()
            .thenComparingDouble(FaceBox::x).thenComparingDouble(FaceBox::y);

    private WeightedNms() {
    }

    /**
     * Weighted NMS: the best remaining candidate absorbs every candidate overlapping it by more than {@code iou};
     * the result is their score-weighted average (box and keypoints) with the best score. Averaging the many
     * anchors that fire on one face gives a steadier box than keeping the single best, which matters when the same
     * face is re-detected frame after frame.
     */
    static List<FaceBox> weighted(List<FaceBox> candidates, double iou) {
        LinkedList<FaceBox> rest = new LinkedList<>(candidates);
        rest.sort(BY_SCORE);
        List<FaceBox> out = new ArrayList<>();
        while (!rest.isEmpty()) {
            FaceBox best = rest.removeFirst();
            List<FaceBox> group = new ArrayList<>();
            group.add(best);
            rest.removeIf(c -> {
                if (best.iou(c) > iou) {
                    group.add(c);
                    return true;
                }
                return false;
            });
            out.add(group.size() == 1 ? best : blend(group, best.score()));
        }
        return out;
    }

    /** Hard NMS: keeps the best candidate and drops everything overlapping it by more than {@code iou}. */
    static List<FaceBox> hard(List<FaceBox> candidates, double iou) {
        LinkedList<FaceBox> rest = new LinkedList<>(candidates);
        rest.sort(BY_SCORE);
        List<FaceBox> out = new ArrayList<>();
        while (!rest.isEmpty()) {
            FaceBox best = rest.removeFirst();
            rest.removeIf(c -> best.iou(c) > iou);
            out.add(best);
        }
        return out;
    }

    private static FaceBox blend(List<FaceBox> group, double score) {
        double total = 0;
        double x1 = 0;
        double y1 = 0;
        double x2 = 0;
        double y2 = 0;
        double[] k = new double[12];
        for (FaceBox f : group) {
            double w = f.score();
            total += w;
            x1 += f.x() * w;
            y1 += f.y() * w;
            x2 += f.maxX() * w;
            y2 += f.maxY() * w;
            List<FaceBox.Point> pts = f.keypoints();
            for (int j = 0; j < 6; j++) {
                k[2 * j] += pts.get(j).x() * w;
                k[2 * j + 1] += pts.get(j).y() * w;
            }
        }
        FaceBox.Point[] p = new FaceBox.Point[6];
        for (int j = 0; j < 6; j++) {
            p[j] = new FaceBox.Point(k[2 * j] / total, k[2 * j + 1] / total);
        }
        FaceBox first = group.get(0);
        return new FaceBox(x1 / total, y1 / total, (x2 - x1) / total, (y2 - y1) / total, score,
                p[0], p[1], p[2], p[3], p[4], p[5], first.detector(), first.keypointsEstimated());
    }
}
