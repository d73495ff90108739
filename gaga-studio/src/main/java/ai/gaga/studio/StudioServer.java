package ai.gaga.studio;

import ai.gaga.Gaga;
import ai.gaga.GagaException;
import ai.gaga.InvalidPhotoException;
import ai.gaga.RenderCancelledException;
import ai.gaga.RenderOptions;
import ai.gaga.RenderResult;
import ai.gaga.timeline.PlanJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GAGA Studio: a local web app and REST API over one {@link Gaga} engine. Upload photos, write a script, see its
 * analysis and timeline, preview and render, watch and download the result.
 *
 * <pre>{@code
 * try (StudioServer studio = StudioServer.builder().port(8765).start()) {
 *     System.out.println("GAGA Studio: " + studio.url());
 *     studio.awaitClose();
 * }
 * }</pre>
 *
 * <p>Security: binds to 127.0.0.1 unless told otherwise; every {@code /api} request needs
 * {@code Authorization: Bearer <token>} (the media files also accept the page's HttpOnly SameSite=Strict cookie,
 * because {@code <video>} and {@code <track>} cannot send headers); a request whose {@code Origin} or {@code Host} is
 * not the studio's own is refused with 403; uploads are limited in size and must be images by content; ids are
 * opaque server-made values and no client-supplied path is ever opened. Work files live in one work folder that is
 * removed when the server stops (unless kept).
 */
public final class StudioServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StudioServer.class);
    private static final String COOKIE = "gaga_studio";
    private static final long MB = 1024 * 1024;
    private static final Set<String> MEDIA = Set.of("video.mp4", "subtitles.vtt", "subtitles.srt", "plan.json");
    private static final Map<String, String[]> STATIC = Map.of(
            "studio.css", new String[]{"web/studio.css", "text/css; charset=utf-8"},
            "studio.js", new String[]{"web/studio.js", "text/javascript; charset=utf-8"},
            "favicon.svg", new String[]{"web/favicon.svg", "image/svg+xml"});
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: "
            + "data:; media-src 'self' blob:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    private final ObjectMapper mapper = new ObjectMapper();
    private final String token;
    private final String mediaKey;
    private final Path work;
    private final Path photosDir;
    private final Path rendersDir;
    private final Path uploadsDir;
    private final boolean keep;
    private final long maxUpload;
    private final StudioEngine engine;
    private final ThreadPoolExecutor renders;
    /** Photo inspection and planning: off Jetty's threads, on threads with a stack deep enough for ONNX Runtime. */
    private final java.util.concurrent.ExecutorService engineWork;
    private final Map<String, Photo> photos = new ConcurrentHashMap<>();
    private final Map<String, RenderJob> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, StudioEngine.Planned> plans = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, StudioEngine.Planned> eldest) {
                    return size() > 16;
                }
            });
    private final Javalin app;
    private final String host;
    private final int port;
    private final Set<String> allowedHosts;
    private final Object closeLock = new Object();
    private volatile boolean closed;
    private boolean stopped; // guarded by closeLock: close() has finished

    private record Photo(String id, Path file, String name, StudioEngine.PhotoInfo info) {
    }

    private StudioServer(Builder b) {
        this.token = Ids.secret(24);
        this.mediaKey = Ids.secret(24);
        this.keep = b.keep;
        this.maxUpload = b.maxUploadBytes;
        try {
            Path parent = b.workDir != null ? b.workDir : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(parent);
            this.work = Files.createTempDirectory(parent.toAbsolutePath(), "gaga-studio-");
            this.photosDir = Files.createDirectory(work.resolve("photos"));
            this.rendersDir = Files.createDirectory(work.resolve("renders"));
            this.uploadsDir = Files.createDirectory(work.resolve("uploads"));
        } catch (IOException e) {
            throw new GagaException("Cannot create the studio's work folder in " + b.workDir + ": " + e.getMessage(),
                    e);
        }
        Gaga gaga = b.gaga != null ? b.gaga : Gaga.create();
        this.engine = new StudioEngine(gaga, b.gaga == null);
        AtomicInteger n = new AtomicInteger();
        this.renders = new ThreadPoolExecutor(b.concurrentRenders, b.concurrentRenders, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(b.queuedRenders), r -> engineThread(r, "gaga-studio-render-"
                + n.incrementAndGet()));
        AtomicInteger w = new AtomicInteger();
        this.engineWork = java.util.concurrent.Executors.newFixedThreadPool(2, r -> engineThread(r,
                "gaga-studio-engine-" + w.incrementAndGet()));
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = 1_000_000; // JSON bodies; uploads are multipart, limited below
            config.jetty.multipartConfig.cacheDirectory(uploadsDir.toString());
            config.jetty.multipartConfig.maxFileSize(b.maxUploadBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(b.maxUploadBytes + 64 * 1024, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        });
        routes();
        try {
            app.start(b.host, b.port);
        } catch (RuntimeException e) {
            engine.close();
            deleteTree(work);
            throw new GagaException("Cannot start GAGA Studio on " + b.host + ":" + b.port + ": "
                    + rootMessage(e), e);
        }
        this.host = b.host;
        this.port = ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
        this.allowedHosts = allowedHosts(b.host, port);
        LOG.info("GAGA Studio listening on {}:{}, work folder {}", host, port, work);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A daemon thread with a 64 MB stack: ONNX Runtime recurses deeply while it loads some of the face models, and a
     * web server thread's default stack (1 MB) overflows in native code, which kills the JVM without a word.
     */
    private static Thread engineThread(Runnable r, String name) {
        Thread t = new Thread(null, r, name, 64L * 1024 * 1024);
        t.setDaemon(true);
        return t;
    }

    /** Runs engine work on an engine thread and waits for it; its exceptions come back as they were thrown. */
    private <T> T onEngine(java.util.concurrent.Callable<T> work) {
        Future<T> f = engineWork.submit(work);
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiError(503, "The studio is stopping");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The page's address with the token, as printed by {@code gaga studio}. */
    public String url() {
        return baseUri() + "?token=" + token;
    }

    /** {@code http://host:port/}. */
    public URI baseUri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : h) + ":" + port + "/");
    }

    /** The secret every {@code /api} request must carry as {@code Authorization: Bearer <token>}. */
    public String token() {
        return token;
    }

    public int port() {
        return port;
    }

    /** The folder holding every file the studio writes. */
    public Path workDir() {
        return work;
    }

    // ---------------------------------------------------------------------------------------------- routes

    private void routes() {
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Cache-Control", "no-store");
        });
        app.before("/api/*", this::guard);
        app.get("/", this::page);
        app.get("/static/{file}", ctx -> {
            String[] res = STATIC.get(ctx.pathParam("file"));
            if (res == null) {
                throw new ApiError(404, "Not found");
            }
            ctx.contentType(res[1]).result(resource(res[0]));
        });
        app.get("/api/info", ctx -> json(ctx, 200, mapper.createObjectNode().put("engine", "GAGA 0.1.0")
                .put("loudness", engine.loudness()).put("preset", engine.preset())
                .put("maxUploadBytes", maxUpload).put("concurrentRenders", renders.getCorePoolSize())
                .put("queuedRenders", renders.getQueue().remainingCapacity() + renders.getQueue().size())));
        app.post("/api/photos", this::upload);
        app.get("/api/photos/{id}", ctx -> json(ctx, 200, photoJson(photo(ctx.pathParam("id")))));
        app.post("/api/plan", this::plan);
        app.post("/api/renders", this::submit);
        app.get("/api/renders", ctx -> {
            ArrayNode list = mapper.createArrayNode();
            snapshot().forEach(j -> list.add(j.toJson()));
            json(ctx, 200, mapper.createObjectNode().set("renders", list));
        });
        app.get("/api/renders/{id}", ctx -> json(ctx, 200, job(ctx.pathParam("id")).toJson()));
        app.delete("/api/renders/{id}", this::cancel);
        app.sse("/api/renders/{id}/events", client -> {
            RenderJob job = jobs.get(client.ctx().pathParam("id"));
            if (job == null) { // the guard already checked the token; an unknown id just ends the stream
                client.close();
                return;
            }
            client.keepAlive();
            job.subscribe(client);
        });
        app.get("/api/renders/{id}/{file}", this::media);
        app.exception(ApiError.class, (e, ctx) -> {
            ObjectNode n = mapper.createObjectNode().put("error", e.getMessage()).put("status", e.status());
            e.details().forEach((k, v) -> n.set(k, mapper.valueToTree(v)));
            json(ctx, e.status(), n);
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            json(ctx, 500, mapper.createObjectNode().put("error", "Unexpected error: " + rootMessage(e))
                    .put("status", 500));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                json(ctx, 404, mapper.createObjectNode().put("error", "Not found").put("status", 404));
            }
        });
    }

    /** Host, Origin and token checks of every /api request. */
    private void guard(Context ctx) {
        String hostHeader = Optional.ofNullable(ctx.header("Host")).orElse("").toLowerCase(Locale.ROOT);
        if (allowedHosts != null && !allowedHosts.contains(hostHeader)) {
            throw new ApiError(403, "Host '" + hostHeader + "' is not this studio's address");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.toLowerCase(Locale.ROOT).equals("http://" + hostHeader)) {
            throw new ApiError(403, "Requests from other web pages (Origin " + origin + ") are refused");
        }
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && same(auth.substring(7).strip(), token)) {
            return;
        }
        boolean mediaGet = "GET".equals(ctx.method().name()) && ctx.path().startsWith("/api/renders/")
                && MEDIA.contains(ctx.path().substring(ctx.path().lastIndexOf('/') + 1));
        if (mediaGet && same(ctx.cookie(COOKIE), mediaKey)) {
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"GAGA Studio\"");
        throw new ApiError(401, "Missing or wrong token: open the address printed by `gaga studio` (it ends with "
                + "?token=...) or send Authorization: Bearer <token>");
    }

    private void page(Context ctx) {
        String given = ctx.queryParam("token");
        if (given != null && same(given, token)) {
            // The media cookie lets <video> and <track> load files: HttpOnly, same site only, API paths only.
            ctx.header("Set-Cookie", COOKIE + "=" + mediaKey + "; Path=/api/renders; HttpOnly; SameSite=Strict");
        }
        ctx.header("Content-Security-Policy", CSP);
        ctx.contentType("text/html; charset=utf-8").result(resource("web/index.html"));
    }

    private void upload(Context ctx) throws IOException {
        long length = ctx.req().getContentLengthLong();
        if (length > maxUpload + 64 * 1024) {
            throw tooLarge(length);
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("photo");
        } catch (RuntimeException e) {
            String m = rootMessage(e);
            if (m.toLowerCase(Locale.ROOT).contains("exceed") || m.toLowerCase(Locale.ROOT).contains("too large")) {
                throw tooLarge(-1);
            }
            throw new ApiError(400, "Cannot read the upload: " + m + ". Send multipart/form-data with the image in "
                    + "the field \"photo\"");
        }
        if (file == null) {
            throw new ApiError(400, "No photo: send multipart/form-data with the image in the field \"photo\"");
        }
        String name = clean(file.filename());
        if (file.size() > maxUpload) {
            throw tooLarge(file.size());
        }
        byte[] head = new byte[16];
        int n;
        try (InputStream in = file.content()) {
            n = in.readNBytes(head, 0, head.length);
        }
        Optional<String> ext = ImageSniffer.extension(head, n);
        if (ext.isEmpty()) {
            throw new ApiError(400, "\"" + name + "\" is not an image (its content is not JPEG, PNG, BMP, GIF or "
                    + "TIFF, whatever its name; WebP is not read): upload a photo");
        }
        String id = Ids.newId("photo");
        Path target = photosDir.resolve(id + ext.get());
        try (InputStream in = file.content()) {
            Files.copy(in, target);
        }
        StudioEngine.PhotoInfo info;
        try {
            info = onEngine(() -> engine.inspect(target));
        } catch (InvalidPhotoException e) {
            Files.deleteIfExists(target);
            throw new ApiError(400, "\"" + name + "\": " + e.reason());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            Files.deleteIfExists(target);
            LOG.warn("Photo {} could not be decoded", name, e);
            throw new ApiError(400, "\"" + name + "\" could not be decoded as an image (" + rootMessage(e) + ")");
        }
        Photo photo = new Photo(id, target, name, info);
        photos.put(id, photo);
        json(ctx, 201, photoJson(photo));
    }

    private ObjectNode photoJson(Photo p) {
        ObjectNode n = mapper.createObjectNode().put("id", p.id).put("name", p.name)
                .put("width", p.info.width()).put("height", p.info.height());
        ArrayNode faces = n.putArray("faces");
        for (StudioEngine.Face f : p.info.faces()) {
            ObjectNode o = faces.addObject().put("index", f.index());
            o.putObject("box").put("x", round(f.x())).put("y", round(f.y())).put("width", round(f.width()))
                    .put("height", round(f.height()));
            ArrayNode w = o.putArray("warnings");
            f.warnings().forEach(w::add);
        }
        ArrayNode w = n.putArray("warnings");
        p.info.warnings().forEach(w::add);
        return n;
    }

    private void plan(Context ctx) {
        SceneRequest request = SceneRequest.read(body(ctx), false, this::photoFile);
        StudioEngine.Planned planned = onEngine(() -> planned(request));
        json(ctx, 200, planJson(planned, request));
    }

    private StudioEngine.Planned planned(SceneRequest request) {
        StudioEngine.Planned cached = plans.get(request.key());
        if (cached != null) {
            return cached;
        }
        StudioEngine.Planned planned;
        try {
            planned = engine.plan(request.scene());
        } catch (GagaException e) {
            throw new ApiError(400, hidePaths(e.getMessage()));
        }
        plans.put(request.key(), planned);
        return planned;
    }

    /** The plan as {@code gaga analyze} prints it, with photo ids instead of paths and each line's script line. */
    private ObjectNode planJson(StudioEngine.Planned planned, SceneRequest request) {
        ObjectNode json = planned.json().deepCopy();
        List<JsonNode> withPhotos = new ArrayList<>();
        json.path("scene").path("actors").forEach(withPhotos::add);
        json.path("cast").forEach(withPhotos::add);
        for (JsonNode actor : withPhotos) {
            String path = actor.path("photo").asText();
            String id = photos.values().stream().filter(p -> p.file.toString().equals(path)).map(Photo::id)
                    .findFirst().orElse("");
            ((ObjectNode) actor).put("photo", id);
        }
        JsonNode lines = json.path("lines");
        for (int i = 0; i < lines.size() && i < request.sourceLines().size(); i++) {
            ((ObjectNode) lines.get(i)).put("sourceLine", request.sourceLines().get(i));
        }
        return json;
    }

    private void submit(Context ctx) {
        if (closed) {
            throw new ApiError(503, "The studio is stopping");
        }
        JsonNode body = body(ctx);
        SceneRequest request = SceneRequest.read(body, true, this::photoFile);
        boolean preview = body.path("preview").asBoolean(false);
        String id = Ids.newId("render");
        Path dir = rendersDir.resolve(id);
        RenderJob job = new RenderJob(id, preview, dir, request.scene().resolution().toString(), mapper);
        jobs.put(id, job);
        try {
            Future<?> f = renders.submit(() -> run(job, request));
            job.future(f);
        } catch (RejectedExecutionException e) {
            jobs.remove(id);
            ctx.header("Retry-After", "10");
            throw new ApiError(429, "Too many renders waiting (" + renders.getQueue().size() + " queued, "
                    + renders.getActiveCount() + " running): wait for one to finish or cancel one");
        }
        json(ctx, 202, mapper.createObjectNode().put("id", id).put("state", "queued"));
    }

    private void run(RenderJob job, SceneRequest request) {
        if (!job.start()) {
            return;
        }
        try {
            Files.createDirectories(job.dir);
            StudioEngine.Planned planned = planned(request);
            Files.writeString(job.plan(), planJson(planned, request).toPrettyString());
            if (Thread.currentThread().isInterrupted()) {
                throw new RenderCancelledException("cancelled");
            }
            job.stage("photos");
            RenderResult r = engine.render(planned, job.video(), RenderOptions.builder().listener(job::progress));
            List<String> warnings = new ArrayList<>(planned.plan().warnings());
            r.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
            job.done(r.duration().toMillis() / 1000.0, warnings.stream().map(this::hidePaths).toList());
            LOG.info("Render {} done: {} in {} ms", job.id, r.resolution(), r.wallTime().toMillis());
        } catch (RenderCancelledException e) { // the folder goes first: a client that sees the end finds no file
            deleteTree(job.dir);
            job.cancelled();
        } catch (ApiError e) {
            deleteTree(job.dir);
            job.failed(e.getMessage());
        } catch (GagaException e) {
            deleteTree(job.dir);
            job.failed(hidePaths(e.getMessage()));
        } catch (Throwable e) {
            LOG.error("Render {} failed", job.id, e);
            deleteTree(job.dir);
            job.failed(Thread.currentThread().isInterrupted() ? "Cancelled" : "Unexpected failure: "
                    + rootMessage(e));
        } finally {
            Thread.interrupted(); // a cancel that came late must not leak into the next job on this thread
        }
    }

    private void cancel(Context ctx) {
        RenderJob job = job(ctx.pathParam("id"));
        if (job.state() == RenderJob.State.DONE || job.state().terminal()) {
            jobs.remove(job.id);
            deleteTree(job.dir);
            json(ctx, 200, mapper.createObjectNode().put("id", job.id).put("state", "deleted"));
            return;
        }
        cancelJob(job);
        json(ctx, 200, job.toJson());
    }

    private void cancelJob(RenderJob job) {
        Future<?> f = job.future();
        boolean wasQueued = job.state() == RenderJob.State.QUEUED;
        if (f != null) {
            if (f instanceof Runnable r) {
                renders.remove(r);
            }
            f.cancel(true); // interrupts a running render: the engine deletes its partial file
        }
        if (wasQueued) {
            job.cancelled();
        }
        if (!wasQueued && f == null) {
            job.cancelled();
        }
    }

    private void media(Context ctx) throws IOException {
        RenderJob job = job(ctx.pathParam("id"));
        String file = ctx.pathParam("file");
        if (!MEDIA.contains(file)) {
            throw new ApiError(404, "Not found");
        }
        if (job.state() != RenderJob.State.DONE) {
            throw new ApiError(409, "Render " + job.id + " is " + job.state().json() + ": its files exist only when"
                    + " it is done");
        }
        Path path;
        String type;
        switch (file) {
            case "video.mp4" -> {
                path = job.video();
                type = "video/mp4";
            }
            case "subtitles.vtt" -> {
                path = job.vtt();
                type = "text/vtt; charset=utf-8";
            }
            case "subtitles.srt" -> {
                path = job.srt();
                type = "application/x-subrip; charset=utf-8";
            }
            default -> {
                path = job.plan();
                type = "application/json";
            }
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new ApiError(404, "Not found");
        }
        ctx.header("Content-Disposition", "inline; filename=\"gaga-" + job.id.substring(7, 15) + "-"
                + file.replace("subtitles", "subs") + "\"");
        if (file.equals("video.mp4")) {
            ByteRanges.serve(ctx, path, type);
        } else {
            ctx.contentType(type).result(Files.newInputStream(path));
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Photo photo(String id) {
        Photo p = Ids.wellFormed(id) ? photos.get(id) : null;
        if (p == null) {
            throw new ApiError(404, "No photo with this id");
        }
        return p;
    }

    private Path photoFile(String id) {
        Photo p = photos.get(id);
        return p == null ? null : p.file;
    }

    private RenderJob job(String id) {
        RenderJob j = Ids.wellFormed(id) ? jobs.get(id) : null;
        if (j == null) {
            throw new ApiError(404, "No render with this id");
        }
        return j;
    }

    private List<RenderJob> snapshot() {
        synchronized (jobs) {
            return new ArrayList<>(jobs.values());
        }
    }

    private JsonNode body(Context ctx) {
        try {
            return mapper.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void json(Context ctx, int status, JsonNode node) {
        ctx.status(status).contentType("application/json").result(node.toString());
    }

    /** A message without the server's folders in it: photos are named by their ids. */
    private String hidePaths(String message) {
        String m = message == null ? "" : message;
        for (Photo p : photos.values()) {
            m = m.replace(p.file.toString(), "\"" + p.name + "\"");
        }
        return m.replace(work.toString(), "<work>");
    }

    private ApiError tooLarge(long bytes) {
        return new ApiError(413, "The upload is too large" + (bytes > 0 ? " (" + bytes / MB + " MB)" : "")
                + ": photos up to " + maxUpload / MB + " MB are accepted");
    }

    private static byte[] resource(String name) {
        try (InputStream in = StudioServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " in the studio's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean same(String given, String secret) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> allowedHosts(String host, int port) {
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            return null; // listening everywhere: any Host, but the Origin must still match it
        }
        Set<String> hosts = new java.util.HashSet<>();
        hosts.add(host.toLowerCase(Locale.ROOT) + ":" + port);
        if (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("::1")) {
            hosts.addAll(List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port));
        }
        return Set.copyOf(hosts);
    }

    private static String clean(String filename) {
        String f = filename == null ? "photo" : filename.replaceAll("[\\p{Cntrl}\"\\\\/]", "_");
        return f.length() > 80 ? f.substring(0, 77) + "..." : f;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return Objects.requireNonNullElse(t.getMessage(), t.getClass().getSimpleName());
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", root, e.toString());
        }
    }

    /** Blocks until {@link #close()} has run to its end (called by another thread or a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        synchronized (closeLock) {
            while (!stopped) {
                closeLock.wait();
            }
        }
    }

    /**
     * Stops the server: cancels queued and running renders (their partial files are removed), stops HTTP, closes
     * the engine and removes the work folder unless it is kept.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            stop();
        } finally {
            synchronized (closeLock) {
                stopped = true;
                closeLock.notifyAll();
            }
        }
    }

    private void stop() {
        for (RenderJob job : snapshot()) {
            if (!job.state().terminal()) {
                cancelJob(job);
            }
        }
        renders.shutdownNow();
        engineWork.shutdownNow();
        try {
            if (!renders.awaitTermination(20, TimeUnit.SECONDS)) {
                LOG.warn("Renders did not stop within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        snapshot().forEach(RenderJob::closeStreams);
        try {
            app.stop();
        } finally {
            try {
                engine.close();
            } finally {
                removePartials();
                if (!keep) {
                    deleteTree(work);
                }
            }
        }
    }

    /** A render stopped in its last moment could leave a temporary file; the studio never keeps one. */
    private void removePartials() {
        try (var files = Files.walk(work)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Scanning {} for partial files: {}", work, e.toString());
        }
    }

    /** Settings of a studio server; all optional. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8765;
        private Path workDir;
        private boolean keep;
        private Gaga gaga;
        private int concurrentRenders = 1;
        private int queuedRenders = 8;
        private long maxUploadBytes = 25L * 1024 * 1024;

        private Builder() {
        }

        /** Address to listen on (default 127.0.0.1: only this computer can connect). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port (default 8765; 0 picks a free one). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Folder in which the studio makes its own work folder (default: the system's temporary folder). */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** Keep the work folder (photos, renders) when the server stops. */
        public Builder keep(boolean keep) {
            this.keep = keep;
            return this;
        }

        /** The engine to use (the caller keeps ownership); by default the studio builds and closes its own. */
        public Builder gaga(Gaga gaga) {
            this.gaga = gaga;
            return this;
        }

        /** Renders that run at once: 1 or 2 (default 1). */
        public Builder concurrentRenders(int n) {
            if (n < 1 || n > 2) {
                throw new IllegalArgumentException("concurrent renders must be 1 or 2, got " + n);
            }
            this.concurrentRenders = n;
            return this;
        }

        /** Renders that may wait for their turn (default 8); one more is refused with 429. */
        public Builder queuedRenders(int n) {
            if (n < 1 || n > 100) {
                throw new IllegalArgumentException("queued renders must be 1..100, got " + n);
            }
            this.queuedRenders = n;
            return this;
        }

        /** Largest photo upload, bytes (default 25 MiB); larger ones get 413. */
        public Builder maxUploadBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("max upload must be at least 1 KiB, got " + bytes);
            }
            this.maxUploadBytes = bytes;
            return this;
        }

        /** Starts the server. */
        public StudioServer start() {
            return new StudioServer(this);
        }
    }
}
