/**
 * Quality measurement of rendered clips, used by tests and the benchmark. {@link ai.gaga.evaluate.ClipEvaluator}
 * decodes an MP4 (streaming), tracks the face with the face models of {@code ai.gaga.face} and produces a
 * {@link ai.gaga.evaluate.ClipReport}: A/V offset and sync score from the cross-correlation of mouth aperture and
 * audio envelope, mouth closure in silences, landmark jitter, rest-pose drift and per-emotion blendshape
 * signatures ({@link ai.gaga.evaluate.EmotionSignature}) relative to neutral frames.
 * {@link ai.gaga.evaluate.ContactSheet} draws chosen frames as a labelled PNG grid.
 */
package ai.gaga.evaluate;
