package io.configspec.app.explorer.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.BackgroundTaskExecutor;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Fleet view under the headless platform: press Run, see three policies' curves and capacities. */
@ExtendWith(ApplicationExtension.class)
class FleetPaneTest {

    private BackgroundTaskExecutor executor;
    private FleetPane pane;

    @Start
    void start(Stage stage) {
        executor = new BackgroundTaskExecutor(1);
        FleetViewModel model = new FleetViewModel(executor);
        model.loadScenario(Samples.root().resolve("scenarios/fleet.json"));
        model.settings().maxDevices().set(30);
        model.settings().durationSeconds().set(15);
        pane = new FleetPane(model, stage, Samples.root().getParent());
        stage.setScene(new Scene(pane, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void runDrawsEveryPolicyAndReportsCapacities(FxRobot robot) throws Exception {
        robot.clickOn("#fleet-run");
        WaitForAsyncUtils.waitFor(
            120,
            TimeUnit.SECONDS,
            () ->
                pane.model().work().progressProperty().get() >= 1.0 &&
                !pane.model().work().runningProperty().get()
        );
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, pane.goodputChart().getData().size());
        pane
            .goodputChart()
            .getData()
            .forEach(s -> assertTrue(!s.getData().isEmpty(), s.getName()));
        assertEquals(3, pane.capacityChart().getData().getFirst().getData().size());
        Label status = robot.lookup("#fleet-status").queryAs(Label.class);
        assertTrue(status.getText().startsWith("Capacity"), status.getText());
    }

    @Test
    void theComparisonTableKeepsEachRowOnOneLineInANarrowPane(FxRobot robot) throws Exception {
        // The chart column at 1366 × 768 is narrower than the fleet-report table's rows.
        robot.interact(() -> pane.getScene().getWindow().setWidth(900));
        robot.clickOn("#fleet-run");
        WaitForAsyncUtils.waitFor(
            120,
            TimeUnit.SECONDS,
            () ->
                !pane.model().comparisonProperty().get().isEmpty() &&
                !pane.model().work().runningProperty().get()
        );
        WaitForAsyncUtils.waitForFxEvents();
        Label table = robot.lookup("#fleet-comparison-table").queryAs(Label.class);
        javafx.scene.control.ScrollPane scroll = robot
            .lookup("#fleet-comparison-scroll")
            .queryAs(javafx.scene.control.ScrollPane.class);
        assertTrue(table.getText().contains("WISP / SLED"), table.getText());
        assertTrue(
            scroll.getViewportBounds().getWidth() < table.prefWidth(-1),
            "the test needs a pane narrower than the table: " + scroll.getViewportBounds()
        );
        // Shown at its full width (scrolled sideways), so no row is wrapped or cut with "…", and
        // at its full height above the scroll bar, so the last row is not hidden under it.
        assertEquals(table.prefWidth(-1), table.getWidth(), 0.5);
        assertTrue(
            table.getHeight() <= scroll.getViewportBounds().getHeight() + 0.5,
            table.getHeight() + " px of rows in a " + scroll.getViewportBounds().getHeight() + " px viewport"
        );
        javafx.scene.text.Text oneLine = new javafx.scene.text.Text("x");
        oneLine.setFont(table.getFont());
        long rows = table.getText().lines().count();
        assertTrue(
            table.getHeight() < (rows + 0.5) * oneLine.getLayoutBounds().getHeight(),
            rows + " rows in " + table.getHeight() + " px"
        );
        Label paper = robot.lookup("#fleet-comparison-paper").queryAs(Label.class);
        assertTrue(paper.getText().contains("170.82 against 326.12 tokens/s"), paper.getText());
        assertTrue(paper.isWrapText());
    }

    @Test
    void sensitivityPlotsTheCapacityRatiosOfTheChosenSetting(FxRobot robot) throws Exception {
        robot.interact(() -> {
            pane.model().settings().maxDevices().set(12);
            pane.model().settings().durationSeconds().set(10);
            robot.lookup("#fleet-sensitivity-run").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(
            180,
            TimeUnit.SECONDS,
            () -> !pane.model().sensitivity().isEmpty() && !pane.model().work().runningProperty().get()
        );
        WaitForAsyncUtils.waitForFxEvents();
        var chart = pane.sensitivityChart();
        assertEquals(4, chart.getData().size());
        // the SLO is shown first: one point per SLO value for every ratio that is defined
        assertTrue(chart.getData().getLast().getData().size() == 2, "the 2× reference line");
        robot.interact(() ->
            pane
                .model()
                .sensitivityKnobProperty()
                .set(io.configspec.model.fleet.FleetSensitivity.Knob.BATCH_LIMIT)
        );
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.getXAxis().getLabel().startsWith("batch limit"), chart.getXAxis().getLabel());
        Label summary = robot.lookup("#fleet-sensitivity-summary").queryAs(Label.class);
        assertTrue(summary.getText().contains("SLED below centralised"), summary.getText());
    }

    @Test
    void theSampleListOffersTheWispPapersSettingAndLoadsIt(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<java.nio.file.Path> samples = robot
            .lookup("#fleet-samples")
            .queryAs(javafx.scene.control.ComboBox.class);
        var names = samples
            .getItems()
            .stream()
            .map(p -> p.getFileName().toString())
            .toList();
        assertTrue(names.contains("fleet.json") && names.contains("wisp-paper.json"), names.toString());
        robot.interact(() ->
            samples.setValue(
                samples
                    .getItems()
                    .stream()
                    .filter(p -> p.getFileName().toString().equals("wisp-paper.json"))
                    .findFirst()
                    .orElseThrow()
            )
        );
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.model().scenarioNameProperty().get().contains("WISP paper"));
        assertEquals(200, pane.model().settings().sloMillis().get(), 1e-9);
    }
}
