package io.configspec.app.explorer;

import io.configspec.app.explorer.concurrent.BackgroundTaskExecutor;
import io.configspec.app.explorer.concurrent.FxThreadGuard;
import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.app.explorer.view.MainWindow;
import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.WorkspaceViewModel;
import io.configspec.app.explorer.workspace.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The desktop explorer. Wiring only (Cryptomator style: build the collaborators, hand them to the
 * window): a background executor, the analysis service, the view models, the main window. With
 * no arguments it opens the bundled paper scenario from {@code configspec.home} (set by the
 * launcher; the working directory otherwise); an argument may name a scenario ({@code .json}) or
 * a workspace ({@code .cswork}). Unsaved work from a previous session is offered back first.
 *
 * <p>Start-up timing: {@code -Dconfigspec.startupTiming=true} prints the milliseconds from JVM
 * start to the window shown and to the first chart frame with data; {@code
 * -Dconfigspec.exitAfterFirstFrame=true} then exits (the cold-start benchmark harness).
 */
public final class ExplorerApp extends Application {

    public static final String DEFAULT_SCENARIO = "samples/scenarios/configspec-paper.json";

    private TaskExecutor executor;
    private MainWindow window;
    private WorkspaceViewModel workspace;

    /** The ConfigSpec home: {@code configspec.home}, else the working directory. */
    public static Path home() {
        String configured = System.getProperty("configspec.home");
        return Path.of(configured == null || configured.isBlank() ? "" : configured).toAbsolutePath();
    }

    @Override
    public void start(Stage stage) {
        FxThreadGuard.registerUiThread();
        executor = new BackgroundTaskExecutor();
        ExplorerViewModel model = new ExplorerViewModel(executor, new AnalysisService());
        workspace = new WorkspaceViewModel(model, WorkspaceStore.forCurrentUser());
        Path home = home();
        // Loading starts first, on a worker, while this thread builds the window; results are
        // published on this thread after start() returns, when the window listens.
        openArgumentOrDefault(model, getParameters().getRaw(), home);
        MainWindow window = new MainWindow(model, workspace, stage, home);
        this.window = window;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(1440, screen.getWidth());
        double height = Math.min(900, screen.getHeight());
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(MainWindow.LIGHT_CSS);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        boolean timing = Boolean.getBoolean("configspec.startupTiming");
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        stage.setOnShown(e -> {
            if (timing) {
                System.err.println(
                    "startup: window shown after " +
                        Duration.between(jvmStart, Instant.now()).toMillis() +
                        " ms"
                );
            }
        });
        window
            .chartPane()
            .chart()
            .framesRenderedProperty()
            .addListener((o, a, b) -> {
                if (timing && window.chartPane().chart().getData().size() > 0 && !firstFrameReported) {
                    firstFrameReported = true;
                    System.err.println(
                        "startup: first chart frame after " +
                            Duration.between(jvmStart, Instant.now()).toMillis() +
                            " ms (" +
                            window.chartPane().chart().getData().size() +
                            " points)"
                    );
                    if (Boolean.getBoolean("configspec.exitAfterFirstFrame")) {
                        Platform.exit();
                    }
                }
            });
        stage.show();
        workspace.loadRecentFiles();
        if (Boolean.getBoolean("configspec.exitAfterFirstFrame")) {
            return;
        }
        workspace
            .checkRecovery()
            .whenComplete((recovery, error) ->
                executor.runOnUi(() -> {
                    if (error == null && recovery.isPresent()) {
                        window.offerRecovery(recovery.get(), () -> {});
                    }
                })
            );
    }

    private boolean firstFrameReported;

    private void openArgumentOrDefault(ExplorerViewModel model, List<String> args, Path home) {
        if (!args.isEmpty()) {
            Path p = Path.of(args.getFirst());
            if (p.toString().endsWith(WorkspaceStore.EXTENSION)) {
                workspace.open(p);
            } else {
                model.loadScenario(p);
            }
            return;
        }
        Path scenario = home.resolve(DEFAULT_SCENARIO);
        if (!Files.isRegularFile(scenario)) {
            Path cwd = Path.of("").toAbsolutePath().resolve(DEFAULT_SCENARIO);
            scenario = Files.isRegularFile(cwd) ? cwd : scenario;
        }
        model.loadScenario(scenario);
    }

    private void closing() {
        if (workspace == null) {
            return;
        }
        // A non-daemon thread keeps the JVM alive until the autosave is written or deleted.
        var pending = workspace.closing();
        Thread keeper = new Thread(
            () -> {
                try {
                    pending.join();
                } catch (RuntimeException ignored) {
                    // nothing more can be done at exit; the previous autosave (if any) is still there
                }
            },
            "explorer-closing"
        );
        keeper.setDaemon(false);
        keeper.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
        closing();
        if (executor != null) {
            executor.close();
        }
    }
}
