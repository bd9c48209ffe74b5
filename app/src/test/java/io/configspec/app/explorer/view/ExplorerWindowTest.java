package io.configspec.app.explorer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** What a new user met in the window (issue 19), one behaviour per test, at 1366 × 768. */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {

    @RegisterExtension
    final ExplorerWindowFixture f = ExplorerWindowFixture.perTest();

    /** The illustrative edge scenario: placeholder numbers, devices with memory, networks. */
    private void loadIllustrative(FxRobot robot) throws Exception {
        f.load(robot, Samples.illustrativeScenario());
    }

    private void settle() throws Exception {
        f.settle();
    }

    // ------------------------------------------------------------------ item 1

    @Test
    void everyPaneCanBeHiddenFromTheViewMenuAndResetLayoutBringsThemAllBack(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        robot.interact(() ->
            f
                .window()
                .paneToggles()
                .forEach(t -> t.setSelected(false))
        );
        assertTrue(
            robot
                .lookup("#what-if-pane")
                .tryQuery()
                .map(n -> n.getScene() == null)
                .orElse(true)
        );
        robot.interact(f.window()::resetLayout);
        WaitForAsyncUtils.waitForFxEvents();
        PaneBounds.assertAllInside(robot, f.window());
        assertTrue(f.window().paneToggles().stream().allMatch(CheckMenuItem::isSelected));
    }

    // ------------------------------------------------------------------ item 2

    @Test
    void oneRightArrowOnTheVerificationSliderMovesItOneStep(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        Slider slider = robot.lookup("#slider-verifySeconds").queryAs(Slider.class);
        double before = f.model().whatIf().slider("verifySeconds").value().get();
        robot.clickOn(slider);
        settle();
        double clicked = f.model().whatIf().slider("verifySeconds").value().get();
        robot.type(KeyCode.RIGHT);
        settle();
        double after = f.model().whatIf().slider("verifySeconds").value().get();
        assertTrue(
            after > clicked && after < clicked * 1.2,
            clicked + " s → " + after + " s (was " + before + ")"
        );
    }

    @Test
    void resetMovesTheThumbBackToTheValueTheDetailsUse(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        Slider slider = robot.lookup("#slider-verifySeconds").queryAs(Slider.class);
        double home = slider.getValue();
        robot.interact(() -> slider.setValue(0));
        settle();
        robot.clickOn("#reset-what-if");
        settle();
        assertEquals(home, slider.getValue(), 1e-9);
        TextField value = robot.lookup("#value-verifySeconds").queryAs(TextField.class);
        assertEquals("0.500", value.getText());
        assertEquals(0.5, f.model().detailsProperty().get().verifySeconds(), 1e-12);
    }

    @Test
    void anExactValueCanBeTypedBesideTheSlider(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        TextField value = robot.lookup("#value-verifySeconds").queryAs(TextField.class);
        robot.clickOn(value);
        robot.interact(() -> value.setText("0.237"));
        robot.interact(() -> value.fireEvent(new ActionEvent()));
        settle();
        assertEquals(0.237, f.model().whatIf().slider("verifySeconds").value().get(), 1e-12);
        assertEquals(0.237, f.model().detailsProperty().get().verifySeconds(), 1e-12);
        robot.interact(() -> value.setText("9"));
        robot.interact(() -> value.fireEvent(new ActionEvent()));
        assertTrue(value.getStyleClass().contains("invalid"));
        assertTrue(value.getTooltip().getText().contains("from 0.01 to 3 s"), value.getTooltip().getText());
        assertEquals(0.237, f.model().whatIf().slider("verifySeconds").value().get(), 1e-12);
    }

    // ------------------------------------------------------------------ item 6

    @Test
    void illustrativeNumbersRaiseABannerTheTitleSaysSoAndCardsShowTheirSources(FxRobot robot)
        throws Exception {
        loadIllustrative(robot);
        Node banner = robot.lookup("#illustrative-banner").query();
        assertTrue(banner.isVisible() && banner.isManaged());
        Label text = robot.lookup("#illustrative-text").queryAs(Label.class);
        assertTrue(text.getText().startsWith("○ Illustrative numbers: "), text.getText());
        assertTrue(f.stage().getTitle().contains("(illustrative numbers)"), f.stage().getTitle());
        Label sources = robot.lookup("#card-BEST_GOODPUT .card-provenance").queryAs(Label.class);
        assertTrue(sources.getText().contains("illustrative"), sources.getText());
    }

    // ------------------------------------------------------------------ item 8

    @Test
    void quantisationNamesKeepTheirUnderscoresInTheScenarioTab(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        robot.clickOn("Scenario");
        WaitForAsyncUtils.waitForFxEvents();
        CheckBox q80 = robot.lookup("#scenario-quantisations-q8_0").queryAs(CheckBox.class);
        Text shown = (Text) q80.lookup(".text");
        assertEquals("q8_0", shown.getText());
    }

    // ------------------------------------------------------------------ item 10

    @Test
    void theTableFilterPiFiveKFourListsOnlyPiFiveRows(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        robot.interact(() -> f.window().lowerTabs().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> f.window().tablePane().filterField().setText("pi 5 k=4"));
        WaitForAsyncUtils.waitForFxEvents();
        List<Integer> rows = new ArrayList<>(f.window().tablePane().table().getItems());
        assertFalse(rows.isEmpty());
        var e = f.model().getEvaluation();
        for (int row : rows) {
            assertEquals("raspberry-pi-5-paper", e.space().combination(row).device().id(), e.label(row));
            assertEquals(4, e.space().k(row));
        }
    }

    // ------------------------------------------------------------------ item 11

    @Test
    void theLibraryShowsReadableNamesAndUnitsNotJsonFieldNames(FxRobot robot) throws Exception {
        loadIllustrative(robot);
        var tree = f.window().libraryPane().tree();
        List<String> shown = new ArrayList<>();
        robot.interact(() -> {
            TreeItem<LibraryPane.Item> devices = tree.getRoot().getChildren().getFirst();
            TreeItem<LibraryPane.Item> first = devices.getChildren().getFirst();
            first.setExpanded(true);
            for (var f : first.getChildren()) {
                if (f.getValue() instanceof LibraryPane.Item.Field field) {
                    shown.add(FieldLabels.display(field.field().label(), field.field().value()));
                }
            }
        });
        assertTrue(
            shown.stream().anyMatch(s -> s.startsWith("memory = ") && s.endsWith(" GiB")),
            shown.toString()
        );
        assertTrue(shown.stream().noneMatch(s -> s.contains("memoryGiB")), shown.toString());
        assertTrue(
            f
                .model()
                .library()
                .entries()
                .stream()
                .noneMatch(e -> e.summary().contains("EMBEDDED_GPU")),
            "device kinds read as words"
        );
    }

    @Test
    void aRefusedImportIsOneLineWithTheWholeSentenceOnHover(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        f.importRefused(robot, f.writeRefusedNetwork("refused-network.json"));
        ListView<?> problems = robot.lookup("#library-problems").queryAs(ListView.class);
        var cell = robot
            .lookup("#library-problems .list-cell.problem")
            .queryAs(javafx.scene.control.ListCell.class);
        assertFalse(cell.isWrapText());
        assertEquals(f.model().library().problems().getFirst().message(), cell.getTooltip().getText());
        assertTrue(cell.getHeight() < 30, "one line, was " + cell.getHeight() + " px");
        assertEquals(1, problems.getItems().size());
    }

    // ------------------------------------------------------------------ item 14

    @Test
    void theHelpMenuOffersTheUserGuideAndAnAboutBox(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        Menu help = bar
            .getMenus()
            .stream()
            .filter(m -> m.getText().equals("Help"))
            .findFirst()
            .orElseThrow();
        List<String> items = help
            .getItems()
            .stream()
            .map(MenuItem::getText)
            .filter(t -> t != null)
            .toList();
        assertTrue(
            items.containsAll(List.of("User guide", "Keyboard shortcuts", "About ConfigSpec Explorer")),
            items.toString()
        );
        MenuItem guide = help.getItems().getFirst();
        robot.interact(guide::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Node page = robot.lookup("#user-guide").query();
        assertNotNull(page);
        assertTrue(page.getScene().getWindow().isShowing());
        // The page fits its window: paragraphs wrap and screenshots shrink, no line runs off the right.
        ExplorerWindowFixture.awaitFx(() -> !page.lookupAll(".guide-image").isEmpty());
        robot.interact(() -> page.getScene().getRoot().layout());
        double sceneWidth = page.getScene().getWidth();
        assertTrue(
            page.getLayoutBounds().getWidth() <= sceneWidth,
            page.getLayoutBounds() + " in " + sceneWidth
        );
        for (Node image : page.lookupAll(".guide-image")) {
            assertTrue(
                image.getLayoutBounds().getWidth() < sceneWidth,
                image.getLayoutBounds() + " in " + sceneWidth
            );
        }
        robot.interact(() -> ((Stage) page.getScene().getWindow()).close());
    }

    @Test
    void quittingWithUnsavedChangesAsksAndCancelKeepsTheWindowOpen(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        robot.interact(() -> f.model().whatIf().set("verifySeconds", 0.3));
        settle();
        assertTrue(f.workspace().changedProperty().get());
        Platform.runLater(f.window()::quit);
        ExplorerWindowFixture.awaitNode(robot, "#quit-dialog");
        var pane = robot.lookup("#quit-dialog").queryAs(javafx.scene.control.DialogPane.class);
        robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(QuitDialog.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(f.stage().isShowing());
        assertTrue(f.workspace().changedProperty().get());
    }

    @Test
    void quittingWithoutUnsavedChangesDoesNotAsk(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        assertFalse(f.workspace().changedProperty().get());
        robot.interact(f.window()::quit);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(f.stage().isShowing());
        assertTrue(robot.lookup("#quit-dialog").tryQuery().isEmpty());
    }

    // ------------------------------------------------------------------ item 2, a short drag

    /** A short drag of the T_v thumb moves T_v a little, not to the minimum. */
    @Test
    void aShortDragOfTheThumbMovesTheValueALittleNotToTheMinimum(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        var tv = f.model().whatIf().slider("verifySeconds");
        double before = tv.value().get();
        Node thumb = robot.lookup("#slider-verifySeconds .thumb").query();
        robot.drag(thumb).moveBy(-20, 0).drop();
        settle();
        double after = tv.value().get();
        assertTrue(after < before, before + " s → " + after + " s");
        assertTrue(after > 2 * tv.min() && after > before / 3, before + " s → " + after + " s");
        assertEquals(
            after,
            f.model().getEvaluation().request().whatIf().verifySeconds().orElseThrow(),
            1e-12
        );
    }

    // ------------------------------------------------------------------ K sliders: the measured K

    /**
     * The paper scenario's acceptance was measured for K 2–10 only: the K-to thumb dragged to the
     * end of its travel is K = 10 (it used to show 16 while the chart kept K 2–10 and the status
     * line refused), the chart is evaluated at it, and the note under the sliders says where the
     * range comes from.
     */
    @Test
    void theKToThumbAtTheEndOfItsTravelIsTheLastMeasuredKAndTheNoteSaysWhy(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        robot.interact(() -> f.model().whatIf().set("kMax", 5));
        settle();
        Node thumb = robot.lookup("#slider-kMax .thumb").query();
        robot.drag(thumb).moveBy(600, 0).drop();
        settle();
        assertEquals(10, f.model().whatIf().slider("kMax").value().get(), 0);
        assertEquals("10", robot.lookup("#value-kMax").queryAs(TextField.class).getText());
        var space = f.model().getEvaluation().space();
        assertEquals(10, space.kMin() + space.kCount() - 1);
        Label note = robot.lookup("#what-if-k-range").queryAs(Label.class);
        assertTrue(note.isVisible());
        assertTrue(
            note.getText().startsWith("K 2–10 tokens: the range acceptance α(K) was measured over"),
            note.getText()
        );
    }

    // ------------------------------------------------------------------ leftover: network sliders

    /**
     * The paper scenario has no network time: no round-trip or bandwidth sliders (a note says
     * why); a scenario with a network shows them, and moving one changes its evaluation.
     */
    @Test
    void networkSlidersAreShownOnlyForAScenarioWithANetwork(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        for (String key : io.configspec.app.explorer.viewmodel.WhatIfViewModel.NETWORK_KEYS) {
            Slider slider = robot.lookup("#slider-" + key).queryAs(Slider.class);
            assertFalse(slider.isVisible() || slider.isManaged(), key + " shown for the paper scenario");
            assertFalse(robot.lookup("#what-if-line-" + key).query().isVisible(), key);
        }
        assertTrue(robot.lookup("#what-if-no-network").query().isVisible());
        assertTrue(robot.lookup("#slider-verifySeconds").query().isVisible());
        loadIllustrative(robot);
        for (String key : io.configspec.app.explorer.viewmodel.WhatIfViewModel.NETWORK_KEYS) {
            assertTrue(robot.lookup("#slider-" + key).query().isVisible(), key);
        }
        assertFalse(robot.lookup("#what-if-no-network").query().isVisible());
        robot.interact(() -> f.model().whatIf().set("rttSeconds", 0.2));
        settle();
        assertEquals(0.2, f.model().getEvaluation().request().whatIf().rttSeconds().orElseThrow(), 1e-12);
    }

    // ------------------------------------------------------------------ item 14, Ctrl+Q

    /** Ctrl+Q (File › Quit's shortcut) with unsaved changes asks before closing the window. */
    @Test
    void ctrlQWithUnsavedChangesAsks(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        robot.interact(() -> f.model().whatIf().set("verifySeconds", 0.3));
        settle();
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        MenuItem quit = bar
            .getMenus()
            .getFirst()
            .getItems()
            .stream()
            .filter(i -> "Quit".equals(i.getText()))
            .findFirst()
            .orElseThrow();
        assertEquals(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Q"), quit.getAccelerator());
        robot.clickOn("#status");
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        ExplorerWindowFixture.awaitNode(robot, "#quit-dialog");
        var pane = robot.lookup("#quit-dialog").queryAs(javafx.scene.control.DialogPane.class);
        robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(QuitDialog.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(f.stage().isShowing());
    }

    // ------------------------------------------------------------------ item 11, texts in view

    /** Card texts are one line each, cut with "…" at 1366 × 768, the whole text on hover. */
    @Test
    void cardTextsEllipsizeOnOneLineWithTheWholeTextOnHover(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        List<Label> lines = new ArrayList<>();
        robot.interact(() ->
            robot
                .lookup("#recommendations .card")
                .queryAll()
                .forEach(card -> card.lookupAll(".label").forEach(n -> lines.add((Label) n)))
        );
        assertTrue(lines.size() >= 16, "four cards of four lines, was " + lines.size());
        boolean anyCut = false;
        for (Label line : lines) {
            assertFalse(line.isWrapText(), line.getText());
            assertEquals(javafx.scene.control.OverrunStyle.ELLIPSIS, line.getTextOverrun(), line.getText());
            assertNotNull(line.getTooltip(), line.getText());
            assertTrue(
                line.getTooltip().getText().contains(line.getText()) ||
                    line.getStyleClass().contains("card-provenance"),
                line.getText()
            );
            Text shown = (Text) line.lookup(".text");
            if (!shown.getText().equals(line.getText())) {
                anyCut = true;
                assertTrue(shown.getText().endsWith(line.getEllipsisString()), shown.getText());
            }
            assertTrue(line.getHeight() < 24, line.getText() + ": " + line.getHeight() + " px");
        }
        assertTrue(anyCut, "the paper's long model names are cut at 1366 × 768");
    }

    /** "Where the numbers come from" is in view in the details pane without scrolling. */
    @Test
    void theDetailsShowWhereTheNumbersComeFromWithoutScrolling(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        ExplorerWindowFixture.awaitFx(() -> f.model().detailsProperty().get() != null);
        robot.interact(() -> f.window().layout());
        Node sources = robot.lookup("#details-provenance").query();
        Node pane = robot.lookup("#details-pane").query();
        var s = sources.localToScene(sources.getLayoutBounds());
        var viewport = pane.localToScene(pane.getLayoutBounds());
        assertEquals(0, ((javafx.scene.control.ScrollPane) pane).getVvalue(), 0.0);
        assertTrue(
            s.getMinY() >= viewport.getMinY() && s.getMinY() + 40 <= viewport.getMaxY(),
            "sources at y " +
                s.getMinY() +
                ", details show y " +
                viewport.getMinY() +
                "–" +
                viewport.getMaxY()
        );
    }
}
