package ai.gaga.animation;

import ai.gaga.rig.FaceControl;
import ai.gaga.rig.FaceControls;
import ai.gaga.scene.ActionCue;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.voice.Utterance;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Micro-benchmark (not a test): builds the face performances of two-actor dialogues of 10, 30 and 60 s (synthetic
 * speech) and prints the construction time, the cost and allocation of {@code controlsAt}, and the largest
 * frame-to-frame change per control group.
 *
 * <p>Run: {@code java -cp <test classpath> ai.gaga.animation.AnimatorBenchmark [fps=25]}.
 */
public final class AnimatorBenchmark {
    private AnimatorBenchmark() {
    }

    public static void main(String[] args) {
        int fps = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        System.out.printf(Locale.ROOT, "blinks per minute at rest (6 seeds): %.1f%n", restingBlinkRate());
        System.out.println("seconds  build-ms(median of 5)  controlsAt-ns  bytes/frame  "
                + "max-jump mouth/brow/gaze/head°");
        for (int seconds : new int[] {10, 30, 60}) {
            Scene.Builder b = Stages.twoActors();
            List<Utterance> speech = new ArrayList<>();
            List<Double> starts = new ArrayList<>();
            double t = 0.5;
            Emotion[] emotions = Emotion.values();
            int i = 0;
            while (t < seconds - 4) {
                b.actor(i % 2 == 0 ? "MAYA" : "LEO").says("Line " + i + ".").emotion(emotions[i % emotions.length],
                        0.8);
                Utterance u = Stages.talk(3, i);
                speech.add(u);
                starts.add(t);
                t += u.durationSeconds() + 0.4;
                i++;
            }
            Scene scene = b.fps(fps).build();
            double[] at = starts.stream().mapToDouble(Double::doubleValue).toArray();
            Timeline timeline = Stages.timeline(scene, speech, at, seconds, new ActionCue("MAYA looks away"), 3.0,
                    new ActionCue("LEO looks down"), seconds / 2.0);
            long[] builds = new long[5];
            FaceAnimator maya = null;
            for (int r = 0; r < builds.length; r++) {
                long t0 = System.nanoTime();
                maya = FaceAnimator.of(scene, timeline, "MAYA", fps);
                FaceAnimator.of(scene, timeline, "LEO", fps);
                builds[r] = (System.nanoTime() - t0) / 2;
            }
            java.util.Arrays.sort(builds);
            FaceControls out = new FaceControls();
            int frames = maya.frameCount();
            for (int f = 0; f < frames; f++) {
                maya.controlsAt(f, out); // warm up
            }
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long bytes0 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            long t0 = System.nanoTime();
            int rounds = 20;
            for (int r = 0; r < rounds; r++) {
                for (int f = 0; f < frames; f++) {
                    maya.controlsAt(f, out);
                }
            }
            long ns = (System.nanoTime() - t0) / ((long) rounds * frames);
            long bytes = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - bytes0) / rounds / frames;
            ControlCurves c = maya.curves();
            System.out.printf(Locale.ROOT, "%7d  %21.1f  %13d  %11d  %.2f/%.3f/%.3f/%.2f%n", seconds,
                    builds[2] / 1e6, ns, bytes,
                    maxJump(c, FaceControl.JAW_OPEN, FaceControl.MOUTH_CLOSE, FaceControl.MOUTH_PUCKER,
                            FaceControl.MOUTH_FUNNEL, FaceControl.MOUTH_STRETCH, FaceControl.MOUTH_PRESS),
                    maxJump(c, FaceControl.BROW_INNER_UP, FaceControl.BROW_DOWN, FaceControl.BROW_OUTER_UP),
                    maxJump(c, FaceControl.GAZE_X, FaceControl.GAZE_Y),
                    maxJump(c, FaceControl.HEAD_YAW, FaceControl.HEAD_PITCH, FaceControl.HEAD_ROLL));
        }
    }

    /** Blinks per minute of an actor at rest (one short line, then 58 s of silence), mean over six seeds. */
    static double restingBlinkRate() {
        int total = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Utterance u = Stages.talk(1.5, 9);
            Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Hm.")
                    .pause(java.time.Duration.ofSeconds(58)).seed(seed).build();
            Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {0.2}, 60);
            total += EyesAndHeadTest.blinks(FaceAnimator.of(scene, timeline, "maya").curves()).size();
        }
        return total / 6.0;
    }

    private static double maxJump(ControlCurves c, FaceControl... controls) {
        double max = 0;
        for (FaceControl k : controls) {
            float[] v = c.curve(k);
            for (int f = 1; f < v.length; f++) {
                max = Math.max(max, Math.abs(v[f] - v[f - 1]));
            }
        }
        return max;
    }
}
