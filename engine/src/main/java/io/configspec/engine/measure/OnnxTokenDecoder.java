package io.configspec.engine.measure;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;

/** A {@link TokenDecoder} over the engine's ONNX Runtime {@link DecoderSession}; owns the model and session. */
public final class OnnxTokenDecoder implements TokenDecoder {

    private final DecoderModel model;
    private final DecoderSession session;

    public OnnxTokenDecoder(DecoderModel model) {
        this.model = model;
        this.session = model.newSession();
    }

    public DecoderModel model() {
        return model;
    }

    @Override
    public float[][] forward(int[] newTokens) throws Exception {
        return session.forward(newTokens);
    }

    @Override
    public void truncate(int length) throws Exception {
        session.truncate(length);
    }

    @Override
    public void reset() throws Exception {
        session.reset();
    }

    @Override
    public int length() {
        return session.length();
    }

    @Override
    public int vocabSize() {
        return session.vocabSize();
    }

    @Override
    public void close() {
        session.close();
        model.close();
    }
}
