package ai.gaga.face;

/** Something about the photo's face that will limit the performance; each carries a message for the user. */
public enum FaceWarning {
    /** Fewer than {@link FaceAnalyzer#MIN_EYE_DISTANCE} pixels between the eyes even after the allowed upscaling. */
    TOO_SMALL("The face is too small to animate, so it is shown as a still photo: use a photo where the eyes are at "
            + "least 64 px apart"),
    /** The face oval touches or crosses the image border. */
    NEAR_BORDER("The face is at the edge of the photo or cut off: parts of it cannot be animated"),
    /** Head turned more than {@link FaceAnalyzer#MAX_YAW} degrees. */
    STRONG_PROFILE("The face is turned strongly to the side: it will be animated conservatively"),
    /** Both eyes dark and flat, as behind sunglasses ({@link Occlusion#eyesHidden()}). */
    EYES_HIDDEN("The eyes are hidden (sunglasses?): blinks and gaze are animated but will not show"),
    /** Something that is neither lips nor skin covers the mouth ({@link Occlusion#mouthOccluded()}). */
    MOUTH_OCCLUDED("The mouth is covered (a mask, a hand, a microphone?): it will be animated with reduced motion"),
    /** The photo's lips are apart; the neutral rest closes them ({@link ai.gaga.scene.Rest#NEUTRAL} only). */
    MOUTH_CLOSED_AT_REST("The photo shows parted lips (an open mouth, or teeth in a smile): the actor rests with "
            + "closed lips between phrases (Rest.AS_PHOTOGRAPHED keeps them parted)", true),
    /** The photo grins; the neutral rest relaxes the corners ({@link ai.gaga.scene.Rest#NEUTRAL} only). */
    SMILE_RELAXED_AT_REST("The photo shows a broad smile: the actor rests with it relaxed and smiles again where "
            + "the script is joyful (Rest.AS_PHOTOGRAPHED keeps the smile)", true),
    /** Raised or knitted brows let down ({@link ai.gaga.scene.Rest#NEUTRAL} only). */
    BROWS_RELAXED_AT_REST("The photo shows raised or knitted brows: the actor rests with them relaxed "
            + "(Rest.AS_PHOTOGRAPHED keeps them)", true),
    /** The subject's right eye is closed (a wink): the neutral rest rebuilds it from the left eye, mirrored. */
    RIGHT_EYE_OPENED_AT_REST("The subject's right eye (image left) is closed in the photo: the actor rests with it "
            + "open, rebuilt from the left eye mirrored (Rest.AS_PHOTOGRAPHED keeps it closed)", true),
    /** The subject's left eye is closed (a wink): the neutral rest rebuilds it from the right eye, mirrored. */
    LEFT_EYE_OPENED_AT_REST("The subject's left eye (image right) is closed in the photo: the actor rests with it "
            + "open, rebuilt from the right eye mirrored (Rest.AS_PHOTOGRAPHED keeps it closed)", true),
    /** Both eyes closed: the neutral rest paints them open (sclera, a guessed iris colour, the photo's own lids). */
    EYES_OPENED_AT_REST("Both eyes are closed in the photo: the actor rests with them open, painted under the "
            + "photo's own lids with an iris colour taken from a sliver between the lids, or dark brown where none "
            + "shows; they may look painted (Rest.AS_PHOTOGRAPHED keeps them closed)", true),
    /** A reopened eye will not match well: the face is turned too far to mirror, or the eye is small. */
    EYE_OPENED_POORLY("The reopened eye may look wrong: the face is turned too far (or the eye is too small) for "
            + "the other eye to be mirrored well; a photo with open eyes works better (Rest.AS_PHOTOGRAPHED keeps it "
            + "closed)", true),
    /** The open mouth may be covered or show the tongue: closing it may smear what covers it. */
    MOUTH_KEPT_OPEN("The open mouth may be covered or show the tongue (a hand, a microphone?): it is closed for the "
            + "rest but may look smeared; use a photo with a visible mouth, or Rest.AS_PHOTOGRAPHED", true),
    /**
     * The neutral rest could not close the open mouth: re-read with the face models, its lips stay apart (the tongue
     * or teeth between them), so the mouth may show open between phrases.
     */
    MOUTH_CLOSED_POORLY("The open mouth could not be closed well for the rest (the tongue or teeth stay between the "
            + "lips): it may show open between phrases; a photo with the mouth closed or less open works better "
            + "(Rest.AS_PHOTOGRAPHED keeps it as photographed)", true);

    private final String message;
    private final boolean rest;

    FaceWarning(String message) {
        this(message, false);
    }

    FaceWarning(String message, boolean rest) {
        this.message = message;
        this.rest = rest;
    }

    /**
     * Whether the warning is about deriving the neutral rest from the photo's expression (it applies only to actors
     * acting from {@link ai.gaga.scene.Rest#NEUTRAL}).
     */
    public boolean aboutNeutralRest() {
        return rest;
    }

    /** What to tell the user. */
    public String message() {
        return message;
    }
}
