package ai.gaga.studio;

import ai.gaga.Gaga;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page in real headless Chromium (Debian's chromium + chromedriver, driven by Selenium; nothing is downloaded):
 * open the tokened address, upload a fixture photo, type two lines, see the analysis tint them, press Render, watch
 * the video play past 1 s, download the MP4 and check it with ffprobe. Saves target/studio-browser.png.
 * Seen failing: while the page's event stream lacked {@code Accept: text/event-stream} (Javalin then answers an
 * empty 200), no progress reached the page and the wait for the video timed out; with the two lines typed as one
 * paragraph the analysis listed 1 line, not 2.
 */
class StudioBrowserTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    Path temp;

    @Test
    void aPersonWithAPhotoAndTwoLinesGetsAPlayingVideo() throws Exception {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "The browser test needs Debian's chromium and chromium-driver (apt-get install chromium "
                        + "chromium-driver; .ci/run installs them)");
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        Path profile = Files.createDirectories(temp.resolve("profile"));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1480,1180", "--autoplay-policy=no-user-gesture-required");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();

        try (Gaga gaga = Gaga.builder().models(Fixtures.modelStore()).build();
             StudioServer server = StudioServer.builder().port(0).workDir(temp).gaga(gaga).start()) {
            ChromeDriver driver = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                driver.get(server.url());
                wait.until(d -> d.findElement(By.id("server")).getText().contains("Connected"));
                assertTrue(!driver.getCurrentUrl().contains("token="), "token removed from the address bar");

                driver.findElement(By.cssSelector("input[type=file]"))
                        .sendKeys(Fixtures.graceHopper().toAbsolutePath().toString());
                wait.until(d -> !d.findElements(By.cssSelector("article.photo .facebox")).isEmpty());

                WebElement script = driver.findElement(By.cssSelector("textarea[name=script]"));
                // two spoken lines (a blank line between lines of text makes two lines, as in Fountain)
                script.sendKeys("I am so happy to see you again, this is wonderful!\n\n"
                        + "But I am terrified of what comes next.");
                // the analysis tints both lines (each by its emotion) in the editor's backdrop
                wait.until(d -> d.findElements(By.cssSelector("#backdrop .ln.tinted")).size() == 2);
                List<WebElement> tinted = driver.findElements(By.cssSelector("#backdrop .ln.tinted"));
                for (WebElement line : tinted) {
                    String bg = line.getCssValue("background-color");
                    assertTrue(bg.startsWith("rgba(") && !bg.endsWith(", 0)"), "tinted: " + bg);
                    assertTrue(!line.getAttribute("data-emotion").isEmpty());
                }
                assertEquals(2, driver.findElements(By.cssSelector("#analysis .aline")).size());
                assertTrue(!driver.findElements(By.cssSelector("#timeline .tl-item")).isEmpty(), "timeline drawn");

                new Select(driver.findElement(By.id("opt-resolution"))).selectByValue("640x360");
                driver.findElement(By.cssSelector("button[aria-label=Render]")).click();
                WebDriverWait slow = new WebDriverWait(driver, Duration.ofMinutes(4));
                JavascriptExecutor js = driver;
                slow.until(d -> Boolean.TRUE.equals(js.executeScript(
                        "const v = document.getElementById('player'); return !!v.src && v.readyState >= 2;")));
                js.executeScript("const v = document.getElementById('player'); v.muted = true; v.play();");
                slow.until(d -> ((Number) js.executeScript(
                        "return document.getElementById('player').currentTime;")).doubleValue() > 1.0);
                Number cues = (Number) js.executeScript("const t = document.getElementById('player').textTracks[0];"
                        + " return t && t.cues ? t.cues.length : -1;");
                assertTrue(cues.intValue() >= 1, "subtitle cues loaded: " + cues);
                assertEquals("1", String.valueOf(js.executeScript(
                        "return String(document.getElementById('progress').value);")));
                wait.until(d -> d.findElement(By.id("renders")).getText().toLowerCase().contains("done"));

                Path shot = Path.of("target", "studio-browser.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

                driver.findElement(By.id("dl-mp4")).click();
                Path mp4 = waitForDownload(downloads, Duration.ofSeconds(60));
                String probe = ffprobe(mp4);
                assertTrue(probe.contains("codec_name=h264") && probe.contains("width=640")
                        && probe.contains("height=360") && probe.contains("codec_name=aac"), probe);
            } finally {
                Path shot = Path.of("target", "studio-browser-last.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                driver.quit();
            }
        }
    }

    private static Path waitForDownload(Path dir, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> done = files.filter(p -> p.toString().endsWith(".mp4")).toList();
                if (!done.isEmpty() && Files.size(done.get(0)) > 0) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No MP4 downloaded into " + dir);
    }

    static String ffprobe(Path file) throws Exception {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries",
                "stream=codec_name,width,height:format=duration", "-of", "default=nw=1", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
