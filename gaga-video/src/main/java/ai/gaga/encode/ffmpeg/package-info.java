/**
 * The FFmpeg video sink: MP4 files with H.264 video (libx264, libopenh264 or NVENC, whichever the FFmpeg build and
 * the machine offer) and AAC audio, written through JavaCV's {@code FFmpegFrameRecorder}.
 */
@ai.gaga.Internal
package ai.gaga.encode.ffmpeg;
