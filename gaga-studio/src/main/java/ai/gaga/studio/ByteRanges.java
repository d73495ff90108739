package ai.gaga.studio;

import io.javalin.http.Context;
import org.apache.commons.io.input.BoundedInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file served with HTTP byte ranges (RFC 9110, section 14), one range per request, as video players ask for them:
 * no {@code Range} header, a header that is not one valid {@code bytes=} range, or several ranges: the whole file
 * (200); a range that starts at or past the end, or an empty suffix range: 416 with {@code Content-Range: bytes
 * *&#47;length}; otherwise 206 with exactly the bytes asked for (the end clamped to the file). Replaces Javalin's
 * seekable writer, which spun a server thread at full CPU forever on a range past the end of the file.
 */
final class ByteRanges {
    private ByteRanges() {
    }

    /** A satisfiable range, inclusive, or {@link #UNSATISFIABLE}, or null for the whole file. */
    record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    static final Range UNSATISFIABLE = new Range(-1, -2);

    static void serve(Context ctx, Path file, String type) throws IOException {
        long size = Files.size(file);
        ctx.header("Accept-Ranges", "bytes");
        ctx.contentType(type);
        Range r = parse(ctx.header("Range"), size);
        if (r == UNSATISFIABLE) {
            ctx.status(416);
            ctx.header("Content-Range", "bytes */" + size);
            ctx.result("");
            return;
        }
        if (r == null) {
            ctx.header("Content-Length", Long.toString(size));
            ctx.result(Files.newInputStream(file));
            return;
        }
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(r.first());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        ctx.status(206);
        ctx.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size);
        ctx.header("Content-Length", Long.toString(r.length()));
        ctx.result(BoundedInputStream.builder().setInputStream(in).setMaxCount(r.length()).get());
    }

    /**
     * The range a {@code Range} header asks of a file of {@code size} bytes: null (serve it all) when there is no
     * header, it is not a single valid {@code bytes=} range, or it asks for several; {@link #UNSATISFIABLE} when it
     * starts at or past the end or is an empty suffix.
     */
    static Range parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = h.substring(6).trim();
        if (spec.isEmpty() || spec.indexOf(',') >= 0) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash).trim();
        String b = spec.substring(dash + 1).trim();
        if (a.isEmpty()) { // suffix: the last n bytes
            if (!digits(b)) {
                return null;
            }
            long n = number(b);
            if (n == 0 || size == 0) {
                return UNSATISFIABLE;
            }
            return new Range(Math.max(0, size - n), size - 1);
        }
        if (!digits(a) || !(b.isEmpty() || digits(b))) {
            return null;
        }
        long first = number(a);
        long last = b.isEmpty() ? Long.MAX_VALUE : number(b);
        if (last < first) {
            return null; // not a valid range: the header is ignored
        }
        if (first >= size) {
            return UNSATISFIABLE;
        }
        return new Range(first, Math.min(last, size - 1));
    }

    /** Decimal digits as a number; more than a long holds reads as {@link Long#MAX_VALUE}. */
    private static long number(String digits) {
        String d = digits.replaceFirst("^0+(?=.)", "");
        return d.length() > 18 ? Long.MAX_VALUE : Long.parseLong(d);
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
