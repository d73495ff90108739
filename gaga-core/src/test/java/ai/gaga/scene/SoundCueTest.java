package ai.gaga.scene;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which sound cues play a file, and which only look like one. */
class SoundCueTest {
    @Test
    void theSoundOfAVideoFilePlaysAndOtherFilesAreToldApart() {
        // Seen failing: music(Path.of("song.mp4")) ended in "Unknown mood '/…/song.mp4'" after the voices had spoken.
        for (String f : new String[] {"song.mp4", "talk.m4b", "clip.mov", "memo.amr", "loop.caf", "theme.MP3"}) {
            SoundCue c = SoundCue.file(SoundCue.Kind.MUSIC, Path.of("/music", f));
            assertEquals(Path.of("/music", f), c.file().orElseThrow(), f);
            assertFalse(c.looksLikeAnotherFile(), f);
        }
        assertTrue(SoundCue.file(SoundCue.Kind.MUSIC, Path.of("/photos/text.jpg")).looksLikeAnotherFile());
        assertTrue(new SoundCue(SoundCue.Kind.SFX, "sounds/door").looksLikeAnotherFile());
        for (String words : new String[] {"melancholic piano", "rain", "door slams", "tempo 2.0"}) {
            SoundCue c = new SoundCue(SoundCue.Kind.MUSIC, words);
            assertTrue(c.file().isEmpty(), words);
            assertFalse(c.looksLikeAnotherFile(), words);
        }
    }
}
