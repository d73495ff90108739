package ai.gaga.examples;

import ai.gaga.InvalidSceneException;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.scene.Voice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text to a one-actor scene: each paragraph (blank-line separated) becomes one line, with a short pause between
 * paragraphs. (Screenplay markup comes with the script parser.)
 */
final class TextScene {
    static final Duration PARAGRAPH_PAUSE = Duration.ofMillis(400);

    private TextScene() {
    }

    static List<String> paragraphs(String text) {
        String normalised = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        List<String> out = new ArrayList<>();
        for (String block : normalised.split("\n\\s*\n")) {
            String line = block.strip().replaceAll("\\s*\n\\s*", " ");
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    static Scene.Builder build(String text, String actor, Path photo, Voice voice, Emotion emotion, double intensity,
                               Delivery delivery) {
        List<String> lines = paragraphs(text);
        if (lines.isEmpty()) {
            throw new InvalidSceneException("The script is empty: give the text to speak");
        }
        Scene.Builder b = Scene.builder().actor(actor, photo).voice(voice);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                b.pause(PARAGRAPH_PAUSE);
            }
            b.says(lines.get(i)).emotion(emotion, intensity).delivery(delivery);
        }
        return b;
    }
}
