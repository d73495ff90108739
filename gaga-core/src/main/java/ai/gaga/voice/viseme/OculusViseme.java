package ai.gaga.voice.viseme;

/**
 * The 15 Oculus (Meta) Lipsync visemes: the mouth shapes a face rig blends between. {@link #code()} is the name used in
 * Oculus tools and in GAGA's JSON export ({@code sil}, {@code PP}, {@code kk}…).
 */
public enum OculusViseme {
    /** Silence, mouth at rest. */
    SIL("sil"),
    /** p, b, m: lips pressed together. */
    PP("PP"),
    /** f, v: lower lip under the upper teeth. */
    FF("FF"),
    /** th: tongue between the teeth. */
    TH("TH"),
    /** t, d: tongue behind the upper teeth. */
    DD("DD"),
    /** k, g, ng-like back consonants. */
    KK("kk"),
    /** ch, j, sh: lips rounded forward. */
    CH("CH"),
    /** s, z: teeth together. */
    SS("SS"),
    /** n, l. */
    NN("nn"),
    /** r. */
    RR("RR"),
    /** open a. */
    AA("aa"),
    /** e. */
    E("E"),
    /** i. */
    I("I"),
    /** o. */
    O("O"),
    /** u. */
    U("U");

    private final String code;

    OculusViseme(String code) {
        this.code = code;
    }

    /** The Oculus name, e.g. {@code kk}. */
    public String code() {
        return code;
    }
}
