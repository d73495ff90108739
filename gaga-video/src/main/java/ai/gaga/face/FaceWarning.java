package ai.gaga.face;

/** Something about the photo's face that will limit the performance; each carries a message for the user. */
public enum FaceWarning {
    /** Fewer than {@link FaceAnalyzer#MIN_EYE_DISTANCE} pixels between the eyes even after the allowed upscaling. */
    TOO_SMALL("The face is too small: use a photo where the eyes are at least 64 px apart"),
    /** The face oval touches or crosses the image border. */
    NEAR_BORDER("The face is at the edge of the photo or cut off: parts of it cannot be animated"),
    /** Head turned more than {@link FaceAnalyzer#MAX_YAW} degrees. */
    STRONG_PROFILE("The face is turned strongly to the side: it will be animated conservatively"),
    /** Both eyes dark and flat, as behind sunglasses ({@link Occlusion#eyesHidden()}). */
    EYES_HIDDEN("The eyes are hidden (sunglasses?): blinks and gaze are animated but will not show"),
    /** Something that is neither lips nor skin covers the mouth ({@link Occlusion#mouthOccluded()}). */
    MOUTH_OCCLUDED("The mouth is covered (a mask, a hand, a microphone?): it will be animated with reduced motion");

    private final String message;

    FaceWarning(String message) {
        this.message = message;
    }

    /** What to tell the user. */
    public String message() {
        return message;
    }
}
