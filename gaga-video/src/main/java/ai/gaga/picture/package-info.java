/**
 * Pictures of a scene. {@link ai.gaga.picture.StillPhotoPerformer} ({@code still-photo}) shows the actors' photos in
 * the shots of the timeline's cut through the {@link ai.gaga.picture.ShotCompositor}: singles at close-up, medium or
 * wide size on a blurred backdrop made from the photo, two-shots with the actors cut out by their person mask,
 * split screens, camera moves, colour grades with fades, and rain. Each actor is drawn from an
 * {@link ai.gaga.picture.ActorPlate} that a {@link ai.gaga.picture.PlateSource} makes: the still photo
 * ({@link ai.gaga.picture.StillPlate}) or an animated face.
 */
@ai.gaga.Internal
package ai.gaga.picture;
