package io.configspec.app.explorer.export;

import io.configspec.app.explorer.controls.BoundControls;
import io.configspec.model.export.LlamaCppDialect;
import io.configspec.model.export.ServingStack;
import java.io.File;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The export dialog: choose a serving stack (and llama.cpp's flag spelling, newest by default),
 * read the exact text, copy it or save it. The view only binds {@link ServingExportViewModel}.
 * Node ids ({@code export-stack-vllm}, {@code export-copy}, …) are for tests and the walk-through.
 */
public final class ServingExportDialog extends Stage {

    private final ServingExportViewModel model;
    private final TextArea text = new TextArea();

    public ServingExportDialog(Window owner, String configuration, ServingExportViewModel model, String css) {
        this.model = model;
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle("Export for serving — " + configuration);

        Label what = new Label(configuration);
        what.setId("export-configuration");
        what.getStyleClass().add("details-title");
        what.setWrapText(true);

        ToggleGroup stacks = new ToggleGroup();
        FlowPane stackButtons = new FlowPane(6, 6);
        for (ServingStack stack : ServingStack.values()) {
            ToggleButton b = new ToggleButton(stack.displayName());
            b.setId("export-stack-" + stack.cliName());
            b.setUserData(stack);
            b.setToggleGroup(stacks);
            b.setTooltip(new Tooltip("Names checked against " + stack.upstream()));
            b.setSelected(stack == model.stackProperty().get());
            stackButtons.getChildren().add(b);
        }
        stacks
            .selectedToggleProperty()
            .addListener((o, was, now) -> {
                if (now == null) {
                    was.setSelected(true); // one stack is always chosen
                } else {
                    model.stackProperty().set((ServingStack) now.getUserData());
                }
            });

        ComboBox<LlamaCppDialect> dialect = new ComboBox<>();
        dialect.setId("export-dialect");
        dialect.getItems().setAll(LlamaCppDialect.values());
        dialect.valueProperty().bindBidirectional(model.dialectProperty());
        dialect.setConverter(
            new StringConverter<>() {
                @Override
                public String toString(LlamaCppDialect d) {
                    return d == null ? "" : d.label();
                }

                @Override
                public LlamaCppDialect fromString(String s) {
                    return null;
                }
            }
        );
        dialect.setMaxWidth(Double.MAX_VALUE);
        Label dialectLabel = new Label("llama.cpp flags");
        dialectLabel.setLabelFor(dialect);
        HBox dialectRow = new HBox(8, dialectLabel, dialect);
        dialectRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(dialect, Priority.ALWAYS);
        dialectRow.visibleProperty().bind(model.stackProperty().isEqualTo(ServingStack.LLAMA_CPP));
        dialectRow.managedProperty().bind(dialectRow.visibleProperty());

        text.setId("export-text");
        text.setEditable(false);
        text.setWrapText(true); // wraps on screen only; the copied and saved text keeps its lines
        text.setStyle("-fx-font-family: 'monospace';");
        text.textProperty().bind(model.textProperty());
        text.setPrefRowCount(14);
        text.setPrefColumnCount(90);
        VBox.setVgrow(text, Priority.ALWAYS);

        Label message = BoundControls.wrappingLabel("export-message", model.messageProperty());
        message.setMinHeight(Region.USE_PREF_SIZE);

        Button copy = new Button("Copy");
        copy.setId("export-copy");
        copy.setDefaultButton(true);
        copy.disableProperty().bind(model.exportableProperty().not());
        copy.setOnAction(e -> copy());
        Button save = new Button("Save…");
        save.setId("export-save");
        save.disableProperty().bind(model.exportableProperty().not());
        save.setOnAction(e -> save());
        Button close = new Button("Close");
        close.setId("export-close");
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        for (Button b : new Button[] { copy, save, close }) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(8, copy, save, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bottom = new VBox(6, message, buttons);

        VBox content = new VBox(8, what, stackButtons, dialectRow, text);
        BorderPane root = new BorderPane(content);
        root.setBottom(bottom);
        BorderPane.setMargin(bottom, new Insets(8, 0, 0, 0));
        root.setPadding(new Insets(10));
        root.getStyleClass().add("serving-export-dialog");
        Scene scene = new Scene(root, 900, 520);
        if (css != null) {
            scene.getStylesheets().add(css);
        }
        setScene(scene);
    }

    /** The text area (for tests). */
    public TextArea textArea() {
        return text;
    }

    private void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.getText());
        Clipboard.getSystemClipboard().setContent(content);
        model.copied();
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + model.stackProperty().get().displayName() + " export");
        chooser.setInitialFileName(model.suggestedFileName());
        String name = model.suggestedFileName();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        chooser
            .getExtensionFilters()
            .addAll(
                new FileChooser.ExtensionFilter(
                    extension.toUpperCase(Locale.ROOT) + " files",
                    "*." + extension
                ),
                new FileChooser.ExtensionFilter("All files", "*")
            );
        File file = chooser.showSaveDialog(this);
        if (file != null) {
            model.save(file.toPath());
        }
    }
}
