/**
 * The face rig: blendshape-shaped {@link ai.gaga.rig.FaceControl controls} and the deformation of a photo's face by
 * them (mesh-vertex displacement, piecewise-affine warp of the face and neck only, mouth interior and eyelids the
 * photo never showed).
 */
package ai.gaga.rig;
