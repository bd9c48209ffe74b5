package io.configspec.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.configspec.app", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule cliNeverTouchesJavaFx = noClasses()
        .that()
        .resideInAPackage("io.configspec.app.cli..")
        .or()
        .haveFullyQualifiedName("io.configspec.app.Main")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.controlsfx..", "eu.hansolo..")
        .because("the command line must run without JavaFX or a display (DESIGN §2, decision 0004)");
}
