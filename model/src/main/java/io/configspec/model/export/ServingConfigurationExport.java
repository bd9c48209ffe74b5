package io.configspec.model.export;

import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.domain.QuantizationVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The serving-stack export of one configuration as both faces show it: the model references for
 * the stack (given, or taken from the profile library), the caller's notes, and the lines saying
 * what the stack cannot express. The one place the CLI's {@code export} and the window's export
 * dialog get their text from.
 *
 * <p>Model references come from the options, else from the model profile ({@code
 * huggingFaceRepository} for vLLM, SGLang and TensorRT-LLM; the quantisation's {@code ggufFile}
 * for llama.cpp); a reference neither names is the profile id, listed in {@link
 * Result#placeholders()} and said in the text. ONNX Runtime GenAI loads export folders, which no
 * profile names, so its references are always the caller's or placeholders.
 */
public final class ServingConfigurationExport {

    private ServingConfigurationExport() {}

    /**
     * What to export.
     *
     * @param stack the serving stack
     * @param dialect llama.cpp's flag spelling (ignored for other stacks)
     * @param targetModel the target as the stack names it, or {@code null} for the profile's
     * @param draftModel the draft model as the stack names it, or {@code null} for the profile's
     */
    public record Options(
        ServingStack stack,
        LlamaCppDialect dialect,
        String targetModel,
        String draftModel
    ) {
        public Options {
            Objects.requireNonNull(stack, "stack");
            dialect = dialect == null ? LlamaCppDialect.newest() : dialect;
            targetModel = blankToNull(targetModel);
            draftModel = blankToNull(draftModel);
        }

        /** The profile's references, llama.cpp in the newest dialect. */
        public static Options of(ServingStack stack) {
            return new Options(stack, LlamaCppDialect.newest(), null, null);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /**
     * The export.
     *
     * @param stack the stack it is for
     * @param text the text, ready to copy or save
     * @param placeholders the model references that are profile ids rather than names the stack
     *     can load (empty when both were given)
     */
    public record Result(ServingStack stack, String text, List<String> placeholders) {
        public Result {
            placeholders = List.copyOf(placeholders);
        }
    }

    /**
     * Exports row {@code row} of an evaluated space for {@code options.stack()}.
     *
     * @param notes the first comment lines: which configuration and why (e.g. the recommendation
     *     and its reason)
     * @throws IllegalArgumentException if the stack cannot take the row's K, in one sentence
     */
    public static Result export(EvaluatedSpace space, int row, Options options, List<String> notes) {
        return export(space.combination(row), space.k(row), options, notes);
    }

    /**
     * Exports {@code combination} with speculative length {@code k} for {@code options.stack()}.
     *
     * @param notes the first comment lines: which configuration and why (e.g. the recommendation
     *     and its reason)
     * @throws IllegalArgumentException if the stack cannot take K, in one sentence
     */
    public static Result export(Combination combination, int k, Options options, List<String> notes) {
        ServingStack stack = options.stack();
        List<String> placeholders = new ArrayList<>();
        String target = model(
            options.targetModel(),
            () -> profileTarget(stack, combination),
            () -> placeholderTarget(stack, combination),
            placeholders
        );
        String draft = model(
            options.draftModel(),
            () -> profileDraft(stack, combination),
            () -> placeholderDraft(stack, combination),
            placeholders
        );
        List<String> lines = new ArrayList<>(notes);
        lines.addAll(cannotExpress(stack, combination));
        if (!placeholders.isEmpty()) {
            lines.add(
                "Placeholders: " +
                    String.join(" and ", placeholders) +
                    (placeholders.size() == 1
                        ? " is a profile id, not a model "
                        : " are profile ids, not models ") +
                    stack.displayName() +
                    " can load; put the names your setup uses in their place."
            );
        }
        ServingExports.Request request = new ServingExports.Request(target, draft, k, lines);
        return new Result(stack, ServingExports.export(stack, options.dialect(), request), placeholders);
    }

    /** What a serving stack cannot express about a configuration, one line each. */
    static List<String> cannotExpress(ServingStack stack, Combination c) {
        String device = c.device().name();
        List<String> lines = new ArrayList<>();
        lines.add(
            "Not expressed: drafting on " +
                device +
                " and verifying on the server over the network; " +
                stack.displayName() +
                " runs draft and target on one server, so only the model pair and K carry over."
        );
        lines.add(
            "Not expressed: per-device K in a fleet (one K here for every request) and dynamic drafting " +
                "thresholds (the exported K is fixed)."
        );
        if (stack != ServingStack.LLAMA_CPP) {
            lines.add(
                "Not expressed: the drafter's profile quantisation " +
                    c.quantization() +
                    "; " +
                    stack.displayName() +
                    " loads the checkpoint named below as it is."
            );
        }
        return lines;
    }

    /** The target as the model profile names it for {@code stack}, if it does. */
    /**
     * The model name to export: the one given, else the one the profile names for the stack, else
     * a placeholder (added to {@code placeholders}).
     */
    private static String model(
        String given,
        Supplier<Optional<String>> fromProfile,
        Supplier<String> placeholder,
        List<String> placeholders
    ) {
        if (given != null) {
            return given;
        }
        Optional<String> named = fromProfile.get();
        if (named.isPresent()) {
            return named.get();
        }
        String id = placeholder.get();
        placeholders.add(id);
        return id;
    }

    static Optional<String> profileTarget(ServingStack stack, Combination c) {
        return switch (stack) {
            case VLLM, SGLANG, TENSORRT_LLM -> c.target().huggingFaceRepository();
            // The target's GGUF file: the one quantisation that names one (a server loads one file).
            case LLAMA_CPP -> {
                List<String> files = c
                    .target()
                    .quantizations()
                    .stream()
                    .flatMap(q -> q.ggufFile().stream())
                    .toList();
                yield files.size() == 1 ? Optional.of(files.getFirst()) : Optional.empty();
            }
            case ORT_GENAI -> Optional.empty();
        };
    }

    /** The draft model as the model profile names it for {@code stack}, if it does. */
    static Optional<String> profileDraft(ServingStack stack, Combination c) {
        return switch (stack) {
            case VLLM, SGLANG, TENSORRT_LLM -> c.drafter().huggingFaceRepository();
            case LLAMA_CPP -> c
                .drafter()
                .quantization(c.quantization())
                .flatMap(QuantizationVariant::ggufFile);
            case ORT_GENAI -> Optional.empty();
        };
    }

    private static String placeholderTarget(ServingStack stack, Combination c) {
        return stack == ServingStack.LLAMA_CPP ? c.target().id() + ".gguf" : c.target().id();
    }

    private static String placeholderDraft(ServingStack stack, Combination c) {
        String id = c.drafter().id();
        return switch (stack) {
            case LLAMA_CPP -> id + "-" + c.quantization() + ".gguf";
            case ORT_GENAI -> id + "-" + c.quantization();
            default -> id;
        };
    }
}
