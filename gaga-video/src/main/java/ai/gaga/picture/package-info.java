/**
 * Pictures of a scene. {@link ai.gaga.picture.StillPhotoPerformer} ({@code still-photo}) shows the actor's photo in a
 * medium close-up with a slow push-in, on a blurred backdrop made from the photo where it cannot fill the frame.
 */
package ai.gaga.picture;
