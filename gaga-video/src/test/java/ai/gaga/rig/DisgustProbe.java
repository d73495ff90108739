package ai.gaga.rig;

import ai.gaga.face.Blendshapes;
import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoExpression;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;

/**
 * Diagnostic, not a test (no assertions; the name keeps it out of the build's test run): disgust's mouth at rig
 * level on the two neutral fixture portraits, from their neutral rest (as the acting renders do). The disgust pose
 * at intensity 0.9 is drawn and re-analysed; prints mouthUpperUp, browDown, the signature rise over the rest and the
 * re-read lip gap, and writes 4x crops of the mouth (target/disgust-NAME-{rest,disgust,upperUp,new}.png, plate 1.5x).
 * Plates at 1.25, 1.5 and 1.75x, averaged (single re-reads move by +-0.02). "oldPose" is disgust before
 * 2026-12-07 (upper lip 0.75, frown 0.2), "newPose" the current one (EmotionShapes).
 * Measured 2026-12-07, signature rise over the rest, astronaut / Grace Hopper: old pose with the old rig and painter
 * +0.005/-0.004; the new pose with the lateral lift (corners at 0.3 of it) +0.054/+0.007 with the old painter,
 * +0.048/+0.009 with the lit bared teeth (the upper lip alone, 0.675: +0.041 -> +0.076 with them); as committed
 * (corners kept down) +0.045/+0.008. Grace Hopper's brows stay behind her spectacles (browDown falls
 * with BROW_DOWN), so her disgust does not rise whatever the mouth does.
 * Run: {@code mvn -o -q -pl gaga-video test -Dtest=DisgustProbe -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DisgustProbe {
    @Test
    void probe() throws Exception {
        double[] scales = {1.25, 1.5, 1.75};
        try (RigFixtures f = new RigFixtures()) {
            ai.gaga.face.BlendshapeModel blend = ai.gaga.face.BlendshapeModel.create(f.services);
            StringBuilder sb = new StringBuilder();
            for (String name : List.of("grace", "astronaut")) {
                NeutralRest.Result rest = NeutralRest.of(f.photos.get(name), f.analyses.get(name), f.analyzer::analyze);
                double[][] mean = new double[4][3];
                for (double scale : scales) {
                    AnimatedPlate plate = AnimatedPlate.create(rest.photo(), rest.analysis(), scale, FacePerformance.REST,
                            rest.interior(), List.of());
                    double k = 0.9;
                    FaceControls disgust = new FaceControls().set(FaceControl.NOSE_SNEER, 0.6 * k)
                            .set(FaceControl.MOUTH_UPPER_UP, 0.75 * k).set(FaceControl.BROW_DOWN, 0.5 * k)
                            .set(FaceControl.EYE_SQUINT, 0.3 * k).set(FaceControl.MOUTH_FROWN, 0.2 * k)
                            .set(FaceControl.HEAD_PITCH, -1.0 * k);
                    FaceControls upOnly = new FaceControls().set(FaceControl.MOUTH_UPPER_UP, 0.75 * k);
                    FaceControls newPose = new FaceControls();
                    float[] shape = ai.gaga.animation.EmotionShapesAccess.disgust();
                    for (FaceControl fc : FaceControl.values()) {
                        newPose.set(fc, shape[fc.ordinal()] * k);
                    }
                    Object[][] poses = {{"rest", new FaceControls()}, {"disgust", disgust}, {"upperUp", upOnly},
                            {"new", newPose}};
                    double sig0 = 0;
                    float[][] rigRest = null;
                    float[][] seenRest = null;
                    int[] pts2 = {1, 2, 164, 0, 37, 39, 40, 185, 267, 269, 270, 409, 13, 82, 81, 80, 191, 312, 311, 310, 415,
                            61, 291, 78, 308, 14, 87, 178, 317, 17, 84, 314, 152};
                    for (int pi = 0; pi < poses.length; pi++) {
                        Object[] p = poses[pi];
                        plate.draw((FaceControls) p[1]);
                        FaceAnalysis a = f.reanalyse(plate);
                        Blendshapes b = a.expression();
                        double up = (b.get("mouthUpperUpLeft") + b.get("mouthUpperUpRight")) / 2;
                        double down = (b.get("browDownLeft") + b.get("browDownRight")) / 2;
                        double sig = (up + down) / 2;
                        if (p[0].equals("rest")) {
                            sig0 = sig;
                        }
                        FaceRig rig = plate.rig();
                        float[] x = new float[rig.pointCount()];
                        float[] y = new float[rig.pointCount()];
                        rig.deform((FaceControls) p[1], x, y);
                        double rigGap = Math.hypot(x[14] - x[13], y[14] - y[13]) / rig.interOcular();
                        java.util.List<ai.gaga.face.FaceMesh.Landmark> pts = new java.util.ArrayList<>();
                        for (int i = 0; i < ai.gaga.face.Landmarks478.SIZE; i++) {
                            pts.add(new ai.gaga.face.FaceMesh.Landmark(x[i], y[i], rest.analysis().landmarks().get(i).z()));
                        }
                        Blendshapes rb = blend.run(new ai.gaga.face.Landmarks478(pts,
                                rest.analysis().landmarks().rightEye(), rest.analysis().landmarks().leftEye()));
                        double io = rig.interOcular();
                        var m = a.landmarks();
                        if (scale == 1.5) sb.append(String.format("PROBE    rig-points upperUp %.3f lowerDown %.3f jaw %.3f | re-read lowerDown %.3f "
                                        + "jaw %.3f close %.3f shrugU %.3f sneer %.3f | y(0,13,14,17) rig %.3f %.3f %.3f %.3f "
                                        + "seen %.3f %.3f %.3f %.3f%n",
                                (rb.get("mouthUpperUpLeft") + rb.get("mouthUpperUpRight")) / 2,
                                (rb.get("mouthLowerDownLeft") + rb.get("mouthLowerDownRight")) / 2, rb.get("jawOpen"),
                                (b.get("mouthLowerDownLeft") + b.get("mouthLowerDownRight")) / 2, b.get("jawOpen"),
                                b.get("mouthClose"), b.get("mouthShrugUpper"),
                                (b.get("noseSneerLeft") + b.get("noseSneerRight")) / 2,
                                y[0] / io, y[13] / io, y[14] / io, y[17] / io, m.get(0).y() / io, m.get(13).y() / io,
                                m.get(14).y() / io, m.get(17).y() / io));
                        float[][] rp = new float[2][pts2.length];
                        float[][] sp = new float[2][pts2.length];
                        for (int j = 0; j < pts2.length; j++) {
                            rp[0][j] = (float) (x[pts2[j]] / io);
                            rp[1][j] = (float) (y[pts2[j]] / io);
                            sp[0][j] = (float) (m.get(pts2[j]).x() / io);
                            sp[1][j] = (float) (m.get(pts2[j]).y() / io);
                        }
                        if (rigRest == null) {
                            rigRest = rp;
                            seenRest = sp;
                        } else if (scale == 1.5) {
                            sb.append("PROBE    point: rig dy / seen dy (IOD x100)");
                            for (int j = 0; j < pts2.length; j++) {
                                sb.append(String.format(" %d:%.1f/%.1f", pts2[j], 100 * (rp[1][j] - rigRest[1][j]),
                                        100 * (sp[1][j] - seenRest[1][j])));
                            }
                            sb.append('\n');
                        }
                        if (scale == 1.5) sb.append(String.format("PROBE %-9s %-8s upperUp %.3f browDown %.3f sig %.3f (rise %+.3f) "
                                        + "re-read lipGap %.3f rig gap %.3f (%.1f px) photoTeeth %s%n", name, p[0], up, down,
                                sig, sig - sig0, PhotoExpression.of(a).lipGap(), rigGap,
                                rigGap * rig.interOcular(), plate.photoShowsTeeth()));
                        mean[pi][0] += up / scales.length;
                        mean[pi][1] += down / scales.length;
                        mean[pi][2] += sig / scales.length;
                        if (scale == 1.5) {
                            crop(plate, name + "-" + p[0]);
                        }
                    }
                }
                for (int pi = 0; pi < 4; pi++) {
                    sb.append(String.format("PROBE MEAN %-9s %-8s upperUp %.3f browDown %.3f sig %.3f rise %+.3f%n",
                            name, new String[] {"rest", "oldPose", "upperUp", "newPose"}[pi], mean[pi][0], mean[pi][1], mean[pi][2], mean[pi][2] - mean[0][2]));
                }
            }
            System.out.println(sb);
        }
    }

    static void crop(AnimatedPlate plate, String name) throws Exception {
        FaceRig rig = plate.rig();
        double iod = rig.interOcular();
        double cx = (rig.restX(13) + rig.restX(14)) / 2;
        double cy = (rig.restY(13) + rig.restY(14)) / 2;
        int x0 = (int) Math.max(0, cx - 0.45 * iod);
        int y0 = (int) Math.max(0, cy - 0.25 * iod);
        int x1 = (int) Math.min(plate.width(), cx + 0.45 * iod);
        int y1 = (int) Math.min(plate.height(), cy + 0.25 * iod);
        BufferedImage img = Images.fromBgr(plate.bgr(), plate.width(), plate.height());
        int z = 4;
        BufferedImage out = new BufferedImage((x1 - x0) * z, (y1 - y0) * z, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, img.getRGB(x0 + x / z, y0 + y / z));
            }
        }
        new File("target").mkdirs();
        ImageIO.write(out, "png", new File("target/disgust-" + name + ".png"));
    }
}
