package ai.gaga.onnx;

/** Where ONNX models and the video encoder run. */
public enum ExecutionDevice {
    /** CUDA / NVENC when they work, else CPU (one log line says which). */
    AUTO,
    /** CPU only, even when a GPU is present. */
    CPU,
    /** CUDA required: fail instead of falling back. */
    CUDA
}
