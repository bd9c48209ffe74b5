package io.configspec.app.explorer.view;

import io.configspec.app.explorer.ExplorerContext;
import io.configspec.app.explorer.ExplorerView;
import io.configspec.app.explorer.ExplorerViews;
import io.configspec.app.explorer.chart.ChartTheme;
import io.configspec.app.explorer.export.ChartExportActions;
import io.configspec.app.explorer.export.ReportExportDialog;
import io.configspec.app.explorer.export.ServingExportActions;
import io.configspec.app.explorer.viewmodel.ConfigurationExport;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.WorkspaceViewModel;
import io.configspec.app.explorer.workspace.WorkspaceStore;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The explorer's main window: library and scenario (left), the Pareto chart, the three-objective
 * view and any extra views (centre top), details and the table (centre bottom), recommendations
 * and what-if sliders (right), a status line. Menus and shortcuts for the common actions.
 */
public final class MainWindow extends BorderPane {

    public static final String LIGHT_CSS = MainWindow.class.getResource(
        "/io/configspec/app/explorer/explorer.css"
    ).toExternalForm();
    public static final String DARK_CSS = MainWindow.class.getResource(
        "/io/configspec/app/explorer/explorer-dark.css"
    ).toExternalForm();

    private final ExplorerViewModel model;
    private final WorkspaceViewModel workspace;
    private final Stage stage;
    private final ChartPane chartPane;
    private ObjectivesPane objectivesPane;
    private final DetailsPane detailsPane;
    private ConfigurationTable tablePane;
    private final LibraryPane libraryPane;
    private final WhatIfPane whatIfPane;
    private final TabPane views = new TabPane();
    private final TabPane lower = new TabPane();
    private final SplitPane main = new SplitPane();
    private final SplitPane centre = new SplitPane();
    private final VBox banner = new VBox();
    private final IllustrativeBanner illustrativeBanner;
    private final TabPane left;
    private final BorderPane centreWithCards;
    private final RecommendationsPane recommendationsPane;
    private final ScrollPane rightScroll;
    private final CheckMenuItem showLeft = new CheckMenuItem("Library and scenario");
    private final CheckMenuItem showCards = new CheckMenuItem("Recommendations");
    private final CheckMenuItem showRight = new CheckMenuItem("What-if sliders");
    private final CheckMenuItem showLower = new CheckMenuItem("Details and table");

    /** Default divider positions (library | centre | what-if; chart / details). */
    static final double[] MAIN_DIVIDERS = { 0.18, 0.775 };
    static final double CENTRE_DIVIDER = 0.6;
    /** Least widths, px, below which a pane stops being usable; the window never squeezes them further. */
    static final double LEFT_MIN_WIDTH = 200;
    static final double CENTRE_MIN_WIDTH = 420;
    static final double RIGHT_MIN_WIDTH = 230;
    /** The chart / details divider the user had before an extra view folded the details away. */
    private double chartDivider = CENTRE_DIVIDER;
    private boolean lowerFolded;
    private final Menu recentMenu = new Menu("Open recent");
    private final PauseTransition autosaveDelay = new PauseTransition(Duration.seconds(1.5));

    public MainWindow(ExplorerViewModel model, WorkspaceViewModel workspace, Stage stage, Path home) {
        this.model = model;
        this.workspace = workspace;
        this.stage = stage;
        getStyleClass().add("main-window");
        chartPane = new ChartPane(model);
        detailsPane = new DetailsPane(model);
        libraryPane = new LibraryPane(model.library(), this::importProfiles, files ->
            ImportPreviewDialog.open(model, stage, files)
        );
        whatIfPane = new WhatIfPane(model.whatIf());

        left = new TabPane(tab("Library", libraryPane), tab("Scenario", new ScenarioPane(model)));
        left.setId("left-tabs");
        // Explicit least widths: a pane's content (a long line of text) can never push the others
        // off the window, whatever it asks for (issue 19, item 1).
        left.setMinWidth(LEFT_MIN_WIDTH);

        views.setId("views");
        // Tabs not shown at start are built when first opened (start-up time).
        Tab objectivesTab = tab("Three objectives", null);
        lazy(objectivesTab, this::objectivesPane);
        views.getTabs().addAll(tab("Pareto chart", chartPane), objectivesTab);
        ExplorerContext context = new ExplorerContext(model, model.executor(), stage, home);
        for (ExplorerView view : ExplorerViews.all()) {
            // Built when its tab is first opened: start-up time, and no background work
            // (connections, simulations) before the user asks for the view.
            Tab tab = addView(view.title(), null);
            lazy(tab, () -> view.createContent(context));
        }
        views.getSelectionModel().selectFirst();
        lower.setId("lower-tabs");
        Tab tableTab = tab("Configurations", null);
        lazy(tableTab, this::tablePane);
        lower.getTabs().addAll(tab("Details", detailsPane), tableTab);
        centre.setOrientation(Orientation.VERTICAL);
        centre.getItems().addAll(views, lower);
        centre.setDividerPositions(CENTRE_DIVIDER);
        // Details and the table follow the chart's selection. While an extra view (Fleet, Boards,
        // QPART, …) is open they fold down to their tab strip and give that view the height it
        // needs at 1366 × 768; back on the chart they open again as the user left them.
        lower.setMinHeight(0);
        views
            .getSelectionModel()
            .selectedIndexProperty()
            .addListener((o, a, b) -> foldLowerFor(b.intValue()));
        centre.setMinWidth(0);
        views.setMinWidth(0);
        lower.setMinWidth(0);
        centreWithCards = new BorderPane(centre);
        centreWithCards.setId("centre");
        centreWithCards.setMinWidth(CENTRE_MIN_WIDTH);
        recommendationsPane = new RecommendationsPane(model);
        centreWithCards.setTop(recommendationsPane);

        VBox right = new VBox(10, whatIfPane);
        right.setPadding(new Insets(6, 10, 6, 6));
        rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setId("right-pane");
        rightScroll.setMinWidth(RIGHT_MIN_WIDTH);
        rightScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        main.getItems().addAll(left, centreWithCards, rightScroll);
        main.setDividerPositions(MAIN_DIVIDERS);
        main.setMinWidth(0);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(rightScroll, false);

        banner.setId("recovery-banner");
        illustrativeBanner = new IllustrativeBanner(model);
        setTop(new VBox(menuBar(), banner, illustrativeBanner));
        setCenter(main);
        setBottom(statusBar());
        ChartExportActions.install(this, model.executor(), model::showStatus); // right-click a chart: PNG/SVG

        model
            .viewSettings()
            .darkTheme()
            .addListener((o, a, b) -> applyTheme());
        sceneProperty().addListener((o, a, b) -> applyTheme());
        autosaveDelay.setOnFinished(e -> workspace.autosaveNow());
        workspace.setAutosaveRequest(autosaveDelay::playFromStart);
        workspace.setLayout(windowLayout());
        workspace.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        workspace.changedProperty().addListener((o, a, b) -> updateTitle());
        workspace.fileProperty().addListener((o, a, b) -> updateTitle());
        model.loadedProperty().addListener((o, a, b) -> updateTitle());
        illustrativeBanner.activeProperty().addListener((o, a, b) -> updateTitle());
        stage.setOnCloseRequest(e -> {
            if (!confirmQuit()) {
                e.consume();
            }
        });
        updateTitle();
    }

    /** Stops timers (the pending autosave); the application calls it when it stops. */
    public void dispose() {
        autosaveDelay.stop();
        workspace.setAutosaveRequest(null);
    }

    private static void lazy(Tab tab, java.util.function.Supplier<Node> content) {
        tab
            .selectedProperty()
            .addListener((o, was, now) -> {
                if (now && tab.getContent() == null) {
                    tab.setContent(content.get());
                }
            });
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    /** Adds an extra view as a tab beside the chart (see {@link ExplorerViews}). */
    public Tab addView(String title, Node content) {
        Tab tab = tab(title, content);
        views.getTabs().add(tab);
        return tab;
    }

    public ChartPane chartPane() {
        return chartPane;
    }

    /** The three-objective view, built on first use. */
    public ObjectivesPane objectivesPane() {
        if (objectivesPane == null) {
            objectivesPane = new ObjectivesPane(model);
            applyTheme();
        }
        return objectivesPane;
    }

    public DetailsPane detailsPane() {
        return detailsPane;
    }

    /** The table, built on first use. */
    public ConfigurationTable tablePane() {
        if (tablePane == null) {
            tablePane = new ConfigurationTable(model);
        }
        return tablePane;
    }

    /** The tabs under the chart: details, configurations. */
    public TabPane lowerTabs() {
        return lower;
    }

    /** The tabs of the centre: Pareto chart, three objectives, then the extra views. */
    public TabPane viewTabs() {
        return views;
    }

    public LibraryPane libraryPane() {
        return libraryPane;
    }

    // ------------------------------------------------------------------ menus

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        file
            .getItems()
            .addAll(
                item("Open scenario…", "Shortcut+O", this::openScenario),
                item("Open workspace…", "Shortcut+Shift+O", this::openWorkspace),
                recentMenu,
                new SeparatorMenuItem(),
                item("Save workspace", "Shortcut+S", this::saveWorkspace),
                item("Save workspace as…", null, this::saveWorkspaceAs),
                new SeparatorMenuItem(),
                item("Import profiles…", "Shortcut+I", this::importProfiles),
                item("Save edited profiles", "Shortcut+Shift+S", () ->
                    model
                        .library()
                        .save()
                        .exceptionally(e -> {
                            model
                                .executor()
                                .runOnUi(() -> model.showStatus("Profiles not saved: " + e.getMessage()));
                            return null;
                        })
                ),
                new SeparatorMenuItem(),
                item("Export selected configuration…", "Shortcut+E", () ->
                    exportConfigurations(ConfigurationExport.Scope.SELECTED)
                ),
                item("Export recommended configurations…", "Shortcut+Shift+E", () ->
                    exportConfigurations(ConfigurationExport.Scope.RECOMMENDED)
                ),
                item("Export Pareto front…", null, () ->
                    exportConfigurations(ConfigurationExport.Scope.FRONT)
                ),
                item("Export all configurations…", null, () ->
                    exportConfigurations(ConfigurationExport.Scope.ALL)
                ),
                item(ServingExportActions.TITLE, "Shortcut+Alt+E", () ->
                    ServingExportActions.open(model, model.selectedRowProperty().get(), stage)
                ),
                item("Export chart as PNG or SVG…", "Shortcut+P", this::exportChart),
                item(ReportExportDialog.TITLE, "Shortcut+Alt+R", () ->
                    ReportExportDialog.chooseAndExport(model, stage)
                ),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", this::quit)
            );
        Menu edit = new Menu("Edit");
        MenuItem undo = item("Undo profile edit", "Shortcut+Z", () -> model.library().undo());
        undo
            .disableProperty()
            .bind(
                model
                    .library()
                    .editStateProperty()
                    .map(s -> !s.canUndo())
            );
        MenuItem redo = item("Redo profile edit", "Shortcut+Y", () -> model.library().redo());
        redo
            .disableProperty()
            .bind(
                model
                    .library()
                    .editStateProperty()
                    .map(s -> !s.canRedo())
            );
        edit
            .getItems()
            .addAll(
                undo,
                redo,
                new SeparatorMenuItem(),
                item("Reset what-ifs", "Shortcut+R", () -> model.whatIf().reset())
            );
        Menu view = new Menu("View");
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        dark.selectedProperty().bindBidirectional(model.viewSettings().darkTheme());
        CheckMenuItem paretoOnly = new CheckMenuItem("Table: Pareto only");
        paretoOnly.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        paretoOnly.selectedProperty().bindBidirectional(model.viewSettings().paretoOnly());
        view
            .getItems()
            .addAll(
                item("Reset chart view", "Shortcut+0", () -> chartPane.chart().resetView()),
                item("Zoom in", "Shortcut+EQUALS", () -> chartPane.chart().zoom(0.8)),
                item("Zoom out", "Shortcut+MINUS", () -> chartPane.chart().zoom(1.25)),
                new SeparatorMenuItem(),
                item("Pareto chart", "Shortcut+1", () -> views.getSelectionModel().select(0)),
                item("Three objectives", "Shortcut+2", () -> views.getSelectionModel().select(1)),
                item("Details", "Shortcut+3", () -> lower.getSelectionModel().select(0)),
                item("Configurations table", "Shortcut+4", () -> lower.getSelectionModel().select(1))
            );
        // The extra views (Fleet, Boards, …) follow as Ctrl+5, Ctrl+6, …
        for (int i = 2; i < views.getTabs().size(); i++) {
            int index = i;
            String accelerator = i + 3 <= 9 ? "Shortcut+" + (i + 3) : null;
            view
                .getItems()
                .add(
                    item(views.getTabs().get(i).getText(), accelerator, () ->
                        views.getSelectionModel().select(index)
                    )
                );
        }
        view
            .getItems()
            .addAll(
                new SeparatorMenuItem(),
                showLeft,
                showCards,
                showRight,
                showLower,
                item("Reset layout", "Shortcut+Shift+L", this::resetLayout),
                new SeparatorMenuItem(),
                paretoOnly,
                dark
            );
        for (CheckMenuItem pane : List.of(showLeft, showCards, showRight, showLower)) {
            pane.setSelected(true);
            pane.selectedProperty().addListener((o, a, b) -> applyPaneVisibility());
        }
        showLeft.setId("view-show-left");
        showCards.setId("view-show-cards");
        showRight.setId("view-show-right");
        showLower.setId("view-show-lower");
        Menu help = new Menu("Help");
        help
            .getItems()
            .addAll(
                item("User guide", "F1", this::showUserGuide),
                item("Keyboard shortcuts", "Shift+F1", this::showShortcuts),
                new SeparatorMenuItem(),
                item("About ConfigSpec Explorer", null, this::showAbout)
            );
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void showShortcuts() {
        model.showStatus(
            "Ctrl+O scenario · Ctrl+S save workspace · Ctrl+I import · Ctrl+Z/Y undo/redo · Ctrl+R reset what-ifs · Ctrl+0 reset zoom · Ctrl+E export · Ctrl+Alt+E for serving · Ctrl+Alt+R report · Ctrl+P chart PNG/SVG · Ctrl+T theme · Ctrl+1–4 views"
        );
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : workspace.recentFiles()) {
            recentMenu.getItems().add(item(p.getFileName().toString(), null, () -> workspace.open(p)));
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.setMinWidth(0);
        status.setMnemonicParsing(false);
        status
            .textProperty()
            .addListener((o, a, b) ->
                status.setTooltip(b == null || b.isEmpty() ? null : new javafx.scene.control.Tooltip(b))
            );
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.busyProperty());
        Label units = new Label("Provenance: ● measured  ◆ literature  ○ illustrative");
        units.getStyleClass().add("hint");
        units.setMinWidth(Region.USE_PREF_SIZE);
        units.setId("status-provenance");
        HBox bar = new HBox(8, status, units, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        bar.setId("status-bar");
        return bar;
    }

    private void applyTheme() {
        Scene scene = getScene();
        boolean dark = model.viewSettings().darkTheme().get();
        if (scene != null) {
            scene.getStylesheets().setAll(dark ? List.of(LIGHT_CSS, DARK_CSS) : List.of(LIGHT_CSS));
        }
        ChartTheme theme = dark ? ChartTheme.DARK : ChartTheme.LIGHT;
        chartPane.chart().themeProperty().set(theme);
        if (objectivesPane != null) {
            for (int i = 0; i < 3; i++) objectivesPane.chart(i).themeProperty().set(theme);
        }
    }

    private void updateTitle() {
        var loaded = model.loadedProperty().get();
        Path file = workspace.fileProperty().get();
        String name = file != null
            ? file.getFileName().toString()
            : loaded != null
                ? loaded.scenario().name()
                : "no scenario";
        // A scenario named after a paper must not look like the paper's results while its numbers
        // are placeholders (issue 19, item 6).
        String illustrative = illustrativeBanner.activeProperty().get() ? " (illustrative numbers)" : "";
        stage.setTitle(
            (workspace.changedProperty().get() ? "• " : "") + name + illustrative + " — ConfigSpec Explorer"
        );
    }

    // ------------------------------------------------------------------ layout

    /** Shows or hides the panes as the View menu's toggles say; a hidden pane's space goes to the chart. */
    private void applyPaneVisibility() {
        List<Node> items = new ArrayList<>();
        if (showLeft.isSelected()) items.add(left);
        items.add(centreWithCards);
        if (showRight.isSelected()) items.add(rightScroll);
        if (!main.getItems().equals(items)) {
            main.getItems().setAll(items);
            if (items.size() == 3) {
                main.setDividerPositions(MAIN_DIVIDERS);
            } else if (items.size() == 2) {
                main.setDividerPositions(items.get(0) == left ? MAIN_DIVIDERS[0] : MAIN_DIVIDERS[1]);
            }
        }
        recommendationsPane.setVisible(showCards.isSelected());
        recommendationsPane.setManaged(showCards.isSelected());
        List<Node> vertical = showLower.isSelected() ? List.of(views, lower) : List.of(views);
        if (!centre.getItems().equals(vertical)) {
            centre.getItems().setAll(vertical);
            if (vertical.size() == 2) {
                centre.setDividerPositions(chartDivider);
                lowerFolded = false;
                foldLowerFor(views.getSelectionModel().getSelectedIndex());
            }
        }
    }

    /** Every pane shown again, at its default size (View › Reset layout). */
    public void resetLayout() {
        for (CheckMenuItem pane : List.of(showLeft, showCards, showRight, showLower)) pane.setSelected(true);
        applyPaneVisibility();
        main.setDividerPositions(MAIN_DIVIDERS);
        centre.setDividerPositions(CENTRE_DIVIDER);
        chartDivider = CENTRE_DIVIDER;
        lowerFolded = false;
        foldLowerFor(views.getSelectionModel().getSelectedIndex());
    }

    /** Index of the first extra view among the centre tabs (after the chart and three objectives). */
    static final int FIRST_EXTRA_VIEW = 2;
    /** Height, px, left to the details' tab strip while an extra view is open. */
    static final double FOLDED_LOWER_HEIGHT = 34;

    /** Folds the details down to their tab strip for an extra view; opens them again for the charts. */
    private void foldLowerFor(int tab) {
        boolean fold = tab >= FIRST_EXTRA_VIEW;
        if (fold == lowerFolded || centre.getItems().size() != 2) {
            return;
        }
        if (fold) {
            chartDivider = centre.getDividerPositions()[0];
            double height = centre.getHeight();
            centre.setDividerPositions(
                height > 4 * FOLDED_LOWER_HEIGHT ? 1 - FOLDED_LOWER_HEIGHT / height : 0.95
            );
        } else {
            centre.setDividerPositions(chartDivider);
        }
        lowerFolded = fold;
    }

    /** The View menu's pane toggles, for tests: left, recommendations, what-if, details. */
    List<CheckMenuItem> paneToggles() {
        return List.of(showLeft, showCards, showRight, showLower);
    }

    // ------------------------------------------------------------------ help and quit

    private void showUserGuide() {
        UserGuideWindow.show(stage, model.viewSettings().darkTheme().get());
    }

    private void showAbout() {
        AboutBox.show(stage);
    }

    /** File › Quit: asks first when there are unsaved changes. */
    public void quit() {
        if (confirmQuit()) {
            stage.close();
        }
    }

    /**
     * Whether the window may close: yes without unsaved changes; otherwise the user chooses to save
     * the workspace (then close), quit without saving (the autosave is kept for the next start) or
     * stay.
     */
    boolean confirmQuit() {
        if (!workspace.changedProperty().get()) {
            return true;
        }
        return switch (QuitDialog.ask(stage)) {
            case SAVE -> {
                saveWorkspace();
                yield !workspace.changedProperty().get();
            }
            case DISCARD -> {
                workspace.abandonChanges();
                yield true;
            }
            case CANCEL -> false;
        };
    }

    private WorkspaceViewModel.Layout windowLayout() {
        return new WorkspaceViewModel.Layout() {
            @Override
            public List<Double> window() {
                return List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }

            @Override
            public List<Double> dividers() {
                List<Double> out = new ArrayList<>();
                for (double d : main.getDividerPositions()) out.add(d);
                if (lowerFolded) out.add(chartDivider);
                else for (double d : centre.getDividerPositions()) out.add(d);
                return out;
            }

            @Override
            public void apply(List<Double> window, List<Double> dividers) {
                if (window.size() == 4 && window.get(2) > 200 && window.get(3) > 200) {
                    stage.setX(window.get(0));
                    stage.setY(window.get(1));
                    stage.setWidth(window.get(2));
                    stage.setHeight(window.get(3));
                }
                if (dividers.size() == 3 && main.getItems().size() == 3 && centre.getItems().size() == 2) {
                    main.setDividerPositions(dividers.get(0), dividers.get(1));
                    chartDivider = dividers.get(2);
                    if (!lowerFolded) centre.setDividerPositions(chartDivider);
                }
            }
        };
    }

    // ------------------------------------------------------------------ recovery

    /** Offers recovered work in a banner above the window's content. */
    public void offerRecovery(WorkspaceStore.Recovery recovery, Runnable otherwise) {
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault())
            .format(recovery.savedAt());
        Label text = new Label(
            "Unsaved work from " + when + " was found (the explorer was closed before it was saved)."
        );
        text.setWrapText(true);
        Button restore = new Button("Restore");
        restore.setId("recovery-restore");
        restore.setDefaultButton(true);
        Button discard = new Button("Discard");
        discard.setId("recovery-discard");
        HBox box = new HBox(10, text, restore, discard);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 10, 6, 10));
        box.getStyleClass().add("recovery-banner");
        HBox.setHgrow(text, Priority.ALWAYS);
        banner.getChildren().setAll(box);
        restore.setOnAction(e -> {
            banner.getChildren().clear();
            workspace.recover(recovery);
        });
        discard.setOnAction(e -> {
            banner.getChildren().clear();
            workspace.discardRecovery();
            otherwise.run();
        });
    }

    // ------------------------------------------------------------------ file actions

    private FileChooser chooser(String title, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        var loaded = model.loadedProperty().get();
        if (loaded != null && loaded.file().toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(loaded.file().toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }

    private void openScenario() {
        File f = chooser("Open scenario", "Scenario files", "*.json").showOpenDialog(stage);
        if (f != null) model.loadScenario(f.toPath());
    }

    private void openWorkspace() {
        File f = chooser(
            "Open workspace",
            "ConfigSpec workspaces",
            "*" + WorkspaceStore.EXTENSION
        ).showOpenDialog(stage);
        if (f != null) workspace.open(f.toPath());
    }

    private void saveWorkspace() {
        Path file = workspace.fileProperty().get();
        if (file == null) saveWorkspaceAs();
        else workspace.save(file);
    }

    private void saveWorkspaceAs() {
        File f = chooser(
            "Save workspace",
            "ConfigSpec workspaces",
            "*" + WorkspaceStore.EXTENSION
        ).showSaveDialog(stage);
        if (f != null) {
            Path p = f.toPath();
            if (!p.getFileName().toString().endsWith(WorkspaceStore.EXTENSION)) {
                p = p.resolveSibling(p.getFileName() + WorkspaceStore.EXTENSION);
            }
            workspace.save(p);
        }
    }

    private void importProfiles() {
        FileChooser chooser = chooser(
            "Import profiles or measurements",
            "Profiles and tools' outputs (JSON, CSV, logs, tables)",
            "*.json",
            "*.jsonl",
            "*.csv",
            "*.log",
            "*.txt",
            "*.md"
        );
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            // One batch through the import preview: references resolve within it in any order.
            ImportPreviewDialog.open(model, stage, files.stream().map(File::toPath).toList());
        }
    }

    private void exportConfigurations(ConfigurationExport.Scope scope) {
        if (model.getEvaluation() == null) return;
        if (scope == ConfigurationExport.Scope.SELECTED && model.selectedRowProperty().get() < 0) {
            model.showStatus("Select a configuration first (click a point or a table row).");
            return;
        }
        FileChooser chooser = chooser("Export configurations", "JSON or CSV", "*.json", "*.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(stage);
        if (f == null) return;
        model.exportConfigurations(scope, f.toPath());
    }

    private void exportChart() {
        Tab tab = views.getSelectionModel().getSelectedItem();
        ChartExportActions.saveChartsIn(
            tab == null ? null : tab.getContent(),
            stage,
            model.executor(),
            model::showStatus
        );
    }

    /** Unused spacer helper kept small. */
    static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
