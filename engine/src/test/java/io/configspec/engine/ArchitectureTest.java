package io.configspec.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module rules of {@code engine} (docs/architecture.md, decision 0002). */
@AnalyzeClasses(packages = "io.configspec.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDoesNotUseJavaFx = noClasses()
        .that()
        .resideInAPackage("io.configspec.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("javafx..")
        .because("the engine runs headless on boards and servers (board agent, verification service)");

    @ArchTest
    static final ArchRule engineNeverMarshalsToTheFxThread = noClasses()
        .that()
        .resideInAPackage("io.configspec.engine..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javafx.application.Platform")
        .because(
            "the engine returns work (results or futures) and the UI chooses the thread (STYLE.md practice 2)"
        );

    @ArchTest
    static final ArchRule noPackageCycles = slices()
        .matching("io.configspec.engine.(*)..")
        .should()
        .beFreeOfCycles()
        .because(
            "engine packages (onnx, decoding, sensors, agent, ...) must stay separable and testable alone"
        );
}
