package io.configspec.engine.onnx;

/**
 * ONNX Runtime failed while running a model that loaded fine (out of memory, a shape the model
 * rejects). {@link #getMessage()} is one sentence; the runtime's detail is the cause. Lets
 * callers outside the engine handle failures without importing {@code ai.onnxruntime}.
 */
public final class InferenceException extends Exception {

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Wraps an ONNX Runtime failure, keeping only the first line of its message. */
    public static InferenceException of(String context, Exception cause) {
        return new InferenceException(
            context + ": ONNX Runtime failed (" + DecoderModel.firstLine(cause.getMessage()) + ")",
            cause
        );
    }
}
