package ai.gaga.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Preview timing benchmark (not a test): starts a studio in this JVM, uploads a photo, then asks for the 640x360
 * preview of a ~10 s scene three times over HTTP and follows it on its event stream, printing when the first event,
 * the first engine progress and the finished preview arrived. Run 1 includes loading every model and voice; runs 2
 * and 3 (other seeds, so nothing is reused from run 1's plan) are what a user waits for after start-up. The CPU
 * column is the process's CPU time during the run: on a shared machine it tells what the preview costs.
 *
 * <pre>
 * java -cp gaga-examples/target/gaga.jar:gaga-examples/target/lib/* ai.gaga.studio.StudioBench PHOTO
 * </pre>
 */
public final class StudioBench {
    static final String SCENE = "I waited for you at the station all night long.\n\n"
            + "The last train came and went, and still no sign of you.\n\n"
            + "Please, next time, just tell me.";

    private StudioBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: StudioBench PHOTO");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        try (StudioServer server = StudioServer.builder().port(0).start()) {
            double startup = (System.nanoTime() - t0) / 1e9;
            URI base = server.baseUri();
            String auth = "Bearer " + server.token();
            long u0 = System.nanoTime();
            String photo = json.readTree(upload(http, base, auth, Path.of(args[0]))).get("id").asText();
            double uploadS = (System.nanoTime() - u0) / 1e9;
            System.out.printf(Locale.ROOT, "Studio start-up (engine, HTTP server): %.2f s; photo upload with face "
                    + "analysis: %.2f s%n", startup, uploadS);
            System.out.println("| run | scene (s) | first event (s) | first progress (s) | preview done (s) | CPU (s) |");
            System.out.println("|-----|-----------|-----------------|--------------------|------------------|---------|");
            for (int run = 1; run <= 3; run++) {
                Map<String, Object> body = Map.of("script", SCENE, "actors", Map.of("ME", photo),
                        "options", Map.of("seed", run), "preview", true);
                long s0 = System.nanoTime();
                long cpu0 = cpuNanos();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/renders"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                String id = json.readTree(r.body()).get("id").asText();
                HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(base.resolve("/api/renders/"
                        + id + "/events")).header("Authorization", auth).header("Accept", "text/event-stream")
                        .GET().build(), HttpResponse.BodyHandlers.ofLines());
                double first = -1;
                double progress = -1;
                double done = -1;
                JsonNode last = null;
                for (Iterator<String> it = events.body().iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    double t = (System.nanoTime() - s0) / 1e9;
                    last = json.readTree(line.substring(5));
                    if (first < 0) {
                        first = t;
                    }
                    if (progress < 0 && last.get("progress").asDouble() > 0) {
                        progress = t;
                    }
                    if (!last.get("state").asText().equals("queued") && !last.get("state").asText()
                            .equals("running")) {
                        done = t;
                        break;
                    }
                }
                if (last == null || !last.get("state").asText().equals("done")) {
                    throw new IllegalStateException("Preview did not finish: " + last);
                }
                System.out.printf(Locale.ROOT, "| %d | %.1f | %.3f | %.3f | %.2f | %.1f |%n", run,
                        last.get("durationSeconds").asDouble(), first, progress, done, (cpuNanos() - cpu0) / 1e9);
            }
        }
    }

    /** CPU time of this process, all threads (what the preview costs whatever else the machine runs). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String upload(HttpClient http, URI base, String auth, Path photo) throws Exception {
        String boundary = "----gagabench";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                + photo.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Files.readAllBytes(photo));
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/photos"))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("Upload failed: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
