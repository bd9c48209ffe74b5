package io.configspec.engine.decoding;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.engine.tokenizer.HuggingFaceTextTokenizer;
import io.configspec.engine.tokenizer.TextTokenizer;

/**
 * A target, an optional drafter and their shared tokenizer, loaded from a models directory and
 * checked to be compatible (same tokenizer vocabulary, same logits width). Owns all three.
 */
public final class ModelPair implements AutoCloseable {

    private final DecoderModel target;
    private final DecoderModel drafter;
    private final TextTokenizer tokenizer;
    private final ModelCatalog.Entry targetEntry;
    private final ModelCatalog.Entry drafterEntry;

    private ModelPair(
        DecoderModel target,
        DecoderModel drafter,
        TextTokenizer tokenizer,
        ModelCatalog.Entry targetEntry,
        ModelCatalog.Entry drafterEntry
    ) {
        this.target = target;
        this.drafter = drafter;
        this.tokenizer = tokenizer;
        this.targetEntry = targetEntry;
        this.drafterEntry = drafterEntry;
    }

    /**
     * Loads {@code targetName} and, unless {@code drafterName} is null, the drafter.
     *
     * @throws ModelLoadException if a model or tokenizer is missing or broken, or the two do not
     *     share a vocabulary
     */
    public static ModelPair load(
        ModelCatalog catalog,
        String drafterName,
        String targetName,
        EngineOptions options
    ) throws ModelLoadException {
        ModelCatalog.Entry targetEntry = catalog.find(targetName);
        ModelCatalog.Entry drafterEntry = drafterName == null ? null : catalog.find(drafterName);
        HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.load(targetEntry.directory());
        DecoderModel target = null;
        DecoderModel drafter = null;
        try {
            if (drafterEntry != null) {
                try (
                    HuggingFaceTextTokenizer draftTokenizer = HuggingFaceTextTokenizer.load(
                        drafterEntry.directory()
                    )
                ) {
                    if (!draftTokenizer.vocabularyFingerprint().equals(tokenizer.vocabularyFingerprint())) {
                        throw new ModelLoadException(
                            drafterEntry.directory().resolve("tokenizer.json"),
                            "draft model '" +
                                drafterName +
                                "' does not share the target '" +
                                targetName +
                                "' vocabulary (" +
                                draftTokenizer.vocabularySize() +
                                " vs " +
                                tokenizer.vocabularySize() +
                                " tokens, different ids)"
                        );
                    }
                }
            }
            target = DecoderModel.open(targetEntry.modelFile(), options);
            if (drafterEntry != null) {
                drafter = DecoderModel.open(drafterEntry.modelFile(), options);
                SpeculativeDecoder.requireSameVocabulary(
                    target,
                    drafter,
                    drafterEntry.modelFile(),
                    (dv, tv) ->
                        "draft model '" +
                        drafterName +
                        "' has " +
                        dv +
                        " logits but the target '" +
                        targetName +
                        "' has " +
                        tv
                );
            }
            return new ModelPair(target, drafter, tokenizer, targetEntry, drafterEntry);
        } catch (ModelLoadException | RuntimeException e) {
            if (drafter != null) {
                drafter.close();
            }
            if (target != null) {
                target.close();
            }
            tokenizer.close();
            throw e;
        }
    }

    public DecoderModel target() {
        return target;
    }

    /** The drafter, or null for target-only decoding. */
    public DecoderModel drafter() {
        return drafter;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    public ModelCatalog.Entry targetEntry() {
        return targetEntry;
    }

    /** Null without a drafter. */
    public ModelCatalog.Entry drafterEntry() {
        return drafterEntry;
    }

    /** A decoder over this pair (target-only when there is no drafter or K = 0). */
    public SpeculativeDecoder decoder(DecodingSettings settings) throws ModelLoadException {
        return new SpeculativeDecoder(target, settings.k() == 0 ? null : drafter, settings);
    }

    @Override
    public void close() {
        if (drafter != null) {
            drafter.close();
        }
        target.close();
        tokenizer.close();
    }
}
