/**
 * Photo loading and face analysis. {@link ai.gaga.face.PhotoLoader} turns a user's photo file into an upright BGR
 * image or a clear {@link ai.gaga.InvalidPhotoException}; {@link ai.gaga.face.FaceDetector} finds faces with
 * BlazeFace (falling back to UltraFace for small faces) and returns {@link ai.gaga.face.FaceBox}es in photo pixels.
 *
 * <p>{@link ai.gaga.face.FaceAnalyzer} then runs once per photo: {@link ai.gaga.face.FaceMeshModel} (468 points),
 * {@link ai.gaga.face.IrisModel} (eyelid refinement, 478 points), {@link ai.gaga.face.BlendshapeModel} (resting
 * expression), {@link ai.gaga.face.PersonSegmenter} (person mask), a {@link ai.gaga.face.CanonicalFit} of
 * MediaPipe's reference mesh ({@link ai.gaga.face.CanonicalFaceMesh}) to the photo's mesh (head pose
 * {@link ai.gaga.face.HeadPose}, head frame for the rig, identity shape), {@link ai.gaga.face.Occlusion} measures
 * (sunglasses, a covered mouth) and {@link ai.gaga.face.FaceWarning}s, all gathered in a
 * {@link ai.gaga.face.FaceAnalysis}. Each model class owns its tensor layout, so callers never see tensors.
 * {@link ai.gaga.face.MouthMeasure} measures mouth opening for the evaluator.
 */
@ai.gaga.Internal
package ai.gaga.face;
