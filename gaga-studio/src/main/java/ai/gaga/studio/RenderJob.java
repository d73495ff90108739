package ai.gaga.studio;

import ai.gaga.RenderProgress;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

/** One render the studio was asked for: its state, progress, files and the event streams that follow it. */
final class RenderJob {
    private static final Logger LOG = LoggerFactory.getLogger(RenderJob.class);

    enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        boolean terminal() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final String id;
    final boolean preview;
    final Path dir;
    final Instant created = Instant.now();
    final String resolution;
    private final ObjectMapper mapper;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private State state = State.QUEUED;
    private double progress;
    private String stage = "queued";
    private String error;
    private double duration;
    private Future<?> future;
    private long lastSentPermille = -1;

    RenderJob(String id, boolean preview, Path dir, String resolution, ObjectMapper mapper) {
        this.id = id;
        this.preview = preview;
        this.dir = dir;
        this.resolution = resolution;
        this.mapper = mapper;
    }

    Path video() {
        return dir.resolve("clip.mp4");
    }

    Path srt() {
        return dir.resolve("clip.srt");
    }

    Path vtt() {
        return dir.resolve("clip.vtt");
    }

    Path plan() {
        return dir.resolve("plan.json");
    }

    synchronized State state() {
        return state;
    }

    synchronized void future(Future<?> f) {
        this.future = f;
    }

    synchronized Future<?> future() {
        return future;
    }

    /** Moves to running unless cancelled meanwhile; false when the job must not run. */
    boolean start() {
        synchronized (this) {
            if (state != State.QUEUED) {
                return false;
            }
            state = State.RUNNING;
            stage = "plan";
        }
        publish(true);
        return true;
    }

    void stage(String name) {
        synchronized (this) {
            stage = name;
        }
        publish(true);
    }

    void progress(RenderProgress p) {
        boolean stageChanged;
        synchronized (this) {
            String s = p.stage().name().toLowerCase(Locale.ROOT);
            stageChanged = !s.equals(stage);
            stage = s;
            progress = Math.max(progress, p.fraction());
        }
        publish(stageChanged);
    }

    void done(double seconds, List<String> newWarnings) {
        synchronized (this) {
            state = State.DONE;
            progress = 1;
            stage = "done";
            duration = seconds;
            warnings.addAll(newWarnings);
        }
        publish(true);
    }

    void failed(String message) {
        finish(State.FAILED, message);
    }

    /** Marks the job cancelled; true when it was not finished yet. */
    boolean cancelled() {
        return finish(State.CANCELLED, null);
    }

    private boolean finish(State end, String message) {
        synchronized (this) {
            if (state.terminal()) {
                return false;
            }
            state = end;
            stage = end.json();
            error = message;
        }
        publish(true);
        return true;
    }

    synchronized ObjectNode toJson() {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", id).put("state", state.json()).put("progress", Math.round(progress * 1000) / 1000.0)
                .put("stage", stage).put("preview", preview).put("resolution", resolution)
                .put("created", created.toString());
        if (error != null) {
            n.put("error", error);
        } else {
            n.putNull("error");
        }
        ArrayNode w = n.putArray("warnings");
        warnings.forEach(w::add);
        if (state == State.DONE) {
            n.put("durationSeconds", duration);
            String base = "/api/renders/" + id;
            n.putObject("files").put("video", base + "/video.mp4").put("vtt", base + "/subtitles.vtt")
                    .put("srt", base + "/subtitles.srt").put("plan", base + "/plan.json");
        }
        return n;
    }

    /** Follows this job on an event stream: the current state now, then every change; closed when it ends. */
    void subscribe(SseClient client) {
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        send(client, toJson().toString());
        if (state().terminal()) {
            client.close();
        }
    }

    private void publish(boolean always) {
        ObjectNode json = toJson();
        long permille = Math.round(json.get("progress").asDouble() * 1000);
        synchronized (this) {
            // progress arrives per frame: send at most one event per 0.5 % unless something else changed
            if (!always && permille - lastSentPermille < 5) {
                return;
            }
            lastSentPermille = permille;
        }
        String text = json.toString();
        boolean end = state().terminal();
        for (SseClient c : clients) {
            send(c, text);
            if (end) {
                c.close();
            }
        }
    }

    private void send(SseClient client, String json) {
        try {
            if (!client.terminated()) {
                client.sendEvent("render", json);
            }
        } catch (RuntimeException e) {
            LOG.debug("Event stream of render {} closed: {}", id, e.toString());
            clients.remove(client);
        }
    }

    void closeStreams() {
        for (SseClient c : clients) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing an event stream: {}", e.toString());
            }
        }
        clients.clear();
    }
}
