package io.configspec.app.explorer.view;

import io.configspec.app.explorer.viewmodel.LibraryEntry;
import io.configspec.app.explorer.viewmodel.LibraryViewModel;
import io.configspec.app.explorer.viewmodel.Numbers;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The profile library: profiles grouped by kind with provenance badges, their numbers editable in
 * place (double-click a number, Enter to apply; undo and redo), import by button or by dropping
 * files, and the one-sentence error of every file that was refused.
 */
public final class LibraryPane extends VBox {

    /** A node of the tree: a group, a profile, or one of its numbers. */
    public sealed interface Item {
        record Group(String name, int count) implements Item {}

        record Profile(LibraryEntry entry) implements Item {}

        record Field(LibraryEntry entry, LibraryEntry.EditableField field) implements Item {}
    }

    private final TreeView<Item> tree = new TreeView<>();
    private final ListView<LibraryViewModel.Problem> problems = new ListView<>();
    private final Map<String, Boolean> expanded = new LinkedHashMap<>();

    public LibraryPane(LibraryViewModel model, Runnable importAction) {
        this(model, importAction, model::importFiles);
    }

    /** A toolbar button: its label, node id (for tests and styles), tooltip and action. */
    private static Button button(String text, String id, String tooltip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /**
     * @param importFiles what a drop of files does (the window opens the import preview)
     */
    public LibraryPane(
        LibraryViewModel model,
        Runnable importAction,
        java.util.function.Consumer<List<java.nio.file.Path>> importFiles
    ) {
        getStyleClass().add("library-pane");
        setId("library-pane");
        setSpacing(4);
        setPadding(new Insets(4));
        Label title = new Label("Profile library");
        title.getStyleClass().add("section-title");
        Button importButton = button(
            "Import…",
            "import-profiles",
            "Import profile files (Ctrl+I), or drop them on the library",
            importAction
        );
        Button undo = button("↶", "library-undo", "Undo the last edit (Ctrl+Z)", model::undo);
        undo.disableProperty().bind(model.editStateProperty().map(s -> !s.canUndo()));
        Button redo = button("↷", "library-redo", "Redo (Ctrl+Y)", model::redo);
        redo.disableProperty().bind(model.editStateProperty().map(s -> !s.canRedo()));
        Button save = button(
            "Save",
            "library-save",
            "Write edited profiles to their files (Ctrl+Shift+S)",
            model::save
        );
        save.disableProperty().bind(model.editStateProperty().map(s -> !s.dirty()));
        HBox buttons = new HBox(4, importButton, undo, redo, save);
        tree.setId("library-tree");
        tree.setShowRoot(false);
        tree.setEditable(true);
        tree.setCellFactory(t -> new ItemCell(model));
        VBox.setVgrow(tree, Priority.ALWAYS);
        problems.setId("library-problems");
        problems.setPrefHeight(90);
        Label placeholder = new Label(
            "Imported files are checked before they change anything; problems are listed here."
        );
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("hint");
        problems.setPlaceholder(placeholder);
        problems.setItems(model.problems());
        problems.setCellFactory(l ->
            new ListCell<>() {
                @Override
                protected void updateItem(LibraryViewModel.Problem item, boolean empty) {
                    super.updateItem(item, empty);
                    // One line per refused file, led by the file's name (a full path first left no
                    // room for the sentence); the whole message on hover (issue 19, item 11).
                    setText(empty || item == null ? null : "✖ " + shortMessage(item));
                    setTooltip(empty || item == null ? null : new Tooltip(item.message()));
                    setWrapText(false);
                    setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
                    setMnemonicParsing(false);
                    setPrefWidth(10);
                    getStyleClass().remove("problem");
                    if (!empty) getStyleClass().add("problem");
                }
            }
        );
        Label hint = new Label(
            "Badges: ● measured  ◆ literature  ○ illustrative. Double-click a number to edit it."
        );
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        getChildren().addAll(title, buttons, tree, hint, problems);
        model.entries().addListener((ListChangeListener<LibraryEntry>) c -> rebuild(model.entries()));
        rebuild(model.entries());
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (files != null && !files.isEmpty()) {
                importFiles.accept(files.stream().map(File::toPath).toList());
                e.setDropCompleted(true);
            }
            e.consume();
        });
    }

    public TreeView<Item> tree() {
        return tree;
    }

    private void rebuild(List<LibraryEntry> entries) {
        if (tree.getRoot() != null) {
            for (TreeItem<Item> g : tree.getRoot().getChildren()) {
                if (g.getValue() instanceof Item.Group(String name, int count)) expanded.put(
                    name,
                    g.isExpanded()
                );
                for (TreeItem<Item> p : g.getChildren()) {
                    if (p.getValue() instanceof Item.Profile(LibraryEntry e)) expanded.put(
                        e.key(),
                        p.isExpanded()
                    );
                }
            }
        }
        Map<String, List<LibraryEntry>> groups = new LinkedHashMap<>();
        for (LibraryEntry e : entries) {
            groups.computeIfAbsent(e.group(), k -> new java.util.ArrayList<>()).add(e);
        }
        TreeItem<Item> root = new TreeItem<>(new Item.Group("", 0));
        for (var g : groups.entrySet()) {
            TreeItem<Item> group = new TreeItem<>(new Item.Group(g.getKey(), g.getValue().size()));
            group.setExpanded(expanded.getOrDefault(g.getKey(), g.getKey().equals("Devices")));
            for (LibraryEntry e : g.getValue()) {
                TreeItem<Item> profile = new TreeItem<>(new Item.Profile(e));
                profile.setExpanded(expanded.getOrDefault(e.key(), false));
                for (LibraryEntry.EditableField f : e.fields()) {
                    profile.getChildren().add(new TreeItem<>(new Item.Field(e, f)));
                }
                group.getChildren().add(profile);
            }
            root.getChildren().add(group);
        }
        tree.setRoot(root);
    }

    static String badge(String provenanceKind) {
        return switch (provenanceKind) {
            case "measured" -> "●";
            case "literature" -> "◆";
            default -> "○";
        };
    }

    private static final class ItemCell extends TreeCell<Item> {

        private final LibraryViewModel model;
        private TextField editor;

        ItemCell(LibraryViewModel model) {
            this.model = model;
        }

        @Override
        public void startEdit() {
            if (!(getItem() instanceof Item.Field field)) {
                return;
            }
            super.startEdit();
            editor = new TextField(Numbers.plain(field.field().value()).replace(",", ""));
            editor.setId("library-editor");
            Consumer<String> commit = text -> {
                try {
                    double v = Double.parseDouble(text.trim());
                    model.edit(field.entry().file(), field.field().pointer(), v);
                    cancelEdit();
                } catch (NumberFormatException ex) {
                    editor.getStyleClass().add("invalid");
                    editor.setTooltip(new Tooltip("'" + text + "' is not a number"));
                }
            };
            editor.setOnAction(e -> commit.accept(editor.getText()));
            editor.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) cancelEdit();
            });
            setText(FieldLabels.name(field.field().label()) + " =");
            setGraphic(editor);
            editor.requestFocus();
            editor.selectAll();
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            updateItem(getItem(), isEmpty());
        }

        @Override
        protected void updateItem(Item item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("group-cell", "profile-cell", "field-cell");
            setGraphic(null);
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                return;
            }
            switch (item) {
                case Item.Group g -> {
                    setText(g.name() + " (" + g.count() + ")");
                    getStyleClass().add("group-cell");
                }
                case Item.Profile p -> {
                    Label badge = new Label(badge(p.entry().provenanceKind()));
                    badge
                        .getStyleClass()
                        .addAll("badge", "badge-" + p.entry().provenanceKind().toLowerCase(Locale.ROOT));
                    setGraphic(badge);
                    setText(p.entry().name());
                    setTooltip(
                        new Tooltip(
                            p.entry().summary() + "\n" + p.entry().provenanceLabel() + "\n" + p.entry().file()
                        )
                    );
                    getStyleClass().add("profile-cell");
                }
                case Item.Field f -> {
                    setText(FieldLabels.display(f.field().label(), f.field().value()));
                    setTooltip(
                        new Tooltip(
                            f.field().label() +
                                " = " +
                                Numbers.plain(f.field().value()) +
                                "\nDouble-click to edit · " +
                                f.entry().file().getFileName() +
                                " " +
                                f.field().pointer()
                        )
                    );
                    getStyleClass().add("field-cell");
                }
            }
        }
    }

    /** The problem's sentence led by the file's name instead of its full path. */
    static String shortMessage(LibraryViewModel.Problem problem) {
        String message = problem.message();
        if (problem.file() == null || problem.file().getFileName() == null) {
            return message;
        }
        String name = problem.file().getFileName().toString();
        String path = problem.file().toString();
        if (message.startsWith(path)) {
            return name + message.substring(path.length());
        }
        String absolute = problem.file().toAbsolutePath().toString();
        if (message.startsWith(absolute)) {
            return name + message.substring(absolute.length());
        }
        return message.contains(name) ? message : name + ": " + message;
    }
}
