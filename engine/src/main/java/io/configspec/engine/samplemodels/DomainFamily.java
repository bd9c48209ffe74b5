package io.configspec.engine.samplemodels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample family with domains (issue 22, docs/engine.md "Domain adapters"): the family's
 * generator over a language of three sub-languages — {@code code} (2 steep successors per word),
 * {@code maths} (4) and {@code chat} (16, flat) — on disjoint thirds of the vocabulary, so text
 * stays in its domain and a small drafter predicts code better than chat. One target and early-exit
 * drafters of 1, 2 and 3 blocks, all fp32; the drafters take a low-rank adapter of rank {@link
 * #ADAPTER_RANK} ({@link DecoderGraphBuilder#adapterRank}), zeros meaning none. The adapters
 * themselves are fitted against the target by {@code io.configspec.engine.workload.DomainAdapters}.
 * Deterministic in the spec's seed; no network.
 */
public final class DomainFamily {

    /** The three sub-languages. */
    public static final List<SampleLanguage.Domain> DOMAINS = List.of(
        new SampleLanguage.Domain("code", 2, 4.0),
        new SampleLanguage.Domain("maths", 4, 2.0),
        new SampleLanguage.Domain("chat", 16, 0.5)
    );

    /** Rank of the drafters' adapter inputs. */
    public static final int ADAPTER_RANK = 32;

    /** Seed of the measurement prompts of each domain ({@code prompts-DOMAIN.txt}). */
    public static final long PROMPT_SEED = 11L;

    /** Seed of the prompts the adapters are fitted on (never the measurement prompts). */
    public static final long FIT_SEED = 13L;

    /** Measurement prompts per domain. */
    public static final int PROMPTS_PER_DOMAIN = 16;

    /** Prompts per domain the adapters are fitted on. */
    public static final int FIT_PROMPTS_PER_DOMAIN = 48;

    private DomainFamily() {}

    /** The language of a spec, with the three domains. */
    public static SampleLanguage language(SampleFamily.Spec spec) {
        return SampleLanguage.withDomains(spec.seed(), spec.vocabSize(), 200_000, DOMAINS);
    }

    /** Measurement prompts of {@code domain}. */
    public static List<String> prompts(SampleFamily.Spec spec, String domain) {
        return language(spec).prompts(domain, PROMPT_SEED, PROMPTS_PER_DOMAIN, 6, 14);
    }

    /** Prompts the adapters of {@code domain} are fitted on (disjoint seed from the measurement prompts). */
    public static List<String> fitPrompts(SampleFamily.Spec spec, String domain) {
        return language(spec).prompts(domain, FIT_SEED, FIT_PROMPTS_PER_DOMAIN, 6, 14);
    }

    /** {@link #prompts} as token ids (the words of the family's WordLevel tokenizer). */
    public static List<int[]> promptIds(SampleFamily.Spec spec, String domain) {
        return ids(language(spec), prompts(spec, domain));
    }

    /** {@link #fitPrompts} as token ids. */
    public static List<int[]> fitPromptIds(SampleFamily.Spec spec, String domain) {
        return ids(language(spec), fitPrompts(spec, domain));
    }

    private static List<int[]> ids(SampleLanguage language, List<String> prompts) {
        List<int[]> ids = new ArrayList<>();
        for (String prompt : prompts) {
            ids.add(
                java.util.Arrays.stream(prompt.split(" "))
                    .mapToInt(w -> language.vocabulary().indexOf(w))
                    .toArray()
            );
        }
        return ids;
    }

    /**
     * Writes the target and the adapter-taking drafters under {@code directory}, and {@code
     * prompts-DOMAIN.txt} per domain; returns the members.
     */
    public static List<SampleFamily.Member> generate(Path directory, SampleFamily.Spec spec)
        throws IOException {
        Files.createDirectories(directory);
        SampleLanguage language = language(spec);
        WeightSource weights = new SampleFamily.FamilyWeights(spec, language);
        String tokenizer = language.tokenizerJson();
        List<SampleFamily.Member> members = new ArrayList<>();
        members.add(
            SampleFamily.writeModel(
                directory,
                spec,
                tokenizer,
                SampleFamily.targetName(spec),
                "target",
                Precision.FP32,
                Precision.FP32.cliName(),
                spec.targetLayers(),
                new DecoderGraphBuilder(spec.architecture(spec.targetLayers()), Precision.FP32, weights)
            )
        );
        for (int layers : spec.drafterLayers()) {
            members.add(
                SampleFamily.writeModel(
                    directory,
                    spec,
                    tokenizer,
                    SampleFamily.drafterName(layers, Precision.FP32),
                    "drafter",
                    Precision.FP32,
                    Precision.FP32.cliName(),
                    layers,
                    new DecoderGraphBuilder(spec.architecture(layers), Precision.FP32, weights).adapterRank(
                        ADAPTER_RANK
                    )
                )
            );
        }
        for (SampleLanguage.Domain domain : DOMAINS) {
            Files.writeString(
                directory.resolve("prompts-" + domain.name() + ".txt"),
                String.join("\n", prompts(spec, domain.name())) + "\n",
                StandardCharsets.UTF_8
            );
        }
        return members;
    }
}
