package io.configspec.model.export;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Serving stacks that {@link ServingExports} writes a speculative-decoding setup for. */
public enum ServingStack {
    /** vLLM: the JSON of {@code vllm serve --speculative-config}. */
    VLLM("vllm"),
    /** llama.cpp: a {@code llama-server} command line. */
    LLAMA_CPP("llamacpp"),
    /** SGLang: a {@code python -m sglang.launch_server} command line. */
    SGLANG("sglang"),
    /** TensorRT-LLM: the YAML for {@code trtllm-serve --extra_llm_api_options}. */
    TENSORRT_LLM("trtllm"),
    /** ONNX Runtime GenAI: the speculative part of {@code genai_config.json}. */
    ORT_GENAI("ortgenai");

    private final String cliName;

    ServingStack(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line, e.g. {@code llamacpp}. */
    public String cliName() {
        return cliName;
    }

    /** The stack named {@code name} on the command line (case-insensitive), if any. */
    public static Optional<ServingStack> fromCliName(String name) {
        return Arrays.stream(values())
            .filter(s -> s.cliName.equalsIgnoreCase(name.trim()))
            .findFirst();
    }

    /** All CLI names, comma-separated. */
    public static String cliNames() {
        return Arrays.stream(values()).map(ServingStack::cliName).collect(Collectors.joining(", "));
    }
}
