package io.configspec.app.explorer.view;

import io.configspec.app.explorer.export.ServingExportActions;
import io.configspec.app.explorer.viewmodel.Evaluation;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.Numbers;
import io.configspec.app.explorer.viewmodel.TableFilter;
import io.configspec.model.analysis.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleBiFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Every configuration in a sortable, filterable table (rows are indices into the evaluation, so
 * 100,000 rows cost 100,000 integers), with a "Pareto only" switch; its selection follows and
 * drives the chart's.
 */
public final class ConfigurationTable extends BorderPane {

    private final ExplorerViewModel model;
    private final TableView<Integer> table = new TableView<>();
    private final ObservableList<Integer> rows = FXCollections.observableArrayList();
    private final FilteredList<Integer> filtered = new FilteredList<>(rows);
    private final TextField filter = new TextField();
    private final CheckBox paretoOnly = new CheckBox("Pareto only");
    private final Label count = new Label();
    private boolean syncing;
    private TableFilter.Row[] searchText = new TableFilter.Row[0];

    public ConfigurationTable(ExplorerViewModel model) {
        this.model = model;
        getStyleClass().add("configuration-table");
        table.setId("configuration-table");
        filter.setId("table-filter");
        filter.setPromptText("Filter: device, drafter, quantisation, target or K=4");
        paretoOnly.setId("pareto-only");
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox bar = new HBox(8, filter, paretoOnly, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);
        SortedList<Integer> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No configurations match."));
        table.getColumns().add(textColumn("Device", (e, i) -> e.space().combination(i).device().name(), 130));
        table
            .getColumns()
            .add(textColumn("Drafter", (e, i) -> e.space().combination(i).drafter().name(), 120));
        table.getColumns().add(textColumn("Quant.", (e, i) -> e.space().combination(i).quantization(), 60));
        table.getColumns().add(textColumn("Target", (e, i) -> e.space().combination(i).target().name(), 110));
        table.getColumns().add(numberColumn("K", (e, i) -> e.space().k(i), 40, true));
        for (Objective o : Objective.values()) {
            table
                .getColumns()
                .add(
                    numberColumn(
                        o.label() + " (" + o.unit() + ")",
                        (e, i) -> e.space().value(o, i),
                        110,
                        false
                    )
                );
        }
        table.getColumns().add(numberColumn("α", (e, i) -> e.space().acceptanceRate(i), 50, false));
        table
            .getColumns()
            .add(numberColumn("E[N] (tokens)", (e, i) -> e.space().expectedTokensPerRound(i), 80, false));
        table.getColumns().add(textColumn("Front", (e, i) -> onFront(e, i) ? "✓" : "", 45));
        table
            .getColumns()
            .add(textColumn("Meets constraints", (e, i) -> e.space().feasible(i) ? "yes" : "no", 70));
        setCenter(table);
        ServingExportActions.installContextMenu(table, model, e -> model.selectedRowProperty().get());
        filter.textProperty().bindBidirectional(model.viewSettings().tableFilter());
        paretoOnly.selectedProperty().bindBidirectional(model.viewSettings().paretoOnly());
        filter.textProperty().addListener((o, a, b) -> refilter());
        paretoOnly.selectedProperty().addListener((o, a, b) -> refilter());
        model.evaluationProperty().addListener((o, a, b) -> reload(b, a));
        table
            .getSelectionModel()
            .selectedItemProperty()
            .addListener((o, a, b) -> {
                if (!syncing && b != null) {
                    syncing = true;
                    try {
                        model.selectedRowProperty().set(b);
                    } finally {
                        syncing = false;
                    }
                }
            });
        model.selectedRowProperty().addListener((o, a, b) -> selectRow(b.intValue()));
        reload(model.getEvaluation(), null);
    }

    public TableView<Integer> table() {
        return table;
    }

    public TextField filterField() {
        return filter;
    }

    public CheckBox paretoOnlyBox() {
        return paretoOnly;
    }

    private static boolean onFront(Evaluation e, int row) {
        return java.util.Arrays.binarySearch(e.front(), row) >= 0;
    }

    private void reload(Evaluation now, Evaluation before) {
        if (now == null) {
            rows.clear();
            return;
        }
        if (
            before == null || before.request().space() != now.request().space() || before.size() != now.size()
        ) {
            List<Integer> all = new ArrayList<>(now.size());
            for (int i = 0; i < now.size(); i++) all.add(i);
            var combinations = now.space().space().combinations();
            searchText = new TableFilter.Row[combinations.size()];
            for (int c = 0; c < combinations.size(); c++) {
                var comb = combinations.get(c);
                searchText[c] = TableFilter.Row.of(
                    comb.device().name(),
                    comb.device().id(),
                    comb.drafter().name(),
                    comb.drafter().id(),
                    comb.quantization(),
                    comb.target().name(),
                    comb.target().id()
                );
            }
            syncing = true;
            try {
                rows.setAll(all);
            } finally {
                syncing = false;
            }
        }
        refilter();
        table.refresh();
        selectRow(model.selectedRowProperty().get());
    }

    private void refilter() {
        Evaluation e = model.getEvaluation();
        if (e == null) {
            return;
        }
        TableFilter query = TableFilter.parse(filter.getText());
        boolean front = paretoOnly.isSelected();
        int kCount = e.space().kCount();
        TableFilter.Row[] search = searchText;
        Predicate<Integer> predicate = row -> {
            if (front && !onFront(e, row)) return false;
            return query.matches(search[row / kCount], e.space().k(row));
        };
        syncing = true;
        try {
            filtered.setPredicate(query.isEmpty() && !front ? null : predicate);
        } finally {
            syncing = false;
        }
        count.setText(filtered.size() + " of " + rows.size());
    }

    private void selectRow(int row) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (row < 0) {
                table.getSelectionModel().clearSelection();
                return;
            }
            int index = table.getItems().indexOf(row);
            if (index >= 0) {
                table.getSelectionModel().clearAndSelect(index);
                table.scrollTo(Math.max(0, index - 3));
            } else {
                table.getSelectionModel().clearSelection();
            }
        } finally {
            syncing = false;
        }
    }

    private TableColumn<Integer, String> textColumn(
        String name,
        java.util.function.BiFunction<Evaluation, Integer, String> value,
        double width
    ) {
        TableColumn<Integer, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cd -> {
            Evaluation e = model.getEvaluation();
            return new ReadOnlyObjectWrapper<>(
                e == null || cd.getValue() >= e.size() ? "" : value.apply(e, cd.getValue())
            );
        });
        return column;
    }

    private TableColumn<Integer, Number> numberColumn(
        String name,
        ToDoubleBiFunction<Evaluation, Integer> value,
        double width,
        boolean integer
    ) {
        TableColumn<Integer, Number> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cd -> {
            Evaluation e = model.getEvaluation();
            double v = e == null || cd.getValue() >= e.size()
                ? Double.NaN
                : value.applyAsDouble(e, cd.getValue());
            return new ReadOnlyObjectWrapper<>(v);
        });
        column.setComparator((a, b) -> Double.compare(a.doubleValue(), b.doubleValue()));
        column.setCellFactory(c ->
            new TableCell<>() {
                @Override
                protected void updateItem(Number item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(
                        empty || item == null
                            ? null
                            : integer
                                ? String.valueOf(item.intValue())
                                : Numbers.plain(item.doubleValue())
                    );
                    setAlignment(Pos.CENTER_RIGHT);
                }
            }
        );
        return column;
    }
}
