package io.configspec.model.io;

import com.fasterxml.jackson.databind.node.TextNode;
import io.configspec.model.analysis.Constraint;
import io.configspec.model.analysis.EnergyMode;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.PricingMode;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.analysis.TokenBilling;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.AcceptanceAtK;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.CalibrationPoint;
import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.domain.VerificationMeasurement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** One document of every kind with every optional field set, for write → schema → read tests. */
final class RichDocuments {

    private RichDocuments() {}

    static List<ProfileDocument> all() {
        Provenance measured = new Provenance.Measured("configspec test 1", LocalDate.of(2026, 11, 30), 40);
        Provenance literature = new Provenance.Literature("a paper, table 2");
        Provenance note = new Provenance.Illustrative("a guess");
        var drafting = new DraftingMeasurement(
            "d",
            "q4",
            20,
            0.01,
            0.05,
            6,
            literature,
            Map.of("powerWatts", note)
        );
        var device = new DeviceProfile(
            "dev",
            "Device",
            DeviceKind.PHONE,
            "cpu",
            "gpu",
            8,
            1.5,
            List.of(drafting),
            measured,
            Map.of("idlePowerWatts", literature)
        );
        var q = new QuantizationVariant("q4", 4.5, 1_000_000_000L);
        var models = new ProfileDocument.ModelsDocument(
            "models",
            note,
            List.of(
                new LanguageModel(
                    "d",
                    "Drafter",
                    "fam",
                    500_000_000L,
                    List.of(q),
                    measured,
                    Map.of("parameterCount", literature),
                    Optional.empty()
                )
            ),
            List.of(
                new LanguageModel(
                    "t",
                    "Target",
                    "fam",
                    7_000_000_000L,
                    List.of(q),
                    note,
                    Map.of(),
                    Optional.empty()
                )
            )
        );
        var alignment = new ProfileDocument.AlignmentDocument(
            "align",
            measured,
            List.of(
                new AlignmentProfile(
                    "d",
                    "q4",
                    "t",
                    0.7,
                    0.65,
                    0.75,
                    1000,
                    "mt-bench",
                    List.of(0.8, 0.7, 0.6),
                    List.of(new CalibrationPoint(0.2, 0.3), new CalibrationPoint(0.9, 0.95)),
                    literature,
                    Map.of("acceptanceRate", note)
                ),
                // the per-K form (the ConfigSpec paper's) beside a constant α, every optional field set
                new AlignmentProfile(
                    "d",
                    "q8",
                    "t",
                    OptionalDouble.of(0.6),
                    OptionalDouble.of(0.55),
                    OptionalDouble.of(0.65),
                    java.util.OptionalInt.of(500),
                    "chat",
                    List.of(),
                    List.of(
                        new AcceptanceAtK(
                            2,
                            0.62,
                            0.1,
                            OptionalDouble.of(0.3),
                            OptionalDouble.of(0.9),
                            java.util.OptionalInt.of(80)
                        ),
                        new AcceptanceAtK(
                            3,
                            0.55,
                            0.12,
                            OptionalDouble.of(0.2),
                            OptionalDouble.of(0.8),
                            java.util.OptionalInt.of(80)
                        )
                    ),
                    List.of(),
                    literature,
                    Map.of("acceptanceByK", note),
                    Optional.empty()
                )
            )
        );
        var linear = new VerificationLatency.Linear(
            0.02,
            0.0001,
            0.000002,
            0.001,
            List.of(
                new VerificationMeasurement(2, 10, 300, 0.05),
                new VerificationMeasurement(3, 9, 0, 0.2, 1200)
            ),
            OptionalDouble.of(0.97),
            OptionalDouble.of(0.002),
            OptionalDouble.of(0.00008)
        );
        var server = new ServerProfile(
            "srv",
            "Server",
            "A100",
            List.of(
                new ServedTarget(
                    "t",
                    linear,
                    OptionalDouble.of(0.2),
                    OptionalDouble.of(2.0),
                    0.03,
                    note,
                    Map.of()
                ),
                new ServedTarget(
                    "t2",
                    new VerificationLatency.Fixed(0.5),
                    OptionalDouble.empty(),
                    OptionalDouble.of(1.5),
                    0.04,
                    measured,
                    Map.of("targetStepSeconds", literature)
                )
            ),
            note,
            Map.of()
        );
        var network = new NetworkProfile(
            "net",
            "Net",
            0.02,
            50,
            100,
            4,
            64,
            literature,
            Map.of("rttSeconds", measured)
        );
        var scenario = new Scenario(
            "sc",
            "Scenario",
            "all optional fields",
            List.of("../profiles"),
            List.of("dev"),
            List.of("d"),
            List.of("q4"),
            List.of("t"),
            "srv",
            java.util.Optional.of("net"),
            2,
            9,
            List.of(Objective.GOODPUT, Objective.TIME_PER_TOKEN),
            List.of(
                Constraint.atLeast(Objective.GOODPUT, 3),
                Constraint.atMost(Objective.TIME_PER_TOKEN, 0.2)
            ),
            WhatIf.NONE.with("alphaScale", "0.9").with("kMax", "8").with("pricing", "gpu-time"),
            PricingMode.GPU_TIME,
            TokenBilling.DRAFTS,
            EnergyMode.WHOLE_ROUND,
            512,
            4,
            List.of(),
            OptionalInt.empty(),
            List.of()
        );
        var fleet = new FleetScenarioSpec(
            "fl",
            "Fleet",
            "every setting",
            List.of("../profiles"),
            "srv",
            "t",
            "net",
            32,
            0.1,
            List.of(
                new FleetScenarioSpec.Device(
                    "dev",
                    "d",
                    "q4",
                    2,
                    4,
                    new FleetScenarioSpec.Lengths(4000, 500, 100, 8000),
                    0.4
                ),
                new FleetScenarioSpec.Device("dev", "d", "q4", 1, null, null, null)
            ),
            new FleetScenarioSpec.Workload(
                new FleetScenarioSpec.Lengths(200, 50, 10, 1000),
                new FleetScenarioSpec.Lengths(100, 0, 1, null),
                2
            ),
            0.1,
            new FleetScenarioSpec.Sled(0.02),
            new FleetScenarioSpec.Wisp(8, TextNode.valueOf("auto"), 0.03, 0.4)
        );
        return List.of(
            new ProfileDocument.DeviceDocument(device),
            models,
            alignment,
            new ProfileDocument.ServerDocument(server),
            new ProfileDocument.NetworkDocument(network),
            new ProfileDocument.ScenarioDocument(scenario),
            new ProfileDocument.FleetScenarioDocument(fleet)
        );
    }
}
