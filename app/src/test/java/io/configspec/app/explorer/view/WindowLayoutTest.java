package io.configspec.app.explorer.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Slider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The window at 1366 × 768 keeps every pane on screen whatever the recommendation texts say (item 1). */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {

    @RegisterExtension
    final ExplorerWindowFixture f = ExplorerWindowFixture.perTest();

    @Test
    void aSliderMoveThatChangesEveryRecommendationKeepsTheWhatIfPaneChartAndStatusBarOnScreen(FxRobot robot)
        throws Exception {
        f.loadPaper(robot);
        Slider slider = robot.lookup("#slider-verifySeconds").queryAs(Slider.class);
        // From 0.5 s to 3 s and to the minimum: K* moves on every device and every card changes.
        for (double position : new double[] { 1.0, 0.0 }) {
            robot.interact(() -> slider.setValue(position));
            f.settle();
        }
        assertTrue(!f.model().changes().isEmpty(), "the move produced what-moved lines");
        PaneBounds.assertAllInside(robot, f.window());
    }

    /**
     * The extra views (Fleet, Boards, QPART, …) get the centre's height at 1366 × 768: details
     * fold down to their tab strip while one is open, and open again on the chart (leftovers: the
     * Fleet tab cramped, the QPART tab's Build/Cancel row clipped).
     */
    @Test
    void anExtraViewGetsTheCentresHeightAndTheChartGetsItsDetailsBack(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        var views = f.window().viewTabs();
        var lower = f.window().lowerTabs();
        double chartHeight = views.getHeight();
        double detailsHeight = lower.getHeight();
        for (int tab = MainWindow.FIRST_EXTRA_VIEW; tab < views.getTabs().size(); tab++) {
            int index = tab;
            robot.interact(() -> views.getSelectionModel().select(index));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> f.window().layout());
            String name = views.getTabs().get(tab).getText();
            assertTrue(
                lower.getHeight() <= MainWindow.FOLDED_LOWER_HEIGHT + 1,
                name + ": details " + lower.getHeight() + " px high"
            );
            assertTrue(
                views.getHeight() >= chartHeight + detailsHeight - MainWindow.FOLDED_LOWER_HEIGHT - 2,
                name + ": " + views.getHeight() + " px high, the chart had " + chartHeight
            );
        }
        // The buttons that start the work of those views are on screen, whole.
        for (String[] button : new String[][] {
            { "Fleet", "#fleet-run" },
            { "Fleet", "#fleet-cancel" },
            { "QPART planner", "#qpart-build" },
        }) {
            robot.interact(() ->
                views
                    .getSelectionModel()
                    .select(
                        views
                            .getTabs()
                            .stream()
                            .filter(t -> t.getText().equals(button[0]))
                            .findFirst()
                            .orElseThrow()
                    )
            );
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> f.window().layout());
            javafx.scene.Node node = robot.lookup(button[1]).query();
            var b = node.localToScene(node.getLayoutBounds());
            var area = views.localToScene(views.getLayoutBounds());
            assertTrue(
                node.isVisible() && area.contains(b) && b.getMaxY() <= f.window().getHeight(),
                button[1] + " at " + b + " outside " + area
            );
        }
        robot.interact(() -> views.getSelectionModel().select(0));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> f.window().layout());
        assertTrue(Math.abs(lower.getHeight() - detailsHeight) < 2, "details back: " + lower.getHeight());
        PaneBounds.assertAllInside(robot, f.window());
    }
}
