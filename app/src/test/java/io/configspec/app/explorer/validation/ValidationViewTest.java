package io.configspec.app.explorer.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.BackgroundTaskExecutor;
import io.configspec.model.imports.PredictionValidation;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.ImportFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 10, acceptance 4: the Validation view shows the engine's measure results (the sample
 * family's measured folder) against the model's predictions: one chart point and one table row
 * per measured K, the errors' median and p90.
 */
@ExtendWith(ApplicationExtension.class)
class ValidationViewTest {

    @TempDir
    static Path dir;

    private BackgroundTaskExecutor executor;
    private ValidationViewModel model;
    private ScenarioLoader.LoadedScenario open;

    @Start
    void start(Stage stage) throws Exception {
        executor = new BackgroundTaskExecutor(1);
        open = ScenarioLoader.load(Samples.root().resolve("scenarios/configspec-paper.json"));
        model = new ValidationViewModel(executor, () -> open);
        stage.setScene(new Scene(new ValidationView(model), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void theSampleFamilysMeasurementsAgainstThePredictions(FxRobot robot) throws Exception {
        Path measured = ImportFixtures.measuredSampleFamily(dir.resolve("measured"));
        robot.interact(() -> {
            var path = robot.lookup("#validation-path").queryAs(javafx.scene.control.TextField.class);
            path.setText(measured.toString());
            path.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitFor(
            60,
            TimeUnit.SECONDS,
            () -> model.resultProperty().get() != null && !model.work().isRunning()
        );
        WaitForAsyncUtils.waitForFxEvents();
        PredictionValidation.Report report = model.resultProperty().get().report();
        assertEquals(6, report.comparisons().size());
        @SuppressWarnings("unchecked")
        TableView<PredictionValidation.Comparison> table = robot
            .lookup("#validation-table")
            .queryAs(TableView.class);
        assertEquals(6, table.getItems().size());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#validation-chart").queryAs(LineChart.class);
        assertEquals(2, chart.getData().size(), "the diagonal and the configurations");
        assertEquals(6, chart.getData().get(1).getData().size());
        Label status = robot.lookup("#validation-status").queryAs(Label.class);
        assertTrue(
            status.getText().startsWith("Goodput error over 6 measured configurations: median "),
            status.getText()
        );
        assertEquals(ValidationViewModel.summary(report), status.getText());
        Label source = robot.lookup("#validation-source").queryAs(Label.class);
        assertTrue(
            source.getText().contains("measured folder's own profiles"),
            "the paper scenario has no sample-family configuration: " + source.getText()
        );
    }

    @Test
    void aFolderWithoutMeasurementsSaysSoInTheStatus(FxRobot robot) throws Exception {
        Path empty = dir.resolve("empty");
        java.nio.file.Files.createDirectories(empty);
        robot.interact(() -> model.open(List.of(empty)));
        WaitForAsyncUtils.waitFor(
            30,
            TimeUnit.SECONDS,
            () -> !model.work().isRunning() && model.work().messageProperty().get().contains("goodput-sweep")
        );
        assertTrue(
            model.work().messageProperty().get().startsWith(empty + " holds no goodput-sweep report"),
            model.work().messageProperty().get()
        );
        assertEquals(null, model.resultProperty().get());
    }
}
