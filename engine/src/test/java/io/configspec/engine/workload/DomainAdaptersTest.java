package io.configspec.engine.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.LowRankAdapter;
import io.configspec.engine.qpart.GreedyAgreement;
import io.configspec.engine.samplemodels.DomainFamily;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.samplemodels.SampleLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 acceptance 1 on the sample family with domains: each domain's adapter, fitted on other
 * prompts of its domain, raises the shared drafter's greedy acceptance on that domain's measurement
 * prompts, more than any other domain's adapter does there. Deterministic (greedy
 * agreement), so the comparisons are exact, not statistical. Writes the figures to {@code
 * target/domain-adapters.txt} for docs/benchmarks.md.
 */
class DomainAdaptersTest {

    private static final SampleFamily.Spec SPEC = SampleFamily.Spec.defaults();
    private static final String SHARED = SampleFamily.drafterName(
        1,
        io.configspec.engine.samplemodels.Precision.FP32
    );
    private static final int TOKENS = 24;

    private static Path directory;
    private static DecoderModel target;
    private static DecoderModel drafter;
    private static final Map<String, LowRankAdapter> adapters = new LinkedHashMap<>();
    private static final Map<String, GreedyAgreement.Reference> references = new LinkedHashMap<>();

    @BeforeAll
    static void fit() throws Exception {
        directory = Path.of("target", "test-domain-family");
        DomainFamily.generate(directory, SPEC);
        target = DecoderModel.open(
            directory.resolve(SampleFamily.targetName(SPEC)).resolve("model.onnx"),
            EngineOptions.defaults()
        );
        drafter = DecoderModel.open(
            directory.resolve(SHARED).resolve("model.onnx"),
            EngineOptions.defaults()
        );
        for (SampleLanguage.Domain domain : DomainFamily.DOMAINS) {
            String name = domain.name();
            adapters.put(
                name,
                DomainAdapters.fit(
                    target,
                    drafter,
                    DomainFamily.fitPromptIds(SPEC, name),
                    TOKENS,
                    DomainFamily.ADAPTER_RANK,
                    name
                )
            );
            references.put(
                name,
                GreedyAgreement.reference(target, "target", DomainFamily.promptIds(SPEC, name), TOKENS)
            );
        }
    }

    @AfterAll
    static void close() {
        adapters.values().forEach(LowRankAdapter::close);
        drafter.close();
        target.close();
    }

    @Test
    void eachAdapterRaisesAcceptanceOnItsOwnDomain() throws Exception {
        StringBuilder table = new StringBuilder(
            "domain  α shared  α own adapter  (agreed/positions)   α with each adapter: " +
                adapters.keySet() +
                "\n"
        );
        for (String domain : adapters.keySet()) {
            GreedyAgreement.Reference reference = references.get(domain);
            GreedyAgreement.Acceptance shared = DomainAdapters.acceptance(drafter, null, reference);
            GreedyAgreement.Acceptance own = DomainAdapters.acceptance(
                drafter,
                adapters.get(domain),
                reference
            );
            List<String> each = new ArrayList<>();
            for (LowRankAdapter adapter : adapters.values()) {
                each.add(
                    String.format("%.3f", DomainAdapters.acceptance(drafter, adapter, reference).rate())
                );
            }
            table.append(
                String.format(
                    "%-7s %.3f     %.3f          (%d/%d → %d/%d)   %s%n",
                    domain,
                    shared.rate(),
                    own.rate(),
                    shared.agreed(),
                    shared.positions(),
                    own.agreed(),
                    own.positions(),
                    each
                )
            );
            assertTrue(
                own.agreed() > shared.agreed(),
                domain + ": adapter " + own.rate() + " vs shared " + shared.rate() + "\n" + table
            );
        }
        Files.writeString(Path.of("target", "domain-adapters.txt"), table.toString());
        System.out.print(table);
    }

    @Test
    void onEachDomainItsOwnAdapterBeatsTheOtherDomainsAdapters() throws Exception {
        for (String domain : adapters.keySet()) {
            GreedyAgreement.Reference reference = references.get(domain);
            int own = DomainAdapters.acceptance(drafter, adapters.get(domain), reference).agreed();
            for (String other : adapters.keySet()) {
                if (!other.equals(domain)) {
                    int foreign = DomainAdapters.acceptance(drafter, adapters.get(other), reference).agreed();
                    assertTrue(
                        own > foreign,
                        domain + ": own adapter " + own + ", " + other + "'s " + foreign
                    );
                }
            }
        }
    }

    @Test
    void aZeroAdapterIsTheSharedDrafterAndSwitchingKeepsTheCache() throws Exception {
        int[] prompt = DomainFamily.promptIds(SPEC, "code").getFirst();
        float[][] plain;
        try (DecoderSession s = drafter.newSession()) {
            plain = s.forward(prompt);
        }
        try (LowRankAdapter zero = LowRankAdapter.none(256, DomainFamily.ADAPTER_RANK, 256)) {
            drafter.useAdapter(zero);
            try (DecoderSession s = drafter.newSession()) {
                assertArrayEquals(plain[plain.length - 1], s.forward(prompt)[prompt.length - 1], 0f);
            }
        } finally {
            drafter.useAdapter(null);
        }
        // the adapter adds to the logits only: after a switch, the cached prefix gives the same
        // logits as a fresh pass with the new adapter
        try (DecoderSession cached = drafter.newSession(); DecoderSession fresh = drafter.newSession()) {
            cached.forward(java.util.Arrays.copyOf(prompt, prompt.length - 1));
            drafter.useAdapter(adapters.get("code"));
            float[] afterSwitch = cached.forward(new int[] { prompt[prompt.length - 1] })[0];
            float[][] all = fresh.forward(prompt);
            assertArrayEquals(all[all.length - 1], afterSwitch, 1e-4f);
        } finally {
            drafter.useAdapter(null);
        }
    }

    @Test
    void adapterFilesRoundTripAndAWrongShapeIsRefused(@org.junit.jupiter.api.io.TempDir Path dir)
        throws Exception {
        Path file = dir.resolve("code.lora");
        adapters.get("code").write(file);
        try (LowRankAdapter read = LowRankAdapter.read(file, "code")) {
            assertEquals(adapters.get("code").weightBytes(), read.weightBytes());
            assertEquals(
                DomainAdapters.acceptance(drafter, adapters.get("code"), references.get("code")),
                DomainAdapters.acceptance(drafter, read, references.get("code"))
            );
        }
        try (LowRankAdapter wrong = LowRankAdapter.none(256, 8, 256)) {
            assertThrows(IllegalArgumentException.class, () -> drafter.useAdapter(wrong));
        }
    }
}
