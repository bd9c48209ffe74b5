package io.configspec.app.explorer.export;

import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.export.LlamaCppDialect;
import io.configspec.model.export.ServingConfigurationExport;
import io.configspec.model.export.ServingStack;
import io.configspec.model.io.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The export dialog's state for one configuration (a row of an evaluated space): the chosen
 * stack and llama.cpp dialect, and the exact text {@link ServingConfigurationExport} writes for
 * them, with the real model names where the profiles give them. The text is recomputed when the
 * choice changes; a stack that cannot take the configuration shows why instead of text. Saving
 * runs through the {@link TaskExecutor} and writes atomically.
 */
public final class ServingExportViewModel {

    private final EvaluatedSpace space;
    private final int row;
    private final List<String> notes;
    private final TaskExecutor executor;
    private final ObjectProperty<ServingStack> stack = new SimpleObjectProperty<>(
        this,
        "stack",
        ServingStack.VLLM
    );
    private final ObjectProperty<LlamaCppDialect> dialect = new SimpleObjectProperty<>(
        this,
        "dialect",
        LlamaCppDialect.newest()
    );
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper exportable = new ReadOnlyBooleanWrapper(this, "exportable", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /**
     * @param space the evaluated space the configuration belongs to
     * @param row the configuration's row
     * @param notes the first comment lines (which configuration, its figures and why)
     * @param executor where saving runs
     */
    public ServingExportViewModel(EvaluatedSpace space, int row, List<String> notes, TaskExecutor executor) {
        this.space = Objects.requireNonNull(space);
        if (row < 0 || row >= space.size()) {
            throw new IllegalArgumentException("row: must be in [0, " + space.size() + "), got " + row);
        }
        this.row = row;
        this.notes = List.copyOf(notes);
        this.executor = Objects.requireNonNull(executor);
        stack.addListener((o, a, b) -> update());
        dialect.addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        ServingStack s = stack.get() == null ? ServingStack.VLLM : stack.get();
        try {
            ServingConfigurationExport.Result result = ServingConfigurationExport.export(
                space,
                row,
                new ServingConfigurationExport.Options(s, dialect.get(), null, null),
                notes
            );
            text.set(result.text());
            exportable.set(true);
            message.set(
                result.placeholders().isEmpty()
                    ? ""
                    : "The models profile names no " +
                      s.displayName() +
                      " model for " +
                      String.join(" and ", result.placeholders()) +
                      "; the text uses profile ids: replace them before running it."
            );
        } catch (IllegalArgumentException e) {
            text.set("");
            exportable.set(false);
            message.set(s.displayName() + " cannot take this configuration: " + e.getMessage());
        }
    }

    /** The stack to export for (default vLLM). */
    public ObjectProperty<ServingStack> stackProperty() {
        return stack;
    }

    /** llama.cpp's flag spelling (default: the newest); ignored by other stacks. */
    public ObjectProperty<LlamaCppDialect> dialectProperty() {
        return dialect;
    }

    /** The exact text to copy or save; empty when the stack cannot take the configuration. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String getText() {
        return text.get();
    }

    /** Whether there is a text to copy or save. */
    public ReadOnlyBooleanProperty exportableProperty() {
        return exportable.getReadOnlyProperty();
    }

    /** One sentence for the user: placeholders in the text, why nothing can be exported, or where it was saved. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A file name for saving the current stack's text. */
    public String suggestedFileName() {
        return stack.get().suggestedFileName();
    }

    /** Says on the message line that the text went to the clipboard. UI thread. */
    public void copied() {
        message.set("Copied the " + stack.get().displayName() + " text to the clipboard.");
    }

    /**
     * Writes the current text to {@code file} atomically (the old file stays whole if writing
     * fails), off the UI thread; the message line says how it went. UI thread.
     *
     * @return completes when the file is written (or failed)
     */
    public CompletableFuture<Void> save(Path file) {
        String content = text.get();
        String what = stack.get().displayName();
        if (!exportable.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return executor
            .submit(() -> {
                AtomicFiles.writeString(file, content);
                return (Void) null;
            })
            .whenComplete((v, error) ->
                executor.runOnUi(() ->
                    message.set(
                        error == null
                            ? "Saved the " + what + " text to " + file + "."
                            : "Not saved: " + file + ": " + rootMessage(error)
                    )
                )
            );
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t != t.getCause()) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
