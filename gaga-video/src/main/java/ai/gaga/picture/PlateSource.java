package ai.gaga.picture;

import ai.gaga.scene.Actor;

/**
 * Makes the {@link ActorPlate} of one actor for the compositor: the still photo ({@link #STILL}) or an animated face.
 * The compositor asks once per actor and render, with the working scale it samples the plate at.
 */
@FunctionalInterface
public interface PlateSource {
    /** Plates of the unchanged photo. */
    PlateSource STILL = StillPlate::new;

    /**
     * The plate of an actor.
     *
     * @param actor    who it shows
     * @param analysis the actor's photo, face and (when a layout cuts actors out) person mask
     * @param scale    plate pixels per photo pixel
     */
    ActorPlate create(Actor actor, PhotoAnalysis analysis, double scale);
}
