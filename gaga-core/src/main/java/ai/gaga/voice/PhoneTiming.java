package ai.gaga.voice;

/**
 * When one phone (speech sound) is heard inside an utterance.
 *
 * @param phone the engine's phone symbol (SAMPA for MaryTTS, IPA for espeak/Piper); {@code _} is silence
 * @param start seconds from the start of the utterance
 * @param end   seconds from the start of the utterance, &gt;= start
 */
public record PhoneTiming(String phone, double start, double end) {
    public PhoneTiming {
        java.util.Objects.requireNonNull(phone, "phone");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad phone timing " + phone + " " + start + ".." + end);
        }
    }

    public double duration() {
        return end - start;
    }

    /** Whether this is a pause rather than a speech sound. */
    public boolean isSilence() {
        return phone.equals("_") || phone.equals("sil") || phone.equals("pau");
    }
}
