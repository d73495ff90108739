package ai.gaga.encode;

/**
 * What an encoder wrote.
 *
 * @param videoEncoder encoder that really opened (e.g. {@code libx264}, {@code libopenh264}, {@code h264_nvenc})
 * @param videoCodec   codec of the video stream ({@code h264})
 * @param audioCodec   codec of the audio stream ({@code aac})
 * @param frames       video frames written
 * @param bytes        file size
 */
public record EncodedVideo(String videoEncoder, String videoCodec, String audioCodec, long frames, long bytes) {
}
