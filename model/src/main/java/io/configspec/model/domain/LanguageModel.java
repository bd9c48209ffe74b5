package io.configspec.model.domain;

import java.util.List;
import java.util.Optional;

/** What drafter and target models have in common. */
public sealed interface LanguageModel extends HasProvenance permits DrafterModel, TargetModel {
    String id();

    String name();

    /** Tokenizer-compatible group, e.g. {@code qwen2.5}; a drafter pairs only with targets of its family. */
    String family();

    long parameterCount();

    List<QuantizationVariant> quantizations();

    /**
     * The Hugging Face repository serving stacks (vLLM, SGLang, TensorRT-LLM) load the model from,
     * e.g. {@code Qwen/Qwen3-32B}; empty when the profile names none.
     */
    Optional<String> huggingFaceRepository();

    default Optional<QuantizationVariant> quantization(String name) {
        return quantizations()
            .stream()
            .filter(q -> q.name().equals(name))
            .findFirst();
    }

    /** What a Hugging Face repository id looks like: {@code owner/name}. */
    java.util.regex.Pattern REPOSITORY = java.util.regex.Pattern.compile(
        "[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*"
    );

    /** Checks an optional Hugging Face repository id ({@code owner/name}); null is none. */
    static Optional<String> checkRepository(Optional<String> repository) {
        Optional<String> value = repository == null ? Optional.empty() : repository;
        value.ifPresent(r -> {
            if (!REPOSITORY.matcher(r).matches()) {
                throw new InvalidFieldException(
                    "huggingFaceRepository",
                    "must be a Hugging Face repository id owner/name, e.g. Qwen/Qwen3-32B, but is \"" +
                        r +
                        "\""
                );
            }
        });
        return value;
    }

    /** Validates the fields common to both kinds of model. */
    static List<QuantizationVariant> checkCommon(
        String id,
        String name,
        String family,
        long parameterCount,
        List<QuantizationVariant> quantizations,
        Provenance provenance
    ) {
        FieldChecks.text("id", id);
        FieldChecks.text("name", name);
        FieldChecks.text("family", family);
        FieldChecks.positive("parameterCount", parameterCount);
        List<QuantizationVariant> copy = FieldChecks.list("quantizations", quantizations);
        if (copy.isEmpty()) {
            throw new InvalidFieldException("quantizations", "must list at least one quantization");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < copy.size(); i++) {
            if (!seen.add(copy.get(i).name())) {
                throw new InvalidFieldException(
                    "quantizations[" + i + "].name",
                    "repeats quantization '" + copy.get(i).name() + "'"
                );
            }
        }
        FieldChecks.present("provenance", provenance);
        return copy;
    }
}
