package io.configspec.app.explorer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.model.domain.DomainShare;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The Scenario tab's workload-mix sliders as a user drags them: the other shares follow while
 * dragging, the new mix is evaluated on release (the routed-set verdict changes), and every pane
 * stays inside the window at 1366 × 768.
 */
@ExtendWith(ApplicationExtension.class)
class WorkloadMixSlidersTest {

    @RegisterExtension
    final ExplorerWindowFixture f = ExplorerWindowFixture.perTest();

    private static double sum(List<DomainShare> mix) {
        return mix.stream().mapToDouble(DomainShare::weight).sum();
    }

    @Test
    void draggingTheMathsShareUpRescalesTheOthersAndReevaluates(FxRobot robot) throws Exception {
        f.load(robot, Samples.workloadMixScenario());
        List<String> verdicts = List.copyOf(f.model().routedVerdicts());
        robot.clickOn("Scenario");
        f.settle();
        Slider maths = robot.lookup("#scenario-mix-maths").queryAs(Slider.class);
        assertEquals(20, maths.getValue(), 1e-9);
        // The mix sits below the device, drafter, quantisation and target lists: scroll it into view.
        robot.interact(() -> {
            var pane = (javafx.scene.control.ScrollPane) robot.lookup(".scenario-pane").query();
            Bounds content = pane.getContent().getLayoutBounds();
            Bounds slider = pane.getContent().sceneToLocal(maths.localToScene(maths.getBoundsInLocal()));
            double room = content.getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(pane.getVmax() * Math.clamp((slider.getMinY() - 40) / room, 0, 1));
        });
        f.settle();

        // Drag the thumb from 20 % to about three quarters of the track.
        Bounds track = maths.localToScreen(maths.getBoundsInLocal());
        double y = track.getCenterY();
        double from =
            track.getMinX() + (track.getWidth() * (20 - maths.getMin())) / (maths.getMax() - maths.getMin());
        robot.moveTo(new javafx.geometry.Point2D(from, y)).press(MouseButton.PRIMARY);
        for (int step = 1; step <= 10; step++) {
            robot.moveTo(new javafx.geometry.Point2D(from + step * track.getWidth() * 0.05, y));
        }
        Label chatWhileDragging = robot.lookup("#scenario-mix-value-chat").queryAs(Label.class);
        String chatShown = chatWhileDragging.getText();
        robot.release(MouseButton.PRIMARY);
        f.settle();

        List<DomainShare> mix = f.model().loadedProperty().get().scenario().mix();
        assertEquals(List.of("code", "chat", "maths"), mix.stream().map(DomainShare::domain).toList());
        assertTrue(mix.get(2).weight() > 0.5, "maths dragged past half: " + mix);
        assertEquals(
            mix.get(0).weight(),
            mix.get(1).weight(),
            1e-9,
            "code and chat keep their 1:1 proportion"
        );
        assertEquals(1.0, sum(mix), 1e-9);
        assertNotEquals("40 %", chatShown, "the chat share followed the drag before the release");
        assertEquals(mix, f.model().getEvaluation().request().loaded().scenario().mix());
        assertNotEquals(verdicts, List.copyOf(f.model().routedVerdicts()));
        assertFalse(
            f.model().statusProperty().get().startsWith("Mix not applied"),
            f.model().statusProperty().get()
        );
        PaneBounds.assertAllInside(robot, f.window());
    }
}
