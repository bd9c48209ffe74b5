package io.configspec.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module rules of {@code app} (docs/architecture.md, decision 0002). */
@AnalyzeClasses(packages = "io.configspec.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule appDoesNotUseOnnxRuntime = noClasses()
        .that()
        .resideInAPackage("io.configspec.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("ai.onnxruntime..")
        .because("only the engine touches ONNX Runtime; the app talks to the engine's own API");

    @ArchTest
    static final ArchRule noPackageCyclesInsideTheExplorer = slices()
        .matching("io.configspec.app.explorer.(*)..")
        .should()
        .beFreeOfCycles()
        .because(
            "explorer screens, charts and concurrency helpers must be testable one at a time (STYLE.md practice 3)"
        );

    @ArchTest
    static final ArchRule noPackageCycles = slices()
        .matching("io.configspec.app.(*)..")
        .should()
        .beFreeOfCycles()
        .because("the command line and the explorer are two independent front ends over the same services");

    @ArchTest
    static final ArchRule theCommandLineAndTheReportNeverLoadJavaFx = noClasses()
        .that()
        .resideInAnyPackage("io.configspec.app.cli..", "io.configspec.app.report..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("javafx..")
        .because(
            "the command line, configspec report included, runs on servers without a display (decision 0025)"
        );
}
