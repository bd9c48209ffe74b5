package io.configspec.app.explorer.boards;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import io.configspec.app.explorer.controls.BoundControls;
import io.configspec.engine.twins.HuggingFaceConfig;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Boards view: connect to a board agent (or this machine), watch a live TilesFX dashboard
 * (board power with a sparkline, drafting tokens/s, joules per token, temperature, CPU frequency)
 * and run a profiling job with progress and cancel. A thin view: it binds to a {@link
 * BoardsViewModel} and holds no logic.
 */
public final class BoardsView extends BorderPane {

    private final BoardsViewModel model;
    private final Tile wattsTile;
    private final Tile tokensTile;
    private final Tile joulesTile;
    private final Tile temperatureTile;
    private final Tile frequencyTile;

    public BoardsView(BoardsViewModel model) {
        this.model = model;
        getStyleClass().add("boards-view");
        setPadding(new Insets(10));

        // Connection.
        BoardsViewModel.ConnectionForm address = model.connection();
        TextField host = field(new TextField(), "board-host", "host", address.host());
        TextField port = field(new TextField(), "board-port", null, address.port());
        port.setPrefColumnCount(5);
        PasswordField token = field(new PasswordField(), "board-token", "token", address.token());
        Button connect = new Button("Connect");
        connect.setId("board-connect");
        connect.setOnAction(e -> model.connect());
        Button local = new Button("This machine");
        local.setId("board-local");
        local.setOnAction(e -> model.connectToThisMachine());
        Button disconnect = new Button("Disconnect");
        disconnect.setId("board-disconnect");
        disconnect.setOnAction(e -> model.disconnect());
        disconnect.disableProperty().bind(model.stateProperty().isEqualTo(ConnectionState.DISCONNECTED));
        Label state = new Label();
        state.setId("board-state");
        state.textProperty().bind(model.stateProperty().map(ConnectionState::label));
        FlowPane connection = new FlowPane(
            6,
            6,
            new Label("Agent"),
            host,
            new Label(":"),
            port,
            token,
            connect,
            local,
            disconnect,
            state
        );
        connection.setAlignment(Pos.CENTER_LEFT);
        // At 1366 px the row is too narrow: let the text fields give way, never the buttons' labels.
        for (Node node : connection.getChildren()) {
            if (node instanceof Labeled labeled) {
                labeled.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        host.setPrefColumnCount(10);
        token.setPrefColumnCount(8);
        Label status = new Label();
        status.setId("board-status");
        status.textProperty().bind(model.statusMessageProperty());
        Label board = new Label();
        board.setId("board-description");
        board.textProperty().bind(model.boardDescriptionProperty());
        Label power = BoundControls.wrappingLabel("board-power-source", model.powerDescriptionProperty());
        VBox top = new VBox(4, connection, status, board, power);

        // Dashboard.
        wattsTile = TileBuilder.create()
            .skinType(Tile.SkinType.SPARK_LINE)
            .title("Board power")
            .unit("W")
            .decimals(2)
            .averagingPeriod(BoardsViewModel.HISTORY)
            .prefSize(240, 160)
            .build();
        wattsTile.setId("tile-watts");
        // TilesFX draws a unit with "/" as a stacked fraction ("tokens" over "s", issue 19 item 11):
        // units with a slash go in the title, the unit slot keeps the simple ones.
        tokensTile = numberTile("Drafting speed (tokens/s)", "", 1);
        tokensTile.setId("tile-tokens");
        joulesTile = numberTile("Energy per token (J/token)", "", 3);
        joulesTile.setId("tile-joules");
        temperatureTile = numberTile("Temperature (hottest zone)", "°C", 1);
        temperatureTile.setId("tile-temperature");
        frequencyTile = numberTile("CPU frequency (mean)", "MHz", 0);
        frequencyTile.setId("tile-frequency");
        follow(wattsTile, BoardReadings::watts, "no power sensor");
        follow(tokensTile, BoardReadings::tokensPerSecond, "start a run");
        follow(joulesTile, BoardReadings::joulesPerToken, "needs power and a run");
        follow(temperatureTile, BoardReadings::temperatureCelsius, "no thermal zone");
        follow(frequencyTile, BoardReadings::frequencyMhz, "no cpufreq");
        FlowPane tiles = new FlowPane(
            8,
            8,
            wattsTile,
            tokensTile,
            joulesTile,
            temperatureTile,
            frequencyTile
        );
        tiles.setPadding(new Insets(10, 0, 10, 0));
        setCenter(tiles);

        // Profiling run.
        BoardsViewModel.RunSettings settings = model.runSettings();
        ToggleGroup kind = new ToggleGroup();
        ToggleButton drafter = new ToggleButton("Drafter");
        drafter.setToggleGroup(kind);
        drafter.setSelected(settings.kind().get() == BoardsViewModel.RunKind.DRAFTER);
        ToggleButton twin = new ToggleButton("Twin");
        twin.setToggleGroup(kind);
        twin.setSelected(settings.kind().get() == BoardsViewModel.RunKind.TWIN);
        kind
            .selectedToggleProperty()
            .addListener((o, a, b) -> {
                if (b == null) {
                    a.setSelected(true);
                } else {
                    model
                        .runSettings()
                        .kind()
                        .set(b == twin ? BoardsViewModel.RunKind.TWIN : BoardsViewModel.RunKind.DRAFTER);
                }
            });
        TextField drafterName = field(new TextField(), "run-drafter", "drafter model", settings.drafter());
        drafterName.visibleProperty().bind(drafter.selectedProperty());
        drafterName.managedProperty().bind(drafterName.visibleProperty());
        ComboBox<String> preset = new ComboBox<>();
        preset.getItems().setAll(HuggingFaceConfig.PRESETS);
        preset.valueProperty().bindBidirectional(settings.twinPreset());
        preset.visibleProperty().bind(twin.selectedProperty());
        preset.managedProperty().bind(preset.visibleProperty());
        ComboBox<String> precision = new ComboBox<>();
        precision.getItems().setAll("int8", "int4", "fp16", "fp32");
        precision.valueProperty().bindBidirectional(settings.precision());
        precision.visibleProperty().bind(twin.selectedProperty());
        precision.managedProperty().bind(precision.visibleProperty());
        TextField target = field(new TextField(), "run-target", "target (optional)", settings.target());
        Spinner<Integer> kMin = new Spinner<>(1, 32, settings.kMin().get());
        kMin
            .getValueFactory()
            .valueProperty()
            .addListener((o, a, b) -> settings.kMin().set(b));
        Spinner<Integer> kMax = new Spinner<>(1, 32, settings.kMax().get());
        kMax
            .getValueFactory()
            .valueProperty()
            .addListener((o, a, b) -> settings.kMax().set(b));
        kMin.setPrefWidth(70);
        kMax.setPrefWidth(70);
        Button start = new Button("Start profiling");
        start.setId("run-start");
        start.setOnAction(e -> model.startRun());
        start
            .disableProperty()
            .bind(
                model
                    .work()
                    .runningProperty()
                    .or(model.stateProperty().isNotEqualTo(ConnectionState.CONNECTED))
            );
        Button cancel = BoundControls.cancelButton("run-cancel", model.work(), model::cancelRun);
        ProgressBar progress = BoundControls.progressBar("run-progress", model.work());
        Label message = BoundControls.wrappingLabel("run-message", model.work().messageProperty());
        FlowPane run = new FlowPane(
            6,
            6,
            drafter,
            twin,
            drafterName,
            preset,
            precision,
            target,
            new Label("K"),
            kMin,
            new Label("to"),
            kMax,
            start,
            cancel
        );
        run.setAlignment(Pos.CENTER_LEFT);
        noShrink(drafter, twin, start, cancel);
        // The run's controls under the connection, above the tiles: in view without scrolling in the
        // Boards tab at 1366 × 768 (the tiles are what may scroll).

        // Power for a board without a sensor: entered by the user, with how they got it.
        BoardsViewModel.PowerEntry entry = model.powerEntry();
        TextField draftingWatts = field(new TextField(), "power-drafting", "drafting", entry.draftingWatts());
        draftingWatts.setPrefColumnCount(5);
        TextField idleWatts = field(new TextField(), "power-idle", "idle (blank: same)", entry.idleWatts());
        idleWatts.setPrefColumnCount(8);
        ComboBox<BoardsViewModel.PowerOrigin> origin = new ComboBox<>();
        origin.setId("power-origin");
        origin.getItems().setAll(BoardsViewModel.PowerOrigin.values());
        origin.valueProperty().bindBidirectional(entry.origin());
        TextField note = field(
            new TextField(),
            "power-note",
            "meter, or what the estimate is based on",
            entry.note()
        );
        note.setPrefColumnCount(16);
        Button savePower = new Button("Save power");
        savePower.setId("power-save");
        savePower.setOnAction(e -> model.savePower());
        Label powerMessage = BoundControls.wrappingLabel("power-message", model.powerMessageProperty());
        Label powerTitle = new Label("Power (this board has no sensor):");
        FlowPane powerRow = new FlowPane(
            6,
            6,
            powerTitle,
            draftingWatts,
            new Label("W drafting,"),
            idleWatts,
            new Label("W idle"),
            origin,
            note,
            savePower
        );
        powerRow.setAlignment(Pos.CENTER_LEFT);
        noShrink(powerTitle, savePower);
        VBox powerEntry = new VBox(4, powerRow, powerMessage);
        powerEntry.setId("power-entry");
        powerEntry.visibleProperty().bind(model.powerNeededProperty());
        powerEntry.managedProperty().bind(powerEntry.visibleProperty());
        top.getChildren().addAll(run, progress, message, powerEntry);
        top.setPadding(new Insets(0, 0, 4, 0));
        setTop(top);
    }

    /** {@code field} with its node id and prompt (null: none), its text bound both ways to {@code text}. */
    private static <F extends TextField> F field(F field, String id, String prompt, Property<String> text) {
        field.setId(id);
        if (prompt != null) {
            field.setPromptText(prompt);
        }
        field.textProperty().bindBidirectional(text);
        return field;
    }

    private static Tile numberTile(String title, String unit, int decimals) {
        return TileBuilder.create()
            .skinType(Tile.SkinType.NUMBER)
            .title(title)
            .unit(unit)
            .decimals(decimals)
            .prefSize(190, 160)
            .build();
    }

    /**
     * Shows one figure of the readings on {@code tile}, updated when that figure changes; NaN (not
     * measured) hides the number, so a missing sensor never reads as 0, and says why in the tile's
     * text.
     */
    private void follow(Tile tile, ToDoubleFunction<BoardReadings> figure, String whenMissing) {
        ObservableValue<BoardReadings> readings = model.readingsProperty();
        Runnable update = () -> {
            double v = figure.applyAsDouble(readings.getValue());
            boolean missing = Double.isNaN(v);
            tile.setValueVisible(!missing);
            tile.setTextVisible(missing);
            // One "n/a" line (the text), not the same words again as the description.
            tile.setDescription("");
            if (missing) {
                tile.setText("n/a: " + whenMissing);
            } else {
                tile.setText("");
                tile.setValue(v);
            }
        };
        readings.addListener((o, a, b) -> {
            if (Double.compare(figure.applyAsDouble(a), figure.applyAsDouble(b)) != 0) {
                update.run();
            }
        });
        update.run();
    }

    private static void noShrink(javafx.scene.control.Control... controls) {
        for (javafx.scene.control.Control c : controls) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    public BoardsViewModel model() {
        return model;
    }

    public Tile wattsTile() {
        return wattsTile;
    }

    public Tile tokensTile() {
        return tokensTile;
    }

    public Tile joulesTile() {
        return joulesTile;
    }

    public Tile temperatureTile() {
        return temperatureTile;
    }

    public Tile frequencyTile() {
        return frequencyTile;
    }

    /** A one-line summary of the tiles for tooltips and logs. */
    public String summary() {
        BoardReadings now = model.readingsProperty().get();
        return String.format(
            Locale.ROOT,
            "%.2f W, %.1f tokens/s, %.3f J/token, %.1f °C, %.0f MHz",
            now.watts(),
            now.tokensPerSecond(),
            now.joulesPerToken(),
            now.temperatureCelsius(),
            now.frequencyMhz()
        );
    }
}
