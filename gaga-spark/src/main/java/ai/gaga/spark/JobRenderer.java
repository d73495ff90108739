package ai.gaga.spark;

import ai.gaga.Gaga;
import ai.gaga.GagaException;
import ai.gaga.RenderCancelledException;
import ai.gaga.RenderOptions;
import ai.gaga.RenderPlan;
import ai.gaga.RenderResult;
import ai.gaga.scene.Actor;
import ai.gaga.scene.FacePick;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneElement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders one job inside a task: copies its photos (and script file) from their URIs to a local scratch folder, builds
 * the scene, plans it, skips it when its clip is already there with the same plan hash, else renders locally and
 * uploads the MP4, subtitles, plan JSON and hash under temporary names renamed into place. Every problem of the job's
 * own making ends as a {@code failed} result with the user-facing message; only a cancelled render (the task was
 * killed) escapes, so that Spark retries the task.
 */
final class JobRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(JobRenderer.class);
    /** A script cell that names a file rather than holding the text: a URI with a scheme, an absolute path, or a
     *  known script extension, on one line. */
    private static final Pattern SCRIPT_FILE = Pattern.compile(
            "(?i)([a-z][a-z0-9+.-]*:/.*|/.*|.*\\.(fountain|txt|script|spmd))");
    /** Temporary uploads older than this are left-overs of killed tasks and are removed by the next attempt. */
    private static final long STALE_TEMP_MS = 3_600_000L;

    private final RenderJobOptions options;
    private final Configuration hadoop;
    private final int threads;

    JobRenderer(RenderJobOptions options, Configuration hadoop, int threads) {
        this.options = options;
        this.hadoop = hadoop;
        this.threads = threads;
    }

    JobResult render(JobSpec job) {
        long t0 = System.nanoTime();
        String id = job.id();
        Map<String, String> localToUri = new LinkedHashMap<>();
        Path scratch = null;
        try {
            String problem = problem(job);
            if (problem != null) {
                return JobResult.failed(id, problem, seconds(t0));
            }
            JobSettings settings = JobSettings.parse(job.options());
            org.apache.hadoop.fs.Path outDir = new org.apache.hadoop.fs.Path(output(job));
            FileSystem outFs = outDir.getFileSystem(hadoop);
            outDir = outFs.makeQualified(outDir);
            org.apache.hadoop.fs.Path mp4 = new org.apache.hadoop.fs.Path(outDir, id + ".mp4");
            org.apache.hadoop.fs.Path hashFile = new org.apache.hadoop.fs.Path(outDir, id + ".plan.sha256");

            Path root = Path.of(options.scratchDir() != null ? options.scratchDir()
                    : System.getProperty("java.io.tmpdir") + "/gaga-spark");
            Files.createDirectories(root);
            scratch = Files.createTempDirectory(root, "job-" + id + "-");

            // inputs: photos (with their content hashes) and the script, copied to local files
            Map<String, Path> photos = new LinkedHashMap<>();
            Map<String, Integer> picks = new LinkedHashMap<>();
                int n = 0;
            for (Map.Entry<String, String> a : job.actors().entrySet()) {
                String uri = JobSpec.photoUri(a.getValue());
                int pick = JobSpec.facePick(a.getValue());
                Path local = scratch.resolve("photos").resolve(String.valueOf(n++)).resolve(fileName(uri));
                fetch(uri, local, "photo of " + a.getKey());
                localToUri.put(local.toString(), qualified(uri));
                photos.put(a.getKey(), local);
                if (pick > 0) {
                    picks.put(a.getKey(), pick);
                }
            }
            Scene scene = scene(job, scratch, photos, picks, settings, localToUri);

            Gaga gaga = ExecutorEngines.engine(new ExecutorEngines.Key(options.modelDir(), options.offline(),
                    threads, options.device(), options.encoder(), options.preset(), settings.loudness()));
            RenderPlan plan = gaga.plan(scene);
            String hash = PlanHash.of(plan, engineText(settings));
            List<String> warnings = plan.warnings().stream().map(w -> userMessage(w, localToUri)).toList();

            FileStatus existing = status(outFs, mp4);
            if (existing != null && !existing.isFile()) {
                return JobResult.failed(id, "output " + mp4 + " exists and is not a regular file; GAGA replaces"
                        + " only regular files", seconds(t0));
            }
            if (options.skipExisting() && existing != null && hash.equals(read(outFs, hashFile))) {
                LOG.info("Job {}: {} is up to date (plan hash {}), skipped", id, mp4, hash.substring(0, 12));
                // the clip's length as the render gives it: whole frames
                double length = plan.frameCount() / (double) scene.fps();
                return new JobResult(id, JobResult.SKIPPED, mp4.toString(), length, seconds(t0), null, warnings);
            }

            Path localOut = scratch.resolve("out").resolve(id + ".mp4");
            Files.createDirectories(localOut.getParent());
            RenderResult r = gaga.render(plan, localOut, RenderOptions.builder().subtitles(options.subtitles())
                    .build());
            Path planJson = scratch.resolve("out").resolve(id + ".plan.json");
            Files.writeString(planJson, planJson(plan, localToUri));
            Path hashLocal = scratch.resolve("out").resolve(id + ".plan.sha256");
            Files.writeString(hashLocal, hash + "\n");

            // side files first, the clip next, the hash last: a clip counts as finished only with its hash beside it
            outFs.mkdirs(outDir);
            cleanStaleTemps(outFs, outDir, id);
            List<Path> uploads = new ArrayList<>(r.sideFiles());
            uploads.add(planJson);
            uploads.add(r.output());
            uploads.add(hashLocal);
            for (Path file : uploads) {
                upload(outFs, file, new org.apache.hadoop.fs.Path(outDir, file.getFileName().toString()));
            }
            LOG.info("Job {}: rendered {} ({} s of clip) in {} s", id, mp4,
                    String.format(Locale.ROOT, "%.2f", r.duration().toMillis() / 1000.0),
                    String.format(Locale.ROOT, "%.1f", seconds(t0)));
            return new JobResult(id, JobResult.DONE, mp4.toString(), r.duration().toMillis() / 1000.0, seconds(t0),
                    null, warnings);
        } catch (RenderCancelledException e) {
            throw e; // the task is being killed: Spark decides whether to run it again
        } catch (GagaException | IllegalArgumentException e) {
            return JobResult.failed(id, userMessage(e.getMessage(), localToUri), seconds(t0));
        } catch (IOException | UncheckedIOException e) {
            return JobResult.failed(id, userMessage(e.getMessage(), localToUri), seconds(t0));
        } catch (RuntimeException e) {
            LOG.error("Job {} failed unexpectedly", id, e);
            return JobResult.failed(id, "unexpected error: " + userMessage(String.valueOf(e), localToUri),
                    seconds(t0));
        } finally {
            deleteRecursively(scratch);
        }
    }

    /** What makes a job impossible to start, in the user's words, or null. */
    private String problem(JobSpec job) {
        String idProblem = job.idProblem();
        if (idProblem != null) {
            return idProblem;
        }
        if (job.script() == null || job.script().isBlank()) {
            return "job '" + job.id() + "' has no script (column 'script': the text, or a script file's URI)";
        }
        if (job.actors().isEmpty()) {
            return "job '" + job.id() + "' has no actors (column 'actors': each character's name to a photo URI)";
        }
        if ((job.output() == null || job.output().isBlank()) && options.defaultOutput() == null) {
            return "job '" + job.id() + "' has no output (column 'output': the folder URI the clip goes to)";
        }
        return null;
    }

    private String output(JobSpec job) {
        return job.output() == null || job.output().isBlank() ? options.defaultOutput() : job.output();
    }

    /** The scene as the CLI builds it from the same script, photos and options. */
    private Scene scene(JobSpec job, Path scratch, Map<String, Path> photos, Map<String, Integer> picks,
                        JobSettings s, Map<String, String> localToUri) throws IOException {
        String script = job.script().strip();
        Scene parsed;
        if (!script.contains("\n") && SCRIPT_FILE.matcher(script).matches()) {
            Path local = scratch.resolve("script").resolve(fileName(script));
            fetch(script, local, "script");
            localToUri.put(local.toString(), qualified(script));
            parsed = Scene.parse(local, photos);
        } else {
            parsed = Scene.parse(job.script(), photos);
        }
        Scene.Builder b = parsed.toBuilder();
        for (Actor a : parsed.actors()) {
            b.actor(a.name());
            if (s.voice() != null) {
                b.voice(s.voice());
            }
            Integer pick = pickFor(picks, a.name());
            if (pick != null) {
                b.face(FacePick.index(pick - 1));
            }
        }
        if (s.emotion() != null || s.delivery() != null) {
            // the job's emotion and delivery colour the lines whose script leaves them open, as in the CLI
            Scene.Builder shaped = Scene.builder();
            for (Actor a : b.build().actors()) {
                shaped.actor(a.name(), a.photo()).voice(a.voice()).face(a.face());
            }
            for (SceneElement e : parsed.elements()) {
                if (e instanceof Line line) {
                    Line l = line;
                    if (s.emotion() != null && !l.emotionGiven()) {
                        l = l.withEmotion(s.emotion(), s.intensity());
                    }
                    if (s.delivery() != null && !l.deliveryGiven()) {
                        l = l.withDelivery(s.delivery());
                    }
                    shaped.add(l);
                } else {
                    shaped.add(e);
                }
            }
            b = shaped;
        }
        b.resolution(s.resolution() != null ? s.resolution() : parsed.resolution())
                .fps(s.fps() != null ? s.fps() : parsed.fps())
                .seed(s.seed() != null ? s.seed() : parsed.seed())
                .maxDuration(s.maxDuration() != null ? s.maxDuration() : parsed.maxDuration())
                .allowNoFace(s.allowNoFace() != null ? s.allowNoFace() : parsed.allowNoFace());
        return b.build();
    }

    private static Integer pickFor(Map<String, Integer> picks, String actor) {
        for (Map.Entry<String, Integer> p : picks.entrySet()) {
            if (p.getKey().equalsIgnoreCase(actor)) {
                return p.getValue();
            }
        }
        return null;
    }

    /** Engine settings and output choices that shape the files but are not in the plan. */
    private String engineText(JobSettings s) {
        return String.format(Locale.ROOT, "loudness=%s encoder=%s preset=%s subtitles=%s", s.loudness(),
                options.encoder(), options.preset(), options.subtitles());
    }

    /** Copies a URI to a local file. */
    private void fetch(String uri, Path local, String what) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = p.getFileSystem(hadoop);
        Files.createDirectories(local.getParent());
        try (FSDataInputStream in = fs.open(p)) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(what + " not found: " + fs.makeQualified(p));
        } catch (IOException e) {
            throw new IOException("cannot read " + what + " " + fs.makeQualified(p) + ": " + e.getMessage(), e);
        }
    }

    private String qualified(String uri) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
            return p.getFileSystem(hadoop).makeQualified(p).toString();
        } catch (IOException | RuntimeException e) {
            return uri;
        }
    }

    private static String fileName(String uri) {
        String path = uri;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "file" + name : name;
    }

    /** The plan JSON ({@code gaga analyze}'s) with the photos named by their URIs instead of scratch paths. */
    private static String planJson(RenderPlan plan, Map<String, String> localToUri) {
        ObjectNode tree = plan.toJsonTree();
        for (JsonNode node : List.of(tree.path("scene").path("actors"), tree.path("cast"))) {
            for (JsonNode actor : node) {
                String photo = actor.path("photo").asText();
                ((ObjectNode) actor).put("photo", localToUri.getOrDefault(photo, photo));
            }
        }
        return userMessage(tree.toPrettyString(), localToUri) + "\n";
    }

    /** Uploads a local file under a temporary name beside its target, then renames it into place. */
    private static void upload(FileSystem fs, Path local, org.apache.hadoop.fs.Path target) throws IOException {
        org.apache.hadoop.fs.Path temp = new org.apache.hadoop.fs.Path(target.getParent(),
                "." + target.getName() + "." + UUID.randomUUID() + ".gaga-tmp");
        boolean moved = false;
        try {
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), temp);
            FileStatus existing = status(fs, target);
            if (existing != null) {
                if (!existing.isFile()) {
                    throw new IOException("output " + target + " exists and is not a regular file; GAGA replaces"
                            + " only regular files");
                }
                fs.delete(target, false);
            }
            moved = fs.rename(temp, target);
            if (!moved) {
                throw new IOException("cannot move " + temp + " to " + target);
            }
        } finally {
            if (!moved) {
                try {
                    fs.delete(temp, false);
                } catch (IOException e) {
                    LOG.warn("Could not remove the temporary upload {}: {}", temp, e.toString());
                }
            }
        }
    }

    /** Removes this job's temporary uploads left by tasks that were killed more than an hour ago. */
    private static void cleanStaleTemps(FileSystem fs, org.apache.hadoop.fs.Path dir, String id) {
        try {
            FileStatus[] temps = fs.globStatus(new org.apache.hadoop.fs.Path(dir, "." + id + ".*.gaga-tmp"));
            long now = System.currentTimeMillis();
            for (FileStatus t : temps == null ? new FileStatus[0] : temps) {
                if (t.isFile() && now - t.getModificationTime() > STALE_TEMP_MS) {
                    fs.delete(t.getPath(), false);
                }
            }
        } catch (IOException e) {
            LOG.debug("No clean-up of stale uploads in {}: {}", dir, e.toString());
        }
    }

    private static FileStatus status(FileSystem fs, org.apache.hadoop.fs.Path p) throws IOException {
        try {
            return fs.getFileStatus(p);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private static String read(FileSystem fs, org.apache.hadoop.fs.Path p) throws IOException {
        try (FSDataInputStream in = fs.open(p)) {
            return new String(in.readNBytes(1024), StandardCharsets.UTF_8).trim();
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** The message with scratch paths replaced by the URIs the user gave. */
    static String userMessage(String message, Map<String, String> localToUri) {
        String m = message == null ? "unknown error" : message;
        for (Map.Entry<String, String> e : localToUri.entrySet()) {
            m = m.replace(e.getKey(), e.getValue());
        }
        return m;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}", f);
                }
            });
        } catch (IOException e) {
            LOG.debug("Could not clean {}", dir);
        }
    }
}
