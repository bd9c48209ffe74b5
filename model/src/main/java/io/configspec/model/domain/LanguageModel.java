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

    default Optional<QuantizationVariant> quantization(String name) {
        return quantizations()
            .stream()
            .filter(q -> q.name().equals(name))
            .findFirst();
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
