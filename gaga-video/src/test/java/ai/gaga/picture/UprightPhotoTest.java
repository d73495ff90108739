package ai.gaga.picture;

import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceMesh;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.scene.Actor;
import ai.gaga.scene.FacePick;
import ai.gaga.scene.Rest;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A photo lying on its side with no EXIF orientation (the tag stripped) is turned upright before it acts: the photo
 * the actor plays from stands the face up (its mouth below its eyes, as the turned-back original has it), the plan
 * says so, and an upright photo is never turned. Seen failing before: the squinting selfie turned a quarter either
 * way was animated lying on its side, with no word about it.
 */
class UprightPhotoTest {
    @TempDir
    Path dir;

    @Test
    void aPhotoLyingOnItsSideIsStoodUpright() throws IOException {
        try (TestServices services = new TestServices(); StillPhotoPerformer photos = new StillPhotoPerformer(services)) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            for (String name : new String[] {"pexels_selfie_squint.jpg", "pexels_family_smiles.jpg"}) {
                BufferedImage upright = PhotoLoader.load(Fixtures.photo(name));
                for (int quarters : new int[] {1, 3}) {
                    Path file = dir.resolve(quarters + "-" + name.replace(".jpg", ".png"));
                    ImageIO.write(PhotoLoader.turned(upright, quarters), "png", file.toFile());
                    PhotoAnalysis a = photos.analyse(actor(file), false);
                    String what = name + " turned " + quarters + " quarter(s)";
                    assertEquals((4 - quarters) % 4, a.turned(), what);
                    assertEquals(upright.getWidth(), a.image().getWidth(), what);
                    FaceMesh mesh = analyzer.analyze(a.image(), a.face().orElseThrow()).mesh();
                    double eyesY = (mesh.rightEyeCenter().y() + mesh.leftEyeCenter().y()) / 2;
                    assertTrue(mesh.get(13).y() > eyesY + 0.5 * mesh.interOcularDistance(),
                            what + ": the mouth stands below the eyes");
                    List<String> warned = ShotCompositor.framingWarnings(Map.of("me", a), 1920, 1080).get("me");
                    assertTrue(warned.stream().anyMatch(w -> w.contains("lies on its side")), what + ": " + warned);
                }
            }
            for (String name : new String[] {"grace_hopper_512x512.jpg", "astronaut.png", "pexels_selfie_squint.jpg",
                "pexels_family_smiles.jpg", "pexels_group_three.jpg", "pexels_cheering_full_body.jpg",
                "pexels_dancing_eyes_closed.jpg", "pexels_man_looking_away.jpg"}) {
                assertEquals(0, photos.analyse(actor(Fixtures.photo(name)), false).turned(), name + " was turned");
            }
        }
    }

    private static Actor actor(Path photo) {
        return new Actor("me", photo, ai.gaga.scene.Voice.DEFAULT, FacePick.LARGEST, Rest.NEUTRAL);
    }
}
