package io.configspec.model.analysis;

import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DomainShare;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.VerificationLatency;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every configuration (device, drafter, quantisation, target, K) a scenario allows, ready to be
 * evaluated many times under different {@link WhatIf}s without touching files.
 *
 * <p>A combination (device, drafter, quantisation, target) is in the space when all four are
 * selected, the drafter's family is the target's, the device has a drafting measurement for the
 * drafter at that quantisation, an alignment profile exists for drafter × quantisation × target,
 * and the scenario's server serves the target. Combinations that fail only for missing
 * measurements or alignment are listed in {@link #omitted()}.
 *
 * <p>The per-combination constants are precomputed into primitive arrays so that {@link
 * #evaluate(WhatIf)} loops over combinations and K without allocating per row. Immutable and
 * thread-safe; evaluation may run on any thread.
 */
public final class ConfigurationSpace {

    private final Scenario scenario;
    private final NetworkProfile network;
    private final List<Combination> combinations;
    private final List<String> omitted;

    // per combination, indexed like combinations
    final double[] acceptanceRate;
    final int[] curveStart;
    final int[] curveLength;
    final double[] curve;
    // per-K acceptance α(K) and its standard deviation (the ConfigSpec paper's form): combination c
    // has perKLength[c] entries from K = perKFirst[c], at perKStart[c] in perK / perKSpread; 0 = none
    final int[] perKStart;
    final int[] perKFirst;
    final int[] perKLength;
    final double[] perK;
    final double[] perKSpread;
    // constant form's confidence interval (NaN for the per-K form)
    final double[] acceptanceLow;
    final double[] acceptanceHigh;
    final double[] draftTokensPerSecond; // at the scenario's context length
    final double[] roundOverheadSeconds;
    final double[] draftPowerWatts;
    final double[] idlePowerWatts;
    final double[] verifyBaseSeconds; // T_v = base + perK × K at the scenario's batch and context
    final double[] verifyPerKSeconds;
    final double[] dollarsPerVerifiedToken; // NaN when not offered
    final double[] dollarsPerGpuSecond; // NaN when not offered
    final double[] targetStepSeconds;

    private ConfigurationSpace(
        Scenario scenario,
        NetworkProfile network,
        List<Combination> combinations,
        List<String> omitted
    ) {
        this.scenario = scenario;
        this.network = network;
        this.combinations = List.copyOf(combinations);
        this.omitted = List.copyOf(omitted);
        int n = combinations.size();
        acceptanceRate = new double[n];
        acceptanceLow = new double[n];
        acceptanceHigh = new double[n];
        perKStart = new int[n];
        perKFirst = new int[n];
        perKLength = new int[n];
        curveStart = new int[n];
        curveLength = new int[n];
        draftTokensPerSecond = new double[n];
        roundOverheadSeconds = new double[n];
        draftPowerWatts = new double[n];
        idlePowerWatts = new double[n];
        verifyBaseSeconds = new double[n];
        verifyPerKSeconds = new double[n];
        dollarsPerVerifiedToken = new double[n];
        dollarsPerGpuSecond = new double[n];
        targetStepSeconds = new double[n];
        List<Double> curveValues = new ArrayList<>();
        List<Double> perKValues = new ArrayList<>();
        List<Double> perKSpreads = new ArrayList<>();
        int batch = scenario.batchSize();
        double context = scenario.contextTokens();
        for (int c = 0; c < n; c++) {
            Combination combination = combinations.get(c);
            AlignmentProfile alignment = combination.alignment();
            acceptanceRate[c] = alignment.acceptanceRate().orElse(Double.NaN);
            acceptanceLow[c] = alignment.acceptanceLow().orElse(Double.NaN);
            acceptanceHigh[c] = alignment.acceptanceHigh().orElse(Double.NaN);
            perKStart[c] = perKValues.size();
            perKLength[c] = alignment.acceptanceByK().size();
            perKFirst[c] = alignment.hasAcceptanceByK() ? alignment.acceptanceByK().getFirst().k() : 0;
            for (var measured : alignment.acceptanceByK()) {
                perKValues.add(measured.acceptanceRate());
                perKSpreads.add(measured.standardDeviation());
            }
            curveStart[c] = curveValues.size();
            curveLength[c] = alignment.acceptanceByPosition().size();
            curveValues.addAll(alignment.acceptanceByPosition());
            DraftingMeasurement drafting = combination.drafting();
            draftTokensPerSecond[c] = drafting.tokensPerSecondAt(context);
            roundOverheadSeconds[c] = drafting.roundOverheadSeconds();
            // NaN = not measured: energy for this combination is NaN ("not measured"), never invented
            draftPowerWatts[c] = drafting.powerWatts().orElse(Double.NaN);
            idlePowerWatts[c] = combination.device().idlePowerWatts().orElse(Double.NaN);
            ServedTarget served = combination.served();
            switch (served.verification()) {
                case VerificationLatency.Fixed f -> {
                    verifyBaseSeconds[c] = f.seconds();
                    verifyPerKSeconds[c] = 0;
                }
                case VerificationLatency.Linear l -> {
                    // Σ(K+1) over a batch of B identical requests = B·K + B; Σ context = B·context.
                    verifyBaseSeconds[c] = l.seconds(batch, batch * context, batch);
                    verifyPerKSeconds[c] = l.secondsPerVerifiedToken() * batch;
                }
            }
            dollarsPerVerifiedToken[c] = served.dollarsPerMillionVerifiedTokens().orElse(Double.NaN) / 1e6;
            dollarsPerGpuSecond[c] = served.dollarsPerGpuHour().orElse(Double.NaN) / 3600.0;
            targetStepSeconds[c] = served.targetStepSeconds().orElse(Double.NaN);
        }
        curve = curveValues.stream().mapToDouble(Double::doubleValue).toArray();
        perK = perKValues.stream().mapToDouble(Double::doubleValue).toArray();
        perKSpread = perKSpreads.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Enumerates the space of {@code scenario} over {@code library}.
     *
     * @throws InvalidFieldException naming the scenario field at fault (e.g. {@code select.devices[1]},
     *     {@code server}) when a selection names an unknown profile, a selected target is not served,
     *     a price needed by the pricing mode is missing, or nothing is left to evaluate
     */
    public static ConfigurationSpace of(ProfileLibrary library, Scenario scenario) {
        ServerProfile server = library
            .server(scenario.server())
            .orElseThrow(() ->
                unknown(
                    "server",
                    "server",
                    scenario.server(),
                    library.servers().stream().map(ServerProfile::id).toList()
                )
            );
        NetworkProfile network = scenario.network().isEmpty()
            ? NetworkProfile.NONE
            : library
                  .network(scenario.network().get())
                  .orElseThrow(() ->
                      unknown(
                          "network",
                          "network",
                          scenario.network().get(),
                          library.networks().stream().map(NetworkProfile::id).toList()
                      )
                  );
        List<DeviceProfile> devices = selection(
            "devices",
            scenario.devices(),
            library.devices(),
            DeviceProfile::id
        );
        List<LanguageModel> drafters = selection(
            "drafters",
            scenario.drafters(),
            library.drafters(),
            LanguageModel::id
        );
        Set<String> knownQuantizations = new LinkedHashSet<>();
        drafters.forEach(d -> d.quantizations().forEach(q -> knownQuantizations.add(q.name())));
        for (String q : scenario.quantizations()) {
            if (!knownQuantizations.contains(q)) {
                throw unknownIn("quantizations", q, knownQuantizations, scenario.quantizations());
            }
        }
        List<LanguageModel> targets = new ArrayList<>();
        if (scenario.targets().isEmpty()) {
            for (LanguageModel t : library.targets()) {
                if (server.served(t.id()).isPresent()) {
                    targets.add(t);
                }
            }
        } else {
            for (int i = 0; i < scenario.targets().size(); i++) {
                String id = scenario.targets().get(i);
                LanguageModel target = known(
                    "targets",
                    id,
                    library.targets(),
                    LanguageModel::id,
                    scenario.targets()
                );
                if (server.served(id).isEmpty()) {
                    throw new InvalidFieldException(
                        "select.targets[" + i + "]",
                        "names target '" + id + "', which server '" + server.id() + "' does not serve"
                    );
                }
                targets.add(target);
            }
        }
        for (LanguageModel target : targets) {
            ServedTarget served = server.served(target.id()).orElseThrow();
            boolean priced = switch (scenario.pricing()) {
                case TOKEN -> served.dollarsPerMillionVerifiedTokens().isPresent() ||
                scenario.whatIf().dollarsPerMillionTokens().isPresent();
                case GPU_TIME -> served.dollarsPerGpuHour().isPresent() ||
                scenario.whatIf().dollarsPerGpuHour().isPresent();
            };
            if (!priced) {
                throw new InvalidFieldException(
                    "pricing",
                    "is " +
                        scenario.pricing().jsonName() +
                        " but server '" +
                        server.id() +
                        "' gives no " +
                        (scenario.pricing() == PricingMode.TOKEN
                            ? "dollarsPerMillionVerifiedTokens"
                            : "dollarsPerGpuHour") +
                        " for target '" +
                        target.id() +
                        "'"
                );
            }
        }

        List<Combination> combinations = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        Set<String> measuredDomains = new LinkedHashSet<>();
        for (DeviceProfile device : devices) {
            for (LanguageModel drafter : drafters) {
                for (var variant : drafter.quantizations()) {
                    String q = variant.name();
                    if (!scenario.quantizations().isEmpty() && !scenario.quantizations().contains(q)) {
                        continue;
                    }
                    for (LanguageModel target : targets) {
                        if (!drafter.family().equals(target.family())) {
                            continue;
                        }
                        String what = device.id() + " / " + drafter.id() + " " + q + " → " + target.id();
                        Optional<DraftingMeasurement> drafting = device.drafting(drafter.id(), q);
                        if (drafting.isEmpty()) {
                            omitted.add(
                                what +
                                    ": no drafting measurement on this device (measure it there: configspec profile --drafter " +
                                    drafter.id() +
                                    ", or import llama-bench results)"
                            );
                            continue;
                        }
                        Optional<AlignmentProfile> alignment;
                        if (scenario.hasMix()) {
                            alignment = mixedAlignment(
                                library,
                                scenario,
                                drafter.id(),
                                q,
                                target.id(),
                                measuredDomains,
                                what,
                                omitted
                            );
                        } else {
                            alignment = library.alignment(drafter.id(), q, target.id());
                            if (alignment.isEmpty()) {
                                omitted.add(
                                    what +
                                        ": no alignment profile, so no acceptance rate (measure it: configspec profile --drafter " +
                                        drafter.id() +
                                        " --target " +
                                        target.id() +
                                        ", or import llama-server or vLLM metrics)"
                                );
                            }
                        }
                        if (alignment.isPresent()) {
                            combinations.add(
                                new Combination(
                                    device,
                                    drafter,
                                    q,
                                    target,
                                    drafting.get(),
                                    alignment.get(),
                                    server.served(target.id()).orElseThrow()
                                )
                            );
                        }
                    }
                }
            }
        }
        if (scenario.targets().isEmpty()) {
            for (DeviceProfile device : devices) {
                for (DraftingMeasurement m : device.drafting()) {
                    Optional<LanguageModel> drafter = drafters
                        .stream()
                        .filter(d -> d.id().equals(m.drafter()))
                        .findFirst();
                    if (
                        drafter.isEmpty() ||
                        (!scenario.quantizations().isEmpty() &&
                            !scenario.quantizations().contains(m.quantization()))
                    ) {
                        continue;
                    }
                    for (LanguageModel target : library.targets()) {
                        if (
                            target.family().equals(drafter.get().family()) &&
                            server.served(target.id()).isEmpty()
                        ) {
                            omitted.add(
                                device.id() +
                                    " / " +
                                    m.drafter() +
                                    " " +
                                    m.quantization() +
                                    " → " +
                                    target.id() +
                                    ": the scenario's server " +
                                    server.id() +
                                    " does not verify " +
                                    target.id() +
                                    " (choose a server that does, e.g. the one configspec profile --target " +
                                    target.id() +
                                    " measures)"
                            );
                        }
                    }
                }
            }
        }
        List<DomainShare> mix = scenario.mix();
        for (int i = 0; i < mix.size(); i++) {
            if (!measuredDomains.contains(mix.get(i).domain())) {
                throw new InvalidFieldException(
                    "workload.mix[" + i + "].domain",
                    "is '" +
                        mix.get(i).domain() +
                        "', but no alignment entry of a selected drafter and target was measured on it (domain; domains measured: " +
                        (library.domains().isEmpty() ? "none" : String.join(", ", library.domains())) +
                        ")"
                );
            }
        }
        if (combinations.isEmpty()) {
            throw new InvalidFieldException(
                "select",
                "selects no configuration: no selected device has a drafting measurement and an alignment profile for a selected drafter, quantization and target of the same family"
            );
        }
        ConfigurationSpace space = new ConfigurationSpace(scenario, network, combinations, omitted);
        space.checkMeasuredK("k.min", scenario.kMin(), "k.max", scenario.kMax());
        return space;
    }

    /** The largest K a mixed acceptance table covers when no domain's per-K table limits it. */
    static final int MIX_K_LIMIT = 64;

    /**
     * The acceptance of drafter × quantisation × target under the scenario's mix ({@link
     * MixedAcceptance}); empty, with the reason added to {@code omitted}, when a domain's entry is
     * missing. Domains found are added to {@code measuredDomains}.
     */
    private static Optional<AlignmentProfile> mixedAlignment(
        ProfileLibrary library,
        Scenario scenario,
        String drafter,
        String quantization,
        String target,
        Set<String> measuredDomains,
        String what,
        List<String> omitted
    ) {
        List<AlignmentProfile> perDomain = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (DomainShare share : scenario.mix()) {
            Optional<AlignmentProfile> entry = library.alignment(
                drafter,
                quantization,
                target,
                share.domain()
            );
            entry.ifPresentOrElse(
                e -> {
                    perDomain.add(e);
                    measuredDomains.add(share.domain());
                },
                () -> missing.add(share.domain())
            );
        }
        if (!missing.isEmpty()) {
            omitted.add(
                what +
                    ": no acceptance measured on domain " +
                    String.join(", ", missing) +
                    " (measure it: configspec measure --draft " +
                    drafter +
                    " --domain NAME --prompts FILE)"
            );
            return Optional.empty();
        }
        Optional<AlignmentProfile> mixed = MixedAcceptance.of(
            scenario.mix(),
            perDomain,
            Math.max(MIX_K_LIMIT, scenario.kMax())
        );
        if (mixed.isEmpty()) {
            omitted.add(what + ": the domains' per-K acceptance tables share no K");
        }
        return mixed;
    }

    /**
     * Refuses a K range that a per-K acceptance table does not cover: E[N] there was not measured
     * and is never extrapolated (DESIGN §4).
     *
     * @throws UnmeasuredKException naming {@code minField} or {@code maxField}
     */
    private void checkMeasuredK(String minField, int kMin, String maxField, int kMax) {
        for (Combination combination : combinations) {
            AlignmentProfile alignment = combination.alignment();
            if (!alignment.hasAcceptanceByK()) {
                continue;
            }
            boolean lowOk = alignment.covers(kMin);
            if (!lowOk || !alignment.covers(kMax)) {
                throw new UnmeasuredKException(lowOk ? maxField : minField, lowOk ? kMax : kMin, alignment);
            }
        }
    }

    /**
     * A K outside the range a per-K acceptance table was measured over.
     *
     * <p>{@link #alignment()} names the table (drafter × quantisation × target), so a loader can name
     * the alignment file as well as the scenario field.
     */
    public static final class UnmeasuredKException extends InvalidFieldException {

        private final transient AlignmentProfile alignment;
        private final int k;

        UnmeasuredKException(String field, int k, AlignmentProfile alignment) {
            super(field, problem(k, alignment, "acceptanceByK"));
            this.k = k;
            this.alignment = alignment;
        }

        private static String problem(int k, AlignmentProfile alignment, String where) {
            return (
                "is " +
                k +
                " but the acceptance of " +
                alignment.drafter() +
                " " +
                alignment.quantization() +
                " → " +
                alignment.target() +
                " was measured for " +
                alignment.measuredKRange() +
                " only (" +
                where +
                "; E[N] outside it is not extrapolated)"
            );
        }

        /** The same problem, naming where the table is, e.g. {@code profiles/a.json, entries[3].acceptanceByK}. */
        public String problemAt(String tableLocation) {
            return problem(k, alignment, tableLocation);
        }

        /** The alignment profile whose per-K table does not cover the K asked for. */
        public AlignmentProfile alignment() {
            return alignment;
        }
    }

    private static InvalidFieldException unknown(
        String field,
        String kind,
        String id,
        Collection<String> known
    ) {
        return new InvalidFieldException(
            field,
            "refers to unknown " +
                kind +
                " '" +
                id +
                "' (known: " +
                (known.isEmpty() ? "none" : String.join(", ", known)) +
                ")"
        );
    }

    /** The profiles a scenario's selection {@code list} names, in its order; every profile when it names none. */
    private static <T> List<T> selection(
        String list,
        List<String> ids,
        Collection<T> all,
        Function<T, String> idOf
    ) {
        if (ids.isEmpty()) {
            return List.copyOf(all);
        }
        return ids
            .stream()
            .map(id -> known(list, id, all, idOf, ids))
            .toList();
    }

    /** The profile {@code id} among {@code all}, or the error naming its place in the selection and the known ids. */
    private static <T> T known(
        String list,
        String id,
        Collection<T> all,
        Function<T, String> idOf,
        List<String> selection
    ) {
        return all
            .stream()
            .filter(p -> idOf.apply(p).equals(id))
            .findFirst()
            .orElseThrow(() -> unknownIn(list, id, all.stream().map(idOf).toList(), selection));
    }

    private static InvalidFieldException unknownIn(
        String list,
        String id,
        Collection<String> known,
        List<String> selection
    ) {
        String kind = switch (list) {
            case "devices" -> "device";
            case "drafters" -> "drafter";
            case "quantizations" -> "quantization";
            default -> "target";
        };
        return unknown("select." + list + "[" + selection.indexOf(id) + "]", kind, id, known);
    }

    public Scenario scenario() {
        return scenario;
    }

    public NetworkProfile network() {
        return network;
    }

    /** The (device, drafter, quantisation, target) combinations, in enumeration order. */
    public List<Combination> combinations() {
        return combinations;
    }

    /** Combinations left out for missing measurements or alignment, one line each. */
    public List<String> omitted() {
        return omitted;
    }

    /**
     * Number of rows {@link #evaluate(WhatIf)} produces under {@code whatIf}.
     *
     * @throws SpaceTooLargeException if that is more than one evaluation can hold
     */
    public int size(WhatIf whatIf) {
        SpaceSize size = sizeOf(whatIf);
        if (size.configurations() > SpaceSize.MAX_ROWS) {
            throw new SpaceTooLargeException(
                size,
                SpaceSize.availableHeapBytes(),
                Runtime.getRuntime().maxMemory()
            );
        }
        return (int) size.configurations();
    }

    /** How many configurations there are under {@code whatIf} and the memory they need, before any is built. */
    public SpaceSize sizeOf(WhatIf whatIf) {
        return SpaceSize.of(this, whatIf);
    }

    int kMin(WhatIf whatIf) {
        return whatIf.kMin().orElse(scenario.kMin());
    }

    int kMax(WhatIf whatIf) {
        int kMax = whatIf.kMax().orElse(scenario.kMax());
        int kMin = kMin(whatIf);
        if (kMax < kMin) {
            throw new InvalidFieldException("kMax", "must be at least kMin " + kMin + " but is " + kMax);
        }
        checkMeasuredK("kMin", kMin, "kMax", kMax);
        return kMax;
    }

    /**
     * The widest K range every per-K acceptance table in this space covers, as {@code {min, max}};
     * {@code {1, Integer.MAX_VALUE}} when no combination has a per-K table. A what-if outside it is
     * refused.
     */
    public int[] measuredKRange() {
        int lo = 1;
        int hi = Integer.MAX_VALUE;
        for (int c = 0; c < combinations.size(); c++) {
            if (perKLength[c] > 0) {
                lo = Math.max(lo, perKFirst[c]);
                hi = Math.min(hi, perKFirst[c] + perKLength[c] - 1);
            }
        }
        return new int[] { lo, hi };
    }

    /**
     * The smallest K of combination {@code c} (in the what-if's K range) from which none of its
     * rows can get better on any objective as K grows, or −1 when that cannot be shown: what lets
     * a streamed pass skip the rest of a long K range exactly (docs/model.md, "K past the settled
     * point").
     *
     * <p>Why, in double precision and not just in real numbers. E[N] is summed term by term, each
     * term the previous one times an acceptance factor in [0, 1]. At the K where adding the current
     * term leaves the sum unchanged, every later term is no larger, so it leaves the sum unchanged
     * too (rounding is monotone): E[N] keeps the same bits for every larger K ({@link
     * EvaluatedSpace} skips the recurrence from there). Every other per-round quantity is a chain
     * of additions and of multiplications by factors ≥ 0 applied to K (drafting o + K/r, network
     * base + K × bytes/uplink, verification base + slope × K, price × billed tokens, price × T_v /
     * B, drafting power × drafting time), so its rounded value never decreases as K grows; the
     * objectives divide the fixed E[N] by them or them by it, so each only stays or gets worse.
     *
     * <p>Returns −1, and nothing is skipped, where that chain does not hold: a per-K acceptance
     * table (E[N] is not a recurrence there; its K range is short anyway), whole-round energy (it
     * subtracts the drafting time from the round time, which rounding does not keep monotone), a
     * negative slope or factor, an acceptance factor that is not in [0, 1] (NaN included), or an
     * E[N] still growing at kMax (α × scale = 1).
     */
    public int settledK(WhatIf whatIf, int c) {
        int kMin = kMin(whatIf);
        int kMax = kMax(whatIf);
        if (perKLength[c] > 0 || whatIf.energy().orElse(scenario.energy()) == EnergyMode.WHOLE_ROUND) {
            return -1;
        }
        double alphaScale = whatIf.alphaScale();
        double speedScale = whatIf.draftSpeedScale();
        double rate = draftTokensPerSecond[c] * speedScale;
        double uplink =
            whatIf.uplinkMegabitsPerSecond().orElse(network.uplinkMegabitsPerSecond()) * 125_000.0;
        double uplinkSecondsPerDraftToken = network.bytesPerDraftToken() / uplink;
        double downlink =
            whatIf.downlinkMegabitsPerSecond().orElse(network.downlinkMegabitsPerSecond()) * 125_000.0;
        double networkBase =
            whatIf.rttSeconds().orElse(network.rttSeconds()) + network.replyBytes() / downlink;
        boolean verifyOverride = whatIf.verifySeconds().isPresent();
        double verifyBase = verifyOverride ? whatIf.verifySeconds().getAsDouble() : verifyBaseSeconds[c];
        double verifyPerK = verifyOverride ? 0 : verifyPerKSeconds[c];
        boolean tokenPricing = whatIf.pricing().orElse(scenario.pricing()) == PricingMode.TOKEN;
        double price = tokenPricing
            ? (whatIf.dollarsPerMillionTokens().isPresent()
                  ? whatIf.dollarsPerMillionTokens().getAsDouble() / 1e6
                  : dollarsPerVerifiedToken[c])
            : (whatIf.dollarsPerGpuHour().isPresent()
                  ? whatIf.dollarsPerGpuHour().getAsDouble() / 3600.0
                  : dollarsPerGpuSecond[c]);
        double draftPower = draftPowerWatts[c] * whatIf.powerScale();
        boolean growing =
            alphaScale >= 0 &&
            speedScale > 0 &&
            rate > 0 &&
            roundOverheadSeconds[c] >= 0 &&
            uplinkSecondsPerDraftToken >= 0 &&
            networkBase >= 0 &&
            verifyBase >= 0 &&
            verifyPerK >= 0 &&
            scenario.batchSize() >= 1 &&
            (Double.isNaN(price) || price >= 0) &&
            (Double.isNaN(draftPower) || draftPower >= 0);
        if (!growing) {
            return -1;
        }
        // the recurrence exactly as EvaluatedSpace.fill runs it
        double alpha = Math.min(1.0, acceptanceRate[c] * alphaScale);
        boolean hasCurve = curveLength[c] > 0;
        int last = curveLength[c] - 1;
        double survive = 1.0;
        double expected = 1.0;
        for (int position = 1; position <= kMax; position++) {
            double factor = hasCurve
                ? Math.min(1.0, curve[curveStart[c] + Math.min(position - 1, last)] * alphaScale)
                : alpha;
            if (!(factor >= 0 && factor <= 1)) {
                return -1;
            }
            survive *= factor;
            expected += survive;
            if (expected + survive == expected) {
                return Math.max(kMin, position);
            }
        }
        return -1;
    }

    /** Evaluates under the scenario's own what-if. */
    public EvaluatedSpace evaluate() {
        return evaluate(scenario.whatIf());
    }

    /**
     * Evaluates every configuration under {@code whatIf} (which replaces, not adds to, the
     * scenario's saved what-if; start from {@code scenario().whatIf()} to keep it).
     */
    public EvaluatedSpace evaluate(WhatIf whatIf) {
        return evaluateInto(whatIf, null);
    }

    /**
     * Like {@link #evaluate(WhatIf)}, but reuses {@code reuse}'s arrays when it came from this
     * space and has the same number of rows (for slider drags in the GUI). The returned object may
     * be {@code reuse} itself, whose earlier values are then overwritten: a caller that still
     * reads them on another thread must not pass it.
     */
    /**
     * Evaluates the block of {@code count} rows from row {@code firstRow} of the whole space (rows
     * numbered as {@link #evaluate(WhatIf)} numbers them): how a space too large to hold is
     * streamed. Each row has the same values as in a whole-space evaluation. Memory is {@code
     * count} rows ({@link EvaluatedSpace#BYTES_PER_ROW} each); nothing is refused for size.
     *
     * @param reuse an earlier block of this space with {@code count} rows whose arrays may be
     *     overwritten, or null
     * @throws IllegalArgumentException if the block is not inside the space
     */
    public EvaluatedSpace evaluateRows(WhatIf whatIf, long firstRow, int count, EvaluatedSpace reuse) {
        int kMin = kMin(whatIf);
        int kMax = kMax(whatIf);
        long total = sizeOf(whatIf).configurations();
        if (firstRow < 0 || count < 0 || firstRow + count > total) {
            throw new IllegalArgumentException(
                "rows " + firstRow + " + " + count + " are not inside the space's " + total + " rows"
            );
        }
        boolean reusable = reuse != null && reuse.space() == this && reuse.size() == count;
        EvaluatedSpace target = reusable ? reuse : new EvaluatedSpace(this, count);
        target.fill(whatIf, kMin, kMax, firstRow, null);
        return target;
    }

    /**
     * Evaluates only the given rows of the whole space (e.g. a front and the best rows a streamed
     * pass found), each with the same values as in a whole-space evaluation; row {@code i} of the
     * result is space row {@code rows[i]}.
     *
     * @param rows strictly ascending row numbers inside the space
     * @throws IllegalArgumentException if they are not
     */
    public EvaluatedSpace evaluateRows(WhatIf whatIf, long[] rows) {
        int kMin = kMin(whatIf);
        int kMax = kMax(whatIf);
        long total = sizeOf(whatIf).configurations();
        long[] copy = rows.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 0 || copy[i] >= total || (i > 0 && copy[i] <= copy[i - 1])) {
                throw new IllegalArgumentException(
                    "rows must ascend strictly inside the space's " +
                        total +
                        " rows, got " +
                        copy[i] +
                        " at " +
                        i
                );
            }
        }
        EvaluatedSpace target = new EvaluatedSpace(this, copy.length);
        target.fill(whatIf, kMin, kMax, 0L, copy);
        return target;
    }

    public EvaluatedSpace evaluateInto(WhatIf whatIf, EvaluatedSpace reuse) {
        int kMin = kMin(whatIf);
        int kMax = kMax(whatIf);
        SpaceSize size = sizeOf(whatIf);
        boolean reusable = reuse != null && reuse.space() == this && reuse.size() == size.configurations();
        if (!reusable) {
            size.requireFits(SpaceSize.availableHeapBytes());
        }
        EvaluatedSpace target = reusable ? reuse : new EvaluatedSpace(this, (int) size.configurations());
        target.fill(whatIf, kMin, kMax);
        return target;
    }
}
