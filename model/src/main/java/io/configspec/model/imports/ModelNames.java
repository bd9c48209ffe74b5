package io.configspec.model.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that turns the model names tools print into profile ids (docs/importing.md, "Model
 * names"). A model file name loses its folder (or Hugging Face owner), its extension ({@code
 * .gguf}, …) and a split suffix ({@code -00001-of-00003}); a quantisation token at its end ({@code
 * Q4_K_M}, {@code Q8_0}, {@code IQ4_XS}, {@code F16}, {@code BF16}, …) becomes the quantisation id
 * in lower case; the rest, in lower case with spaces and underscores as dashes and a leading
 * {@code Meta-} before {@code Llama} dropped, is the model id: {@code Qwen3-0.6B-Q4_K_M.gguf} →
 * {@code qwen3-0.6b} / {@code q4_k_m}, {@code Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf} → {@code
 * llama-3.1-8b-instruct} / {@code q4_k_m}, {@code Qwen/Qwen3-32B} → {@code qwen3-32b} (no
 * quantisation). The command line's {@code --drafter}, {@code --quantization} and {@code --target}
 * override the result.
 */
public final class ModelNames {

    /**
     * A model as a tool named it.
     *
     * @param source the name as written in the tool's output
     * @param id profile id
     * @param quantization quantisation id, or empty when the name states none
     * @param family tokenizer-compatible family ({@link #family(String)})
     * @param nominalParameters parameter count the name states (e.g. {@code 0.6B}), 0 when none
     */
    public record Name(
        String source,
        String id,
        Optional<String> quantization,
        String family,
        long nominalParameters
    ) {}

    private static final Pattern EXTENSION = Pattern.compile(
        "(?i)\\.(gguf|ggml|bin|safetensors|onnx|pt|pth)$"
    );
    private static final Pattern SPLIT = Pattern.compile("(?i)-\\d{5}-of-\\d{5}$");
    private static final Pattern QUANTIZATION = Pattern.compile(
        "(?i)[-._ ](" +
            "IQ[1-4]_(?:XXS|XS|S|M|NL)|" +
            "Q[2-8]_K(?:_[SML]|_XL)?|" +
            "Q[4-8]_[01]|" +
            "TQ[12]_0|" +
            "BF16|F16|FP16|F32|FP32|FP8|MXFP4|INT4|INT8|AWQ|GPTQ|W8A8|W4A16" +
            ")$"
    );
    private static final Pattern SIZE = Pattern.compile("(?i)(?:^|-)(\\d+(?:\\.\\d+)?)([bmk])(?=-|$)");

    /** Families whose members share one tokenizer though their names carry different versions. */
    private static final List<Family> FAMILIES = List.of(
        new Family(Pattern.compile("^(?:code)?llama-?3(?:[.-]|$)"), "llama3"),
        new Family(Pattern.compile("^(?:code)?llama-?2(?:[.-]|$)"), "llama2"),
        new Family(Pattern.compile("^qwen2\\.5(?:-|$)"), "qwen2.5"),
        new Family(Pattern.compile("^qwen3(?:-|$)"), "qwen3"),
        new Family(Pattern.compile("^qwen2(?:-|$)"), "qwen2"),
        new Family(Pattern.compile("^gemma-?3(?:-|$)"), "gemma3"),
        new Family(Pattern.compile("^gemma-?2(?:-|$)"), "gemma2"),
        new Family(Pattern.compile("^phi-?3(?:[.-]|$)"), "phi3"),
        new Family(Pattern.compile("^phi-?4(?:-|$)"), "phi4")
    );

    private record Family(Pattern pattern, String name) {}

    private ModelNames() {}

    /**
     * A model named by its file or repository, e.g. {@code models/Qwen3-0.6B-Q4_K_M.gguf} or
     * {@code meta-llama/Llama-3.2-1B-Instruct}.
     */
    public static Name ofFile(String fileOrRepository) {
        String base = fileOrRepository.strip();
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1);
        base = EXTENSION.matcher(base).replaceFirst("");
        base = SPLIT.matcher(base).replaceFirst("");
        Optional<String> quantization = Optional.empty();
        Matcher q = QUANTIZATION.matcher(base);
        if (q.find()) {
            quantization = Optional.of(q.group(1).toLowerCase(Locale.ROOT));
            base = base.substring(0, q.start());
        }
        String id = slug(base);
        return new Name(fileOrRepository, id, quantization, family(id), nominalParameters(id));
    }

    /**
     * A model as llama-bench's markdown table names it (its {@code model_type}: architecture, size
     * and file type, e.g. {@code qwen3 0.6B Q4_K - Medium} or, before 2024, {@code llama 7B mostly
     * Q4_0}): id {@code qwen3-0.6b}, quantisation {@code q4_k_m}. The file name is not in the
     * table, so two fine-tunes of one architecture and size get one id: give {@code --drafter}.
     */
    public static Name ofLlamaBenchType(String modelType) {
        String[] words = modelType.strip().split("\\s+", 3);
        String id = words[0];
        String fileType = "";
        if (words.length > 1 && words[1].matches("(?i)\\d+(\\.\\d+)?[bmk]|\\?B")) {
            id = id + "-" + words[1];
            fileType = words.length > 2 ? words[2] : "";
        } else if (words.length > 1) {
            fileType = modelType.strip().substring(words[0].length()).strip();
        }
        String slug = slug(id.replace("?", ""));
        return new Name(
            modelType,
            slug,
            quantizationOfFileType(fileType),
            family(slug),
            nominalParameters(slug)
        );
    }

    /**
     * llama.cpp's file-type name ({@code llama_model_ftype_name}) as a quantisation id: {@code
     * Q4_K - Medium} → {@code q4_k_m}, {@code Q8_0} → {@code q8_0}, {@code IQ4_XS - 4.25 bpw} →
     * {@code iq4_xs}, {@code mostly Q4_0} → {@code q4_0}, {@code all F32} → {@code f32}.
     */
    public static Optional<String> quantizationOfFileType(String fileType) {
        String text = fileType.strip().replaceFirst("(?i)^(mostly|all)\\s+", "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String head = text;
        String tail = "";
        int dash = text.indexOf(" - ");
        if (dash >= 0) {
            head = text.substring(0, dash).strip();
            tail = text.substring(dash + 3).strip().toLowerCase(Locale.ROOT);
        }
        head = head.split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (!head.matches("[a-z0-9_]+")) {
            return Optional.empty();
        }
        String size = switch (tail) {
            case "small" -> "_s";
            case "medium" -> head.equals("q2_k") ? "" : "_m";
            case "large" -> "_l";
            default -> "";
        };
        return Optional.of(head + size);
    }

    /**
     * The tokenizer family of a model id: Llama 3.x → {@code llama3}, Qwen2.5 (also Coder) →
     * {@code qwen2.5}, Qwen3 → {@code qwen3}, Gemma 2/3, Phi-3/4 likewise; any other id → its part
     * before the parameter size without dashes ({@code smollm2-135m} → {@code smollm2}).
     */
    public static String family(String id) {
        for (Family f : FAMILIES) {
            if (f.pattern().matcher(id).find()) {
                return f.name();
            }
        }
        Matcher size = SIZE.matcher(id);
        String head = size.find() ? id.substring(0, size.start()) : id;
        String family = head.replace("-", "");
        return family.isEmpty() ? id : family;
    }

    /** The parameter count the id states ({@code 0.6b} → 600,000,000), or 0. */
    public static long nominalParameters(String id) {
        Matcher size = SIZE.matcher(id);
        if (!size.find()) {
            return 0;
        }
        double value = Double.parseDouble(size.group(1));
        double scale = switch (size.group(2).toLowerCase(Locale.ROOT)) {
            case "b" -> 1e9;
            case "m" -> 1e6;
            default -> 1e3;
        };
        return Math.round(value * scale);
    }

    /** Lower case, spaces and underscores as dashes, a leading {@code meta-} before {@code llama} dropped. */
    static String slug(String text) {
        String s = text
            .strip()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[\\s_]+", "-")
            .replaceAll("[^a-z0-9.+-]", "")
            .replaceAll("-{2,}", "-")
            .replaceAll("^[-.]+|[-.]+$", "");
        if (s.startsWith("meta-llama")) {
            s = s.substring("meta-".length());
        }
        return s;
    }
}
