package io.configspec.app.explorer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The Scenario tab says which K range is evaluated: the file's, or the one the what-if K sliders set. */
@ExtendWith(ApplicationExtension.class)
class ScenarioPaneTest {

    @Test
    void theKRangeLineFollowsTheKSliders(FxRobot robot) {
        ExplorerViewModel model = Samples.loaded(Samples.paperScenario());
        ScenarioPane[] pane = new ScenarioPane[1];
        robot.interact(() -> pane[0] = new ScenarioPane(model));
        Label line = (Label) pane[0].getContent().lookup("#scenario-k-range");
        assertEquals("K range: 2–10 (change it with the K sliders)", line.getText());

        // the view model's executor runs work inline here, so what-ifs are set off the FX thread
        model.whatIf().set("kMax", 6);
        assertEquals("K range: 2–6 (the K sliders; the scenario file says 2–10)", line.getText());

        model.whatIf().reset();
        assertEquals("K range: 2–10 (change it with the K sliders)", line.getText());
    }
}
