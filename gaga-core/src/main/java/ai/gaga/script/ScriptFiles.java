package ai.gaga.script;

import ai.gaga.ScriptException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads script files: strict UTF-8 (BOM allowed), so a Latin-1 or UTF-16 file fails clearly instead of garbling. */
public final class ScriptFiles {
    private ScriptFiles() {
    }

    /** Reads and parses a script file; errors name the file. */
    public static Script parse(Path file) {
        try {
            return new ScriptParser().parse(decode(Files.readAllBytes(file)));
        } catch (ScriptException e) {
            throw e.inFile(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ai.gaga.InvalidSceneException("Script file " + file + " not found");
        } catch (IOException e) {
            throw new ai.gaga.InvalidSceneException("Cannot read the script file " + file + ": "
                    + (Files.isDirectory(file) ? "it is a folder" : e.getMessage()));
        }
    }

    /**
     * Decodes UTF-8 bytes.
     *
     * @throws ScriptException at the line and column of the first byte that is not UTF-8
     */
    public static String decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new ScriptException(1, 1, "", "the script is UTF-16 text; save it as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new ScriptException(line, bad - lineStart + 1, "", String.format(
                    "the script is not UTF-8 text (byte 0x%02X cannot be read); save it as UTF-8",
                    bytes[bad] & 0xFF));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }
}
