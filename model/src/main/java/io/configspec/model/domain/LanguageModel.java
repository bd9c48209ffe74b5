package io.configspec.model.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A language model of the library: a drafter that runs on edge devices or a target (verifying)
 * model that runs on the server. Both kinds are described by the same fields; which role a model
 * plays is where it stands (a models file's {@code drafters} or {@code targets}, {@link
 * ProfileLibrary#drafters()} or {@link ProfileLibrary#targets()}).
 *
 * @param id unique id, e.g. {@code qwen2.5-0.5b}
 * @param name display name, e.g. {@code Qwen2.5 0.5B Instruct}
 * @param family tokenizer-compatible group, e.g. {@code qwen2.5}; a drafter pairs only with
 *     targets of its family
 * @param parameterCount number of parameters, &gt; 0
 * @param quantizations available quantisations, at least one, distinct names
 * @param provenance where the numbers come from
 * @param fieldProvenance per-field overrides
 * @param huggingFaceRepository the Hugging Face repository serving stacks (vLLM, SGLang,
 *     TensorRT-LLM) load it from, e.g. {@code Qwen/Qwen3-32B}; empty when the profile does not
 *     name one (exports then use the id as a placeholder)
 */
public record LanguageModel(
    String id,
    String name,
    String family,
    long parameterCount,
    List<QuantizationVariant> quantizations,
    Provenance provenance,
    Map<String, Provenance> fieldProvenance,
    Optional<String> huggingFaceRepository
) implements HasProvenance {
    /** What a Hugging Face repository id looks like: {@code owner/name}. */
    public static final Pattern REPOSITORY = Pattern.compile(
        "[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*"
    );

    public LanguageModel {
        FieldChecks.text("id", id);
        FieldChecks.text("name", name);
        FieldChecks.text("family", family);
        FieldChecks.positive("parameterCount", parameterCount);
        quantizations = FieldChecks.nonEmptyList("quantizations", quantizations, "quantization");
        FieldChecks.distinct(
            "quantizations",
            quantizations,
            "name",
            "quantization",
            QuantizationVariant::name
        );
        FieldChecks.present("provenance", provenance);
        fieldProvenance = FieldChecks.fieldProvenance(LanguageModel.class, fieldProvenance);
        huggingFaceRepository = checkRepository(huggingFaceRepository);
    }

    /** The quantisation called {@code name}, if the model has it. */
    public Optional<QuantizationVariant> quantization(String name) {
        return quantizations
            .stream()
            .filter(q -> q.name().equals(name))
            .findFirst();
    }

    /** Checks an optional Hugging Face repository id ({@code owner/name}); null is none. */
    private static Optional<String> checkRepository(Optional<String> repository) {
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
}
