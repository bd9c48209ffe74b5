package io.configspec.engine.bench;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.LowRankAdapter;
import io.configspec.engine.qpart.GreedyAgreement;
import io.configspec.engine.samplemodels.DomainFamily;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.workload.DomainAdapters;
import io.configspec.engine.workload.RoutedWorkloadMeasurement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 22's measured figures in one run (docs/benchmarks.md, "Domain adapters and routed
 * drafting"): the sample family with domains is generated, one rank-16 adapter per domain is fitted
 * on the 1-block drafter, greedy acceptance is measured per domain with and without each adapter,
 * and a mixed workload (code 40 %, chat 40 %, maths 20 % of output tokens) is decoded with the
 * routed set (adapter switched per request) and with the shared drafter, each against the model's
 * prediction. Run:
 *
 * <pre>
 * ./mvnw -B -pl engine -am -Pbench-engine verify -DskipTests \
 *     -Dbench.main=io.configspec.engine.bench.RoutedWorkloadCheck -Djmh.args="4 32"
 * </pre>
 *
 * (arguments: K, output tokens per request). Prints the figures with the machine's load average.
 */
public final class RoutedWorkloadCheck {

    private static final SampleFamily.Spec SPEC = SampleFamily.Spec.defaults();

    private RoutedWorkloadCheck() {}

    public static void main(String[] args) throws Exception {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int outputTokens = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path dir = Path.of("target", "bench-domain-family").toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("prompts-chat.txt"))) {
            DomainFamily.generate(dir, SPEC);
        }
        String drafterName = SampleFamily.drafterName(1, Precision.FP32);
        System.out.printf(Locale.ROOT, "%s, load average %s%n", Instant.now(), loadAverage());
        try (
            DecoderModel target = DecoderModel.open(
                dir.resolve(SampleFamily.targetName(SPEC)).resolve("model.onnx"),
                EngineOptions.defaults()
            );
            DecoderModel drafter = DecoderModel.open(
                dir.resolve(drafterName).resolve("model.onnx"),
                EngineOptions.defaults()
            )
        ) {
            Map<String, Path> files = new LinkedHashMap<>();
            Map<String, LowRankAdapter> adapters = new LinkedHashMap<>();
            for (var domain : DomainFamily.DOMAINS) {
                LowRankAdapter adapter = DomainAdapters.fit(
                    target,
                    drafter,
                    DomainFamily.fitPromptIds(SPEC, domain.name()),
                    24,
                    DomainFamily.ADAPTER_RANK,
                    domain.name()
                );
                Path file = dir.resolve(drafterName + "-" + domain.name() + ".lora");
                adapter.write(file);
                files.put(domain.name(), file);
                adapters.put(domain.name(), adapter);
            }
            long drafterBytes = Files.size(dir.resolve(drafterName).resolve("model.onnx"));
            System.out.printf(
                Locale.ROOT,
                "drafter %s: %d bytes; adapter (rank %d): %d bytes each (%.1f× smaller)%n",
                drafterName,
                drafterBytes,
                DomainFamily.ADAPTER_RANK,
                Files.size(files.get("code")),
                drafterBytes / (double) Files.size(files.get("code"))
            );
            System.out.println(
                "greedy acceptance on each domain's 16 measurement prompts, 24 target tokens each:"
            );
            System.out.println(
                "domain   shared   " +
                    String.join(
                        "   ",
                        adapters
                            .keySet()
                            .stream()
                            .map(n -> "+" + n)
                            .toList()
                    )
            );
            for (var domain : DomainFamily.DOMAINS) {
                GreedyAgreement.Reference reference = GreedyAgreement.reference(
                    target,
                    "target",
                    DomainFamily.promptIds(SPEC, domain.name()),
                    24
                );
                StringBuilder line = new StringBuilder(
                    String.format(
                        Locale.ROOT,
                        "%-8s %.3f",
                        domain.name(),
                        DomainAdapters.acceptance(drafter, null, reference).rate()
                    )
                );
                for (LowRankAdapter adapter : adapters.values()) {
                    line.append(
                        String.format(
                            Locale.ROOT,
                            "   %.3f",
                            DomainAdapters.acceptance(drafter, adapter, reference).rate()
                        )
                    );
                }
                System.out.println(line + "   (" + reference.positions() + " positions)");
            }
            adapters.values().forEach(LowRankAdapter::close);

            Map<String, List<int[]>> requests = new LinkedHashMap<>();
            requests.put("code", DomainFamily.promptIds(SPEC, "code").subList(0, 8));
            requests.put("chat", DomainFamily.promptIds(SPEC, "chat").subList(0, 8));
            requests.put("maths", DomainFamily.promptIds(SPEC, "maths").subList(0, 4));
            RoutedWorkloadMeasurement.Result r = RoutedWorkloadMeasurement.measure(
                target,
                drafter,
                requests,
                files,
                k,
                outputTokens,
                42L
            );
            System.out.printf(
                Locale.ROOT,
                "mixed workload, K=%d, %d output tokens per request, 20 requests:%n",
                k,
                outputTokens
            );
            for (var d : r.domains()) {
                System.out.printf(
                    Locale.ROOT,
                    "  %-6s w=%.2f  α adapter %.3f (shared %.3f)  predicted G_d %.1f tokens/s (shared %.1f)%n",
                    d.domain(),
                    d.weight(),
                    d.acceptanceRate(),
                    d.sharedAcceptanceRate(),
                    d.predictedGoodput(),
                    d.sharedPredictedGoodput()
                );
            }
            System.out.printf(
                Locale.ROOT,
                "  adapter switch %.3f ms (mean of 9, read + bind), %d switches in the run, %d tokens%n",
                r.switchSeconds() * 1e3,
                r.switches(),
                r.tokens()
            );
            System.out.printf(
                Locale.ROOT,
                "  routed set:     predicted %.1f tokens/s, measured %.1f tokens/s, error %+.1f %%%n",
                r.predictedGoodput(),
                r.measuredGoodput(),
                100 * r.relativeError()
            );
            System.out.printf(
                Locale.ROOT,
                "  shared drafter: predicted %.1f tokens/s, measured %.1f tokens/s, error %+.1f %%%n",
                r.sharedPredictedGoodput(),
                r.sharedMeasuredGoodput(),
                100 * r.sharedRelativeError()
            );
        }
        System.out.printf(Locale.ROOT, "%s, load average %s%n", Instant.now(), loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
