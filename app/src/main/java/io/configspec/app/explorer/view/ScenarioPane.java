package io.configspec.app.explorer.view;

import io.configspec.app.explorer.viewmodel.Evaluation;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.MixShares;
import io.configspec.app.explorer.viewmodel.ScenarioSelection;
import io.configspec.model.analysis.Objective;
import io.configspec.model.domain.DomainShare;
import io.configspec.model.io.ScenarioLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The scenario: its description, which devices, drafters, quantisations and targets take part
 * (switching one off re-enumerates the space in the background), the workload mix's shares (one
 * slider per domain, likewise), the K range, objectives and constraints (the last two are changed
 * with the what-if sliders and the chart's axes).
 */
public final class ScenarioPane extends ScrollPane {

    private final ExplorerViewModel model;
    private final VBox content = new VBox(4);
    private final Label kRange = new Label();

    public ScenarioPane(ExplorerViewModel model) {
        this.model = model;
        getStyleClass().add("scenario-pane");
        setFitToWidth(true);
        content.setPadding(new Insets(6));
        setContent(content);
        model.loadedProperty().addListener((o, a, b) -> show(b));
        kRange.setId("scenario-k-range");
        model
            .evaluationProperty()
            .addListener((o, a, b) -> {
                var loaded = model.loadedProperty().get();
                if (loaded != null) {
                    kRange.setText(kRange(loaded.scenario(), b));
                }
            });
        show(model.loadedProperty().get());
    }

    private void show(ScenarioLoader.LoadedScenario loaded) {
        content.getChildren().clear();
        if (loaded == null) {
            content.getChildren().add(new Label("No scenario loaded (File › Open scenario, Ctrl+O)."));
            return;
        }
        var s = loaded.scenario();
        Label name = new Label(s.name());
        name.getStyleClass().add("section-title");
        name.setWrapText(true);
        Label description = new Label(s.description());
        description.setWrapText(true);
        Label file = new Label(loaded.file().toString());
        file.getStyleClass().add("hint");
        file.setWrapText(true);
        content.getChildren().addAll(name, description, file);
        var lib = loaded.library();
        List<String> devices = new ArrayList<>();
        lib.devices().forEach(d -> devices.add(d.id()));
        List<String> drafters = new ArrayList<>();
        lib.drafters().forEach(d -> drafters.add(d.id()));
        Set<String> quantSet = new LinkedHashSet<>();
        lib.drafters().forEach(d -> d.quantizations().forEach(q -> quantSet.add(q.name())));
        List<String> targets = new ArrayList<>();
        lib.targets().forEach(t -> targets.add(t.id()));
        ScenarioSelection current = ScenarioSelection.of(s);
        section("Devices", devices, current.devices(), named(lib::device, d -> d.name()), sel ->
            apply(current.withDevices(sel))
        );
        section("Drafters", drafters, current.drafters(), named(lib::drafter, d -> d.name()), sel ->
            apply(current.withDrafters(sel))
        );
        section(
            "Quantisations",
            new ArrayList<>(quantSet),
            current.quantizations(),
            q -> q,
            sel -> apply(current.withQuantizations(sel))
        );
        section("Targets", targets, current.targets(), named(lib::target, t -> t.name()), sel ->
            apply(current.withTargets(sel))
        );
        if (s.hasMix()) {
            mixSection(s.mix());
        }
        kRange.setText(kRange(s, model.getEvaluation()));
        kRange.setWrapText(true);
        Label objectives = new Label(
            "Objectives: " + s.objectives().stream().map(Objective::label).collect(Collectors.joining(", "))
        );
        objectives.setWrapText(true);
        Label constraints = new Label(
            "Constraints: " +
                (s.constraints().isEmpty()
                    ? "none"
                    : s.constraints().stream().map(Object::toString).collect(Collectors.joining("; ")))
        );
        constraints.setWrapText(true);
        Label modes = new Label(
            "Pricing: " +
                s.pricing().jsonName() +
                (s.pricing() == io.configspec.model.analysis.PricingMode.TOKEN
                    ? " (" + s.billing().description() + ")"
                    : "") +
                " · energy: " +
                s.energy().jsonName() +
                " · server " +
                s.server() +
                " · network " +
                s.network().orElse("none (no network time)")
        );
        modes.setWrapText(true);
        content.getChildren().addAll(kRange, objectives, constraints, modes);
        if (!loaded.space().omitted().isEmpty()) {
            // Every left-out combination with its reason, wrapped: nothing hides behind a tooltip.
            Label title = new Label(
                "Left out: " +
                    loaded.space().omitted().size() +
                    " combination(s) without the measurements they need"
            );
            title.getStyleClass().add("section-subtitle");
            title.setWrapText(true);
            VBox reasons = new VBox(2);
            reasons.setId("scenario-omitted");
            for (String reason : loaded.space().omitted()) {
                Label l = new Label("• " + reason);
                l.setWrapText(true);
                l.setMinWidth(0);
                l.getStyleClass().add("hint");
                reasons.getChildren().add(l);
            }
            content.getChildren().addAll(title, reasons);
        }
    }

    /** The file's K range, and the one evaluated when the what-if K sliders changed it. */
    private static String kRange(io.configspec.model.analysis.Scenario s, Evaluation shown) {
        String file = s.kMin() + "–" + s.kMax();
        if (shown == null || shown.space().kCount() == 0) {
            return "K range: " + file + " (change it with the K sliders)";
        }
        int from = shown.space().kMin();
        int to = from + shown.space().kCount() - 1;
        return from == s.kMin() && to == s.kMax()
            ? "K range: " + file + " (change it with the K sliders)"
            : "K range: " + from + "–" + to + " (the K sliders; the scenario file says " + file + ")";
    }

    /** An id's name as {@code find} and {@code name} give it, or the id itself where it is not found. */
    private static <T> Function<String, String> named(
        Function<String, Optional<T>> find,
        Function<T, String> name
    ) {
        return id -> find.apply(id).map(name).orElse(id);
    }

    private void apply(ScenarioSelection selection) {
        whenRefused(model.changeSelection(selection));
    }

    /** A change the model refused leaves the pane as the scenario still is. */
    private void whenRefused(java.util.concurrent.CompletableFuture<Boolean> change) {
        change.thenAccept(ok -> {
            if (!ok) {
                show(model.loadedProperty().get());
            }
        });
    }

    /**
     * One slider per domain of the workload mix, in percent of output tokens: moving one rescales
     * the others ({@link MixShares}), shown while dragging and applied on release (the mixed
     * acceptance and the routed sets are rebuilt in the background).
     */
    private void mixSection(List<DomainShare> mix) {
        Label title = new Label("Workload mix");
        title.getStyleClass().add("section-subtitle");
        Label hint = new Label(
            "Each domain's share of output tokens (sums to 100 %); moving one rescales the others."
        );
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        content.getChildren().addAll(title, hint);
        List<Label> values = new ArrayList<>();
        for (DomainShare share : mix) {
            Label value = new Label(percent(share.weight()));
            value.setId("scenario-mix-value-" + share.domain());
            values.add(value);
        }
        for (int i = 0; i < mix.size(); i++) {
            String domain = mix.get(i).domain();
            Slider slider = new Slider(
                100 * MixShares.MIN_SHARE,
                100 * MixShares.maxShare(mix),
                100 * mix.get(i).weight()
            );
            slider.setId("scenario-mix-" + domain);
            slider.setDisable(mix.size() == 1);
            slider.setAccessibleText(domain + " share of output tokens, percent");
            slider
                .valueProperty()
                .addListener((o, a, b) -> {
                    List<DomainShare> next = MixShares.withShare(mix, domain, b.doubleValue() / 100);
                    for (int j = 0; j < next.size(); j++) {
                        values.get(j).setText(percent(next.get(j).weight()));
                    }
                    if (!slider.isValueChanging()) {
                        whenRefused(model.changeMix(next)); // a click on the track or a key
                    }
                });
            slider
                .valueChangingProperty()
                .addListener((o, was, now) -> {
                    if (was && !now) {
                        whenRefused(
                            model.changeMix(MixShares.withShare(mix, domain, slider.getValue() / 100))
                        );
                    }
                });
            Label name = new Label(domain);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            content.getChildren().addAll(new HBox(6, name, gap, values.get(i)), slider);
        }
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, share < 0.01 ? "%.1f %%" : "%.0f %%", 100 * share);
    }

    private void section(
        String title,
        List<String> all,
        List<String> selected,
        java.util.function.Function<String, String> label,
        java.util.function.Consumer<List<String>> apply
    ) {
        Label t = new Label(title);
        t.getStyleClass().add("section-subtitle");
        content.getChildren().add(t);
        List<CheckBox> boxes = new ArrayList<>();
        for (String id : all) {
            CheckBox box = new CheckBox(label.apply(id));
            // Names like q8_0 keep their underscores (no mnemonic parsing; issue 19, item 8).
            box.setMnemonicParsing(false);
            box.setTooltip(new Tooltip(label.apply(id) + " (" + id + ")"));
            box.setId("scenario-" + title.toLowerCase(java.util.Locale.ROOT) + "-" + id);
            box.setSelected(selected.isEmpty() || selected.contains(id));
            boxes.add(box);
        }
        for (int i = 0; i < boxes.size(); i++) {
            boxes
                .get(i)
                .setOnAction(e -> {
                    List<String> chosen = new ArrayList<>();
                    for (int j = 0; j < boxes.size(); j++) {
                        if (boxes.get(j).isSelected()) chosen.add(all.get(j));
                    }
                    apply.accept(chosen.size() == all.size() ? List.of() : chosen);
                });
        }
        content.getChildren().addAll(boxes);
    }
}
