package io.configspec.model.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelNamesTest {

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(
        {
            "Qwen3-0.6B-Q4_K_M.gguf, qwen3-0.6b, q4_k_m, qwen3, 600000000",
            "/home/pi/models/Qwen3-0.6B-Q4_K_M.gguf, qwen3-0.6b, q4_k_m, qwen3, 600000000",
            "Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf, llama-3.1-8b-instruct, q4_k_m, llama3, 8000000000",
            "llama-3.2-1b-instruct-q4_k_m.gguf, llama-3.2-1b-instruct, q4_k_m, llama3, 1000000000",
            "Qwen3-8B-Q6_K.gguf, qwen3-8b, q6_k, qwen3, 8000000000",
            "qwen2.5-coder-7b-instruct-q4_k_m.gguf, qwen2.5-coder-7b-instruct, q4_k_m, qwen2.5, 7000000000",
            "tinyllama-1.1b-chat-v1.0.Q8_0.gguf, tinyllama-1.1b-chat-v1.0, q8_0, tinyllama, 1100000000",
            "Qwen2.5-7B-Instruct-IQ4_XS-00001-of-00002.gguf, qwen2.5-7b-instruct, iq4_xs, qwen2.5, 7000000000",
            "gemma-2-2b-it-BF16.gguf, gemma-2-2b-it, bf16, gemma2, 2000000000",
            "SmolLM2-135M-Instruct-F16.gguf, smollm2-135m-instruct, f16, smollm2, 135000000",
        }
    )
    void fileNamesGiveIdQuantizationFamilyAndSize(
        String file,
        String id,
        String quantization,
        String family,
        long parameters
    ) {
        ModelNames.Name name = ModelNames.ofFile(file);
        assertEquals(id, name.id());
        assertEquals(Optional.of(quantization), name.quantization());
        assertEquals(family, name.family());
        assertEquals(parameters, name.nominalParameters());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
        {
            "Qwen/Qwen3-0.6B, qwen3-0.6b, qwen3",
            "meta-llama/Meta-Llama-3.1-70B-Instruct, llama-3.1-70b-instruct, llama3",
            "meta-llama/Llama-3.2-1B, llama-3.2-1b, llama3",
        }
    )
    void repositoriesGiveIdsWithoutQuantization(String repository, String id, String family) {
        ModelNames.Name name = ModelNames.ofFile(repository);
        assertEquals(id, name.id());
        assertTrue(name.quantization().isEmpty());
        assertEquals(family, name.family());
    }

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(
        {
            "'qwen3 0.6B Q4_K - Medium', qwen3-0.6b, q4_k_m",
            "'llama 7B mostly Q4_0', llama-7b, q4_0",
            "'qwen2 7B Q4_K - Small', qwen2-7b, q4_k_s",
            "'llama 8B Q2_K - Medium', llama-8b, q2_k",
            "'llama 8B IQ4_XS - 4.25 bpw', llama-8b, iq4_xs",
            "'qwen3 1.7B Q8_0', qwen3-1.7b, q8_0",
            "'llama 1B all F32', llama-1b, f32",
        }
    )
    void llamaBenchModelTypesGiveIdAndQuantization(String type, String id, String quantization) {
        ModelNames.Name name = ModelNames.ofLlamaBenchType(type);
        assertEquals(id, name.id());
        assertEquals(Optional.of(quantization), name.quantization());
    }
}
