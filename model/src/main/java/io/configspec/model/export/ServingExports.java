package io.configspec.model.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes the speculative-decoding settings of one configuration (a separate draft model and a
 * speculative length K for a target) in the form each serving stack reads. Pure functions of
 * their arguments; every text ends with a newline.
 *
 * <p>Every text starts with comment lines: what it sets up, the caller's notes (why this
 * configuration, what the stack cannot express), the upstream versions it needs and the upstream
 * file its names follow. The names and values are those of docs/decisions/0023, which cites the
 * upstream parser (file and commit) of each; {@code UpstreamNamesTest} checks every exporter
 * against that record.
 *
 * <p>The settings reproduce the analytical model's fixed K per round (a greedy chain, no tree, no
 * early stop). Where a stack would stop drafting early on low confidence (llama.cpp), the export
 * turns that off and says how to turn it back on; where it cannot be turned off (llama.cpp's
 * oldest {@code --draft N}), the text says that K is a maximum.
 *
 * <p>Model references are written as given: a Hugging Face repository or local path for vLLM,
 * SGLang and TensorRT-LLM, a GGUF file for llama.cpp, an export folder for ONNX Runtime GenAI.
 */
public final class ServingExports {

    /** The largest K ONNX Runtime GenAI accepts for {@code speculative.max_draft_tokens} (src/config.cpp kMaxK). */
    public static final int ORT_GENAI_MAX_DRAFT_TOKENS = 16;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ServingExports() {}

    /**
     * What to export.
     *
     * @param targetModel reference of the target (verifier) model, not blank
     * @param draftModel reference of the draft model, not blank
     * @param k speculative length K ≥ 1 (draft tokens per round)
     * @param notes comment lines written at the top: which configuration and why, and what the
     *     stack cannot express; line breaks inside a note become spaces, blank notes are dropped
     */
    public record Request(String targetModel, String draftModel, int k, List<String> notes) {
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
            targetModel = targetModel.strip();
            draftModel = draftModel.strip();
            notes = notes == null
                ? List.of()
                : notes
                      .stream()
                      .map(n -> n == null ? "" : n.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip())
                      .filter(n -> !n.isEmpty())
                      .toList();
        }

        /** A request without notes. */
        public Request(String targetModel, String draftModel, int k) {
            this(targetModel, draftModel, k, List.of());
        }
    }

    /**
     * The text for {@code stack}; {@code dialect} only matters for llama.cpp.
     *
     * @throws IllegalArgumentException if the stack cannot take K (ONNX Runtime GenAI above 16)
     */
    public static String export(ServingStack stack, LlamaCppDialect dialect, Request request) {
        return switch (stack) {
            case VLLM -> vllmServeCommand(request);
            case LLAMA_CPP -> llamaServerCommand(request, dialect);
            case SGLANG -> sglangLaunchCommand(request);
            case TENSORRT_LLM -> tensorRtLlmConfig(request);
            case ORT_GENAI -> ortGenAiScript(request);
        };
    }

    /**
     * The JSON value of vLLM's {@code --speculative-config} on one line: {@code method}
     * {@code draft_model}, the draft {@code model} and {@code num_speculative_tokens} = K.
     */
    public static String vllmSpeculativeConfig(Request request) {
        ObjectNode config = JSON.createObjectNode();
        config.put("method", "draft_model");
        config.put("model", request.draftModel());
        config.put("num_speculative_tokens", request.k());
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a tree of strings and numbers", e);
        }
    }

    /** A {@code vllm serve} command with the speculative config of {@link #vllmSpeculativeConfig}. */
    public static String vllmServeCommand(Request request) {
        StringBuilder text = header(
            "vLLM: draft model " +
                request.draftModel() +
                " proposes K = " +
                request.k() +
                " tokens per round.",
            request
        );
        comment(
            text,
            "Needs vLLM with method \"draft_model\" (added by PR #24322; v0.13.0 still rejects it)."
        );
        comment(text, "Names follow " + ServingStack.VLLM.upstream() + ".");
        text
            .append(
                shell(
                    List.of(
                        "vllm",
                        "serve",
                        request.targetModel(),
                        "--speculative-config",
                        vllmSpeculativeConfig(request)
                    )
                )
            )
            .append('\n');
        return text.toString();
    }

    /** A {@code llama-server} command line in the given flag dialect. */
    public static String llamaServerCommand(Request request, LlamaCppDialect dialect) {
        StringBuilder text = header(
            "llama.cpp llama-server: draft model " +
                request.draftModel() +
                " drafts " +
                (dialect == LlamaCppDialect.DRAFT ? "up to " : "") +
                "K = " +
                request.k() +
                " tokens per round.",
            request
        );
        String k = Integer.toString(request.k());
        List<String> args = new ArrayList<>(List.of("llama-server", "-m", request.targetModel()));
        switch (dialect) {
            case SPEC_TYPE -> {
                args.addAll(
                    List.of(
                        "--spec-type",
                        "draft-simple",
                        "--spec-draft-model",
                        request.draftModel(),
                        "--spec-draft-n-max",
                        k,
                        "--spec-draft-n-min",
                        "0",
                        "--spec-draft-p-min",
                        "0"
                    )
                );
                comment(
                    text,
                    "Fixed K as modelled: --spec-draft-p-min 0 keeps the drafter from stopping early; raise it " +
                        "(e.g. 0.75) to let it stop on low confidence."
                );
            }
            case DRAFT_MAX -> {
                args.addAll(
                    List.of(
                        "-md",
                        request.draftModel(),
                        "--draft-max",
                        k,
                        "--draft-min",
                        "0",
                        "--draft-p-min",
                        "0"
                    )
                );
                comment(
                    text,
                    "Fixed K as modelled: --draft-p-min 0 keeps the drafter from stopping early; raise it " +
                        "(e.g. 0.75) to let it stop on low confidence."
                );
            }
            case DRAFT -> {
                args.addAll(List.of("-md", request.draftModel(), "--draft", k));
                comment(
                    text,
                    "K is a maximum here: this spelling cannot turn off early stop, so the drafter stops when its " +
                        "confidence falls under the build's default --draft-p-min."
                );
            }
        }
        comment(text, "Flags for " + dialect.builds() + ".");
        comment(text, "Names follow " + ServingStack.LLAMA_CPP.upstream() + ".");
        text.append(shell(args)).append('\n');
        return text.toString();
    }

    /**
     * A {@code python -m sglang.launch_server} command with a standalone draft model: a chain of K
     * steps, top-k 1, K + 1 tokens verified per round (SGLang sets num_draft_tokens = steps + 1
     * whenever top-k is 1).
     */
    public static String sglangLaunchCommand(Request request) {
        StringBuilder text = header(
            "SGLang: standalone draft model " +
                request.draftModel() +
                ", a chain of K = " +
                request.k() +
                " steps (top-k 1), K + 1 = " +
                (request.k() + 1) +
                " tokens verified per round.",
            request
        );
        comment(text, "Needs SGLang with the STANDALONE algorithm (PR #10090, September 2025).");
        comment(text, "Names follow " + ServingStack.SGLANG.upstream() + ".");
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
        text.append(shell(args)).append('\n');
        return text.toString();
    }

    /**
     * The YAML for {@code trtllm-serve TARGET --config FILE}: a {@code speculative_config} of
     * decoding type {@code Draft_Target} with {@code max_draft_len} = K and the draft in
     * {@code speculative_model}, and the overlap scheduler off as TensorRT-LLM's draft/target
     * example runs it.
     */
    public static String tensorRtLlmConfig(Request request) {
        StringBuilder text = header(
            "TensorRT-LLM: draft/target speculative decoding, draft model " +
                request.draftModel() +
                ", K = " +
                request.k() +
                " draft tokens per round.",
            request
        );
        comment(
            text,
            "Serve with: trtllm-serve " +
                shell(List.of(request.targetModel())) +
                " --config " +
                ServingStack.TENSORRT_LLM.suggestedFileName() +
                "  (--extra_llm_api_options FILE is an equivalent alias)"
        );
        comment(
            text,
            "Draft_Target is the decoding_type literal of DraftTargetDecodingConfig; releases that still read " +
                "speculative_config through from_dict spell it DraftTarget and the draft field speculative_model_dir."
        );
        comment(text, "Names follow " + ServingStack.TENSORRT_LLM.upstream() + ".");
        text
            .append("speculative_config:\n")
            .append("  decoding_type: Draft_Target\n")
            .append("  max_draft_len: ")
            .append(request.k())
            .append('\n')
            .append("  speculative_model: ")
            .append(yamlString(request.draftModel()))
            .append('\n')
            .append("disable_overlap_scheduler: true\n");
        return text.toString();
    }

    /**
     * A shell script that turns ONNX Runtime GenAI's exported target folder into a speculative
     * one: it keeps the target's {@code genai_config.json} as {@code genai_config.target-only.json}
     * and writes a new one with {@code model.draft} (the draft folder's complete {@code
     * model.decoder} block, its {@code filename} made relative to the target folder) and {@code
     * speculative.max_draft_tokens} = K. No key is written that ONNX Runtime GenAI's parser does
     * not read: the draft block is copied from the draft's own file, not invented. Needs {@code
     * jq}.
     *
     * @throws IllegalArgumentException if K exceeds {@value #ORT_GENAI_MAX_DRAFT_TOKENS}
     */
    public static String ortGenAiScript(Request request) {
        if (request.k() > ORT_GENAI_MAX_DRAFT_TOKENS) {
            throw new IllegalArgumentException(
                "k: ONNX Runtime GenAI accepts speculative.max_draft_tokens from 1 to " +
                    ORT_GENAI_MAX_DRAFT_TOKENS +
                    ", got " +
                    request.k()
            );
        }
        String target = request.targetModel();
        String draft = request.draftModel();
        StringBuilder text = header(
            "ONNX Runtime GenAI: base speculative decoding with the separate draft model in " +
                draft +
                ", K = " +
                request.k() +
                " (speculative.max_draft_tokens).",
            request
        );
        comment(
            text,
            "Needs onnxruntime-genai built from main at or after commit 66e9b93 (PR #2233, 2026-08-07, " +
                "0.16.0-dev): releases up to v0.15.2 have no draft model."
        );
        comment(
            text,
            "Target and draft: plain decoder-only ONNX exports (folders with genai_config.json), the same tokenizer, " +
                "the same execution provider and provider options."
        );
        comment(
            text,
            "Keeps the target's own file as genai_config.target-only.json and writes genai_config.json with " +
                "model.draft and speculative.max_draft_tokens; needs jq."
        );
        comment(text, "Names follow " + ServingStack.ORT_GENAI.upstream() + ".");
        String draftFromTarget = relativeTo(target, draft);
        String original = target + "/genai_config.target-only.json";
        String config = target + "/genai_config.json";
        String program =
            ".model.draft = ($draft[0].model.decoder | .filename = ($dir + .filename))" +
            " | .speculative.max_draft_tokens = " +
            request.k();
        text
            .append("set -e\n")
            .append("[ -e ")
            .append(shell(List.of(original)))
            .append(" ] || cp ")
            .append(shell(List.of(config, original)))
            .append('\n')
            .append(
                shell(
                    List.of(
                        "jq",
                        "--slurpfile",
                        "draft",
                        draft + "/genai_config.json",
                        "--arg",
                        "dir",
                        draftFromTarget + "/",
                        program,
                        original
                    )
                )
            )
            .append(" > ")
            .append(shell(List.of(config + ".tmp")))
            .append('\n')
            .append("mv ")
            .append(shell(List.of(config + ".tmp", config)))
            .append('\n');
        return text.toString();
    }

    /** The draft folder as seen from the target folder, when both are relative or both absolute. */
    private static String relativeTo(String target, String draft) {
        try {
            Path from = Path.of(target).normalize();
            Path to = Path.of(draft).normalize();
            if (from.isAbsolute() == to.isAbsolute()) {
                return from.relativize(to).toString().replace('\\', '/');
            }
        } catch (IllegalArgumentException e) {
            // InvalidPathException, or paths relativize cannot relate
            // fall through: written as given
        }
        return draft;
    }

    private static StringBuilder header(String what, Request request) {
        StringBuilder text = new StringBuilder();
        comment(text, what);
        for (String note : request.notes()) {
            comment(text, note);
        }
        return text;
    }

    private static void comment(StringBuilder text, String line) {
        text.append("# ").append(line).append('\n');
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
            !value.toLowerCase(Locale.ROOT).matches("true|false|null|yes|no|on|off|~|[0-9.eE+-]+")
            ? value
            : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
