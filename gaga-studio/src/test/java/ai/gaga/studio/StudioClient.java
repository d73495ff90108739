package ai.gaga.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain HTTP client for the studio's API over loopback, as a script would use it. */
final class StudioClient {
    static final ObjectMapper JSON = new ObjectMapper();
    final URI base;
    final String token;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    StudioClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    record Response(int status, byte[] body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token);
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError("No answer to " + request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    Response postJson(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A multipart upload of {@code content} as the field {@code photo}. */
    Response upload(String filename, byte[] content) {
        return send(uploadRequest(filename, content).build());
    }

    HttpRequest.Builder uploadRequest(String filename, byte[] content) {
        String boundary = "----gaga" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                + filename + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request("/api/photos").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    }

    /** Polls a render until it ends; returns its final state object. */
    JsonNode await(String renderId, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode s = null;
        while (System.nanoTime() < end) {
            s = get("/api/renders/" + renderId).json();
            String state = s.path("state").asText();
            if (state.equals("done") || state.equals("failed") || state.equals("cancelled")) {
                return s;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Render " + renderId + " did not end within " + timeout + ": " + s);
    }

    /** A scene request body: one actor named {@code actor} on {@code photoId}. */
    static java.util.Map<String, Object> body(String script, String actor, String photoId, boolean preview) {
        java.util.Map<String, Object> b = new java.util.LinkedHashMap<>();
        b.put("script", script);
        b.put("actors", java.util.Map.of(actor, photoId));
        b.put("options", java.util.Map.of("fps", 25, "seed", 7));
        b.put("preview", preview);
        return b;
    }

    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n")));
    }
}
