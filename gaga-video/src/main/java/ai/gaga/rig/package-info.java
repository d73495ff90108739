/**
 * The face rig: blendshape-shaped {@link ai.gaga.rig.FaceControl controls}, the {@link ai.gaga.rig.FaceRig} that turns
 * them into displaced face and neck points, and the {@link ai.gaga.rig.AnimatedPlate} that redraws a photo with them
 * (piecewise-affine warp of the face and neck only, then the mouth interior and eyelids the photo never showed).
 */
@ai.gaga.Internal
package ai.gaga.rig;
