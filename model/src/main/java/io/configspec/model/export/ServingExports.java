package io.configspec.model.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes the speculative-decoding settings of one configuration (a draft model and speculative
 * length K for a target) in the form each serving stack reads. Pure functions of their
 * arguments; the text ends with a newline.
 *
 * <p>Model references are passed through as given: a Hugging Face repository id or a local path
 * for vLLM, SGLang and TensorRT-LLM, a GGUF file for llama.cpp. The settings reproduce the
 * analytical model's assumption of a fixed K per round (greedy chain drafting, no tree, no early
 * stop); where a stack would stop drafting early on low confidence by default (llama.cpp), the
 * export turns that off and says how to turn it back on.
 *
 * <p>Flag names, checked against each project's documentation (2025–2026):
 *
 * <ul>
 *   <li>vLLM: {@code --speculative-config '{"method": "draft_model", "model": ..,
 *       "num_speculative_tokens": K}'} (vLLM docs, "Draft Models").
 *   <li>llama.cpp {@code llama-server}: current flags {@code -md/--model-draft},
 *       {@code --draft-max} (alias {@code --draft}, {@code --draft-n}), {@code --draft-min},
 *       {@code --draft-p-min} (llama.cpp PR #10455 and {@code common/arg.cpp}); the older dialect
 *       of the {@code speculative} example and early servers used {@code -md} and
 *       {@code --draft K} only.
 *   <li>SGLang: {@code --speculative-algorithm STANDALONE --speculative-draft-model-path ..
 *       --speculative-num-steps K --speculative-eagle-topk 1 --speculative-num-draft-tokens K+1}
 *       (SGLang docs, "Standalone Speculative Decoding (Small Draft Model)").
 *   <li>TensorRT-LLM: {@code speculative_config: {decoding_type: DraftTarget, max_draft_len: K,
 *       speculative_model_dir: ..}} in the YAML given to {@code trtllm-serve
 *       --extra_llm_api_options}.
 *   <li>ONNX Runtime GenAI: {@code model.type = "speculative"}, a sibling {@code model.draft}
 *       decoder block, and {@code speculative.max_draft_tokens} = K in {@code genai_config.json},
 *       K in [1, 16] (onnxruntime-genai PR #2233, docs/SpeculativeDecoding.md).
 * </ul>
 */
public final class ServingExports {

    /** The largest K that ONNX Runtime GenAI accepts for {@code max_draft_tokens}. */
    public static final int ORT_GENAI_MAX_DRAFT_TOKENS = 16;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ServingExports() {}

    /** Which llama.cpp flag set to write. */
    public enum LlamaCppDialect {
        /** {@code --draft-max}/{@code --draft-min}/{@code --draft-p-min} (llama-server since late 2024). */
        CURRENT,
        /** {@code --draft K} only (the older speculative example and early llama-server builds). */
        LEGACY,
    }

    /**
     * What to export.
     *
     * @param targetModel reference of the target (verifier) model
     * @param draftModel reference of the draft model
     * @param k speculative length K ≥ 1
     * @param summary one line saying which configuration this is and why (written as a comment
     *     where the format has comments), or empty
     */
    public record Request(String targetModel, String draftModel, int k, String summary) {
        public Request {
            if (targetModel == null || targetModel.isBlank()) {
                throw new IllegalArgumentException("targetModel: must not be blank");
            }
            if (draftModel == null || draftModel.isBlank()) {
                throw new IllegalArgumentException("draftModel: must not be blank");
            }
            if (k < 1) {
                throw new IllegalArgumentException("k: must be ≥ 1, got " + k);
            }
            summary = summary == null ? "" : summary.replace('\n', ' ').strip();
        }
    }

    /** The text for {@code stack}; llama.cpp in the current dialect. */
    public static String export(ServingStack stack, Request request) {
        return switch (stack) {
            case VLLM -> vllmSpeculativeConfig(request);
            case LLAMA_CPP -> llamaServerCommand(request, LlamaCppDialect.CURRENT);
            case SGLANG -> sglangLaunchCommand(request);
            case TENSORRT_LLM -> tensorRtLlmYaml(request);
            case ORT_GENAI -> ortGenAiConfig(request);
        };
    }

    /**
     * The JSON value of vLLM's {@code --speculative-config} (no comment: JSON has none), e.g.
     * {@code vllm serve TARGET --speculative-config "$(cat this.json)"}.
     */
    public static String vllmSpeculativeConfig(Request request) {
        ObjectNode config = JSON.createObjectNode();
        config.put("method", "draft_model");
        config.put("model", request.draftModel());
        config.put("num_speculative_tokens", request.k());
        return json(config);
    }

    /** A {@code llama-server} command line (one comment line, then the command). */
    public static String llamaServerCommand(Request request, LlamaCppDialect dialect) {
        List<String> args = new ArrayList<>(
            List.of("llama-server", "-m", request.targetModel(), "-md", request.draftModel())
        );
        String note;
        if (dialect == LlamaCppDialect.CURRENT) {
            args.addAll(
                List.of(
                    "--draft-max",
                    Integer.toString(request.k()),
                    "--draft-min",
                    "0",
                    "--draft-p-min",
                    "0.0"
                )
            );
            note =
                "# fixed K as modelled; raise --draft-p-min (e.g. 0.75) to let the drafter stop early on low confidence";
        } else {
            args.addAll(List.of("--draft", Integer.toString(request.k())));
            note = "# older llama.cpp flag dialect (--draft K)";
        }
        return comment("#", request) + note + "\n" + shell(args) + "\n";
    }

    /** A {@code python -m sglang.launch_server} command line with a standalone draft model. */
    public static String sglangLaunchCommand(Request request) {
        List<String> args = List.of(
            "python",
            "-m",
            "sglang.launch_server",
            "--model-path",
            request.targetModel(),
            "--speculative-algorithm",
            "STANDALONE",
            "--speculative-draft-model-path",
            request.draftModel(),
            "--speculative-num-steps",
            Integer.toString(request.k()),
            "--speculative-eagle-topk",
            "1",
            "--speculative-num-draft-tokens",
            Integer.toString(request.k() + 1)
        );
        return comment("#", request) + shell(args) + "\n";
    }

    /** The YAML for {@code trtllm-serve TARGET --backend pytorch --extra_llm_api_options FILE}. */
    public static String tensorRtLlmYaml(Request request) {
        return (
            comment("#", request) +
            "# trtllm-serve " +
            shell(List.of(request.targetModel())) +
            " --backend pytorch --extra_llm_api_options <this file>\n" +
            "speculative_config:\n" +
            "  decoding_type: DraftTarget\n" +
            "  max_draft_len: " +
            request.k() +
            "\n" +
            "  speculative_model_dir: " +
            yamlString(request.draftModel()) +
            "\n"
        );
    }

    /**
     * The speculative part of ONNX Runtime GenAI's {@code genai_config.json}: merge it into the
     * target's file and replace {@code model.draft} with the draft model's own {@code
     * model.decoder} block.
     *
     * @throws IllegalArgumentException if K exceeds {@value #ORT_GENAI_MAX_DRAFT_TOKENS}
     */
    public static String ortGenAiConfig(Request request) {
        if (request.k() > ORT_GENAI_MAX_DRAFT_TOKENS) {
            throw new IllegalArgumentException(
                "k: ONNX Runtime GenAI accepts max_draft_tokens from 1 to " +
                    ORT_GENAI_MAX_DRAFT_TOKENS +
                    ", got " +
                    request.k()
            );
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode model = root.putObject("model");
        model.put("type", "speculative");
        ObjectNode draft = model.putObject("draft");
        draft.put(
            "_configspec",
            "replace this object with the model.decoder block of " +
                request.draftModel() +
                "'s genai_config.json" +
                (request.summary().isEmpty() ? "" : "; " + request.summary())
        );
        root.putObject("speculative").put("max_draft_tokens", request.k());
        return json(root);
    }

    private static String comment(String marker, Request request) {
        return request.summary().isEmpty() ? "" : marker + " " + request.summary() + "\n";
    }

    /** Joins arguments into a POSIX shell command, single-quoting any that need it. */
    static String shell(List<String> args) {
        List<String> quoted = new ArrayList<>(args.size());
        for (String arg : args) {
            quoted.add(SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }

    private static String yamlString(String value) {
        return SHELL_SAFE.matcher(value).matches() &&
            !value.toLowerCase(Locale.ROOT).matches("true|false|null|yes|no|~")
            ? value
            : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String json(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a tree of strings and numbers", e);
        }
    }
}
