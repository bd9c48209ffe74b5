package io.configspec.model.export;

import io.configspec.model.domain.Enums;
import java.util.Optional;

/**
 * Serving stacks that {@link ServingExports} writes a speculative-decoding setup for, each with the
 * upstream file whose parser the names were checked against (docs/decisions/0023).
 */
public enum ServingStack {
    /** vLLM: a {@code vllm serve} command with {@code --speculative-config}. */
    VLLM(
        "vllm",
        "vLLM",
        "vllm-serve.sh",
        "vllm-project/vllm vllm/config/speculative.py (SpeculativeConfig), commit 002e77c1"
    ),
    /** llama.cpp: a {@code llama-server} command line. */
    LLAMA_CPP(
        "llamacpp",
        "llama.cpp (llama-server)",
        "llama-server.sh",
        "ggml-org/llama.cpp common/arg.cpp (help table in tools/server/README.md, commit 00dc8057)"
    ),
    /** SGLang: a {@code python -m sglang.launch_server} command line. */
    SGLANG(
        "sglang",
        "SGLang",
        "sglang-launch.sh",
        "sgl-project/sglang python/sglang/srt/server_args.py (ServerArgs), commit 001067ff"
    ),
    /** TensorRT-LLM: the YAML for {@code trtllm-serve --config}. */
    TENSORRT_LLM(
        "trtllm",
        "TensorRT-LLM (trtllm-serve)",
        "trtllm-config.yaml",
        "NVIDIA/TensorRT-LLM tensorrt_llm/llmapi/llm_args.py (DraftTargetDecodingConfig), commit 00043967"
    ),
    /** ONNX Runtime GenAI: a script that builds {@code genai_config.json} with {@code model.draft}. */
    ORT_GENAI(
        "ortgenai",
        "ONNX Runtime GenAI",
        "ort-genai-draft.sh",
        "microsoft/onnxruntime-genai src/config.cpp (Model_Element, Speculative_Element), commit a0c04eb1"
    );

    private final String cliName;
    private final String displayName;
    private final String fileName;
    private final String upstream;

    ServingStack(String cliName, String displayName, String fileName, String upstream) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.fileName = fileName;
        this.upstream = upstream;
    }

    /** The name on the command line, e.g. {@code llamacpp}. */
    public String cliName() {
        return cliName;
    }

    /** The name a person reads, e.g. {@code llama.cpp (llama-server)}. */
    public String displayName() {
        return displayName;
    }

    /** A file name for saving this stack's export, e.g. {@code llama-server.sh}. */
    public String suggestedFileName() {
        return fileName;
    }

    /** The upstream file (and commit) whose parser the exported names follow. */
    public String upstream() {
        return upstream;
    }

    /** The stack named {@code name} on the command line (case-insensitive), if any. */
    public static Optional<ServingStack> fromCliName(String name) {
        return Enums.byName(values(), ServingStack::cliName, name);
    }

    /** All CLI names, comma-separated. */
    public static String cliNames() {
        return Enums.names(values(), ServingStack::cliName);
    }
}
