package io.configspec.app.explorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layer rules of the explorer (decision 0041), each with its reason. */
@AnalyzeClasses(packages = "io.configspec.app.explorer", importOptions = ImportOption.DoNotIncludeTests.class)
class ExplorerArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsNeedNoToolkit = noClasses()
        .that()
        .resideInAnyPackage("..explorer.viewmodel..", "..explorer.workspace..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javafx.scene..",
            "javafx.stage..",
            "javafx.application..",
            "io.configspec.app.explorer.view.."
        )
        .because(
            "view models are tested without a JavaFX toolkit (only javafx.beans and javafx.collections); " +
                "results reach the FX thread only through the TaskExecutor"
        )
        .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheExecutorMarshalsToTheFxThread = noClasses()
        .that()
        .resideOutsideOfPackage("..explorer.concurrent..")
        .should()
        .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
        .because("results reach the FX thread through TaskExecutor.runOnUi, so tests can run them inline");

    @ArchTest
    static final ArchRule chartDoesNotKnowTheModel = noClasses()
        .that()
        .resideInAPackage("..explorer.chart..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.configspec.model..", "io.configspec.app.explorer.viewmodel..")
        .because("the chart draws primitive arrays and can be reused for any scatter data");
}
