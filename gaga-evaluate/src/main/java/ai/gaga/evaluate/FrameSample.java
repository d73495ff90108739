package ai.gaga.evaluate;

import ai.gaga.face.Blendshapes;

/**
 * What the evaluator measured in one video frame. Face measures are {@code NaN} (and {@code blendshapes} null) when
 * no face was found.
 *
 * @param index       frame number from 0
 * @param time        start of the frame, seconds ({@code index / fps})
 * @param faceFound   whether a face was tracked in this frame
 * @param aperture    inner-lip aperture / inter-ocular distance ({@link ai.gaga.face.MouthMeasure#aperture})
 * @param eyeOpenness mean of both eyes' lid gap / eye width (about 0.25-0.35 open, under 0.1 closed)
 * @param yaw         head yaw, degrees ({@link ai.gaga.face.HeadPose})
 * @param pitch       head pitch, degrees
 * @param roll        head roll, degrees
 * @param interOcular distance between the eye centres, pixels
 * @param faceX       centre of the face outline, pixels
 * @param faceY       centre of the face outline, pixels
 * @param audioRms    RMS of the mono mix of the audio during this frame (0 without audio)
 * @param blendshapes the 52 weights when asked for and a face was found, else null
 */
public record FrameSample(int index, double time, boolean faceFound, double aperture, double eyeOpenness, double yaw,
                          double pitch, double roll, double interOcular, double faceX, double faceY, double audioRms,
                          Blendshapes blendshapes) {
}
