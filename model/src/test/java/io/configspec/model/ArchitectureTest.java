package io.configspec.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module rules of {@code model} (docs/architecture.md, decision 0002). */
@AnalyzeClasses(packages = "io.configspec.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelDoesNotUseJavaFx = noClasses()
        .that()
        .resideInAPackage("io.configspec.model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("javafx..")
        .because("the model is pure Java: the CLI, the engine and tests use it without a toolkit");

    @ArchTest
    static final ArchRule modelDoesNotUseOnnxRuntime = noClasses()
        .that()
        .resideInAPackage("io.configspec.model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("ai.onnxruntime..")
        .because("only the engine loads native ONNX Runtime; the model must run anywhere Java runs");

    @ArchTest
    static final ArchRule modelNeverMarshalsToTheFxThread = noClasses()
        .that()
        .resideInAPackage("io.configspec.model..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javafx.application.Platform")
        .because("the domain returns work and the UI chooses the thread (STYLE.md practice 2)");

    @ArchTest
    static final ArchRule noPackageCycles = slices()
        .matching("io.configspec.model.(*)..")
        .should()
        .beFreeOfCycles()
        .because(
            "packages form layers (domain, io, analysis, pareto, fleet, export) that can be read bottom-up"
        );
}
