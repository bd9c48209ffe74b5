package io.configspec.model.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target (verifying) model that runs on the server.
 *
 * @param id unique id, e.g. {@code qwen2.5-7b}
 * @param name display name, e.g. {@code Qwen2.5 7B Instruct}
 * @param family tokenizer-compatible group, e.g. {@code qwen2.5}
 * @param parameterCount number of parameters, &gt; 0
 * @param quantizations available quantisations, at least one, distinct names
 * @param provenance where the numbers come from
 * @param fieldProvenance per-field overrides
 * @param huggingFaceRepository the Hugging Face repository serving stacks load it from, e.g. {@code
 *     Qwen/Qwen3-32B}; empty when the profile does not name one (exports then use the id as a
 *     placeholder)
 */
public record TargetModel(
    String id,
    String name,
    String family,
    long parameterCount,
    List<QuantizationVariant> quantizations,
    Provenance provenance,
    Map<String, Provenance> fieldProvenance,
    Optional<String> huggingFaceRepository
) implements LanguageModel {
    public TargetModel {
        quantizations = LanguageModel.checkCommon(
            id,
            name,
            family,
            parameterCount,
            quantizations,
            provenance
        );
        fieldProvenance = FieldChecks.fieldProvenance(TargetModel.class, fieldProvenance);
        huggingFaceRepository = LanguageModel.checkRepository(huggingFaceRepository);
    }

    /** A model whose profile names no Hugging Face repository. */
    public TargetModel(
        String id,
        String name,
        String family,
        long parameterCount,
        List<QuantizationVariant> quantizations,
        Provenance provenance,
        Map<String, Provenance> fieldProvenance
    ) {
        this(id, name, family, parameterCount, quantizations, provenance, fieldProvenance, Optional.empty());
    }
}
