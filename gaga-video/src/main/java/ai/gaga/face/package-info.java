/**
 * Photo loading and face detection: {@link ai.gaga.face.PhotoLoader} turns a user's photo file into an upright BGR
 * image or a clear {@link ai.gaga.InvalidPhotoException}; {@link ai.gaga.face.FaceDetector} finds faces with
 * BlazeFace (falling back to UltraFace for small faces) and returns {@link ai.gaga.face.FaceBox}es in photo pixels.
 */
package ai.gaga.face;
