package io.configspec.engine.qpart;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.model.qpart.QpartInputException;
import io.configspec.model.qpart.QpartPlan;
import io.configspec.model.qpart.QpartProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds a planned sample-family drafter and, when asked, measures it: the one path behind
 * {@code configspec qpart --build [--measure]} and the explorer's planner panel. With a
 * measurement and a budget in acceptance, the build is budget-checked ({@link
 * BudgetCheckedBuild}); then the built drafter's and the unquantised drafter's speeds are measured
 * ({@link PlannedDrafterMeasurement}).
 */
public final class PlannedDrafterWorkflow {

    /**
     * What to build.
     *
     * @param problem the planning problem (its budget in acceptance when {@code acceptanceBudget})
     * @param firstPlan the planner's answer to {@code problem}
     * @param acceptanceBudget whether the budget is an acceptance drop (calibrated)
     * @param referenceDir the unquantised drafter's model directory (sample family)
     * @param modelsDir where the planned drafter is written
     * @param label its precision label, e.g. {@code qpart-da0.02}
     * @param measure whether to measure it (needs target and prompts)
     * @param target the target's model name, in the reference drafter's models directory
     * @param prompts prompts for the measurement
     * @param tokens target tokens per prompt
     * @param passes timed passes per drafter
     */
    public record Request(
        QpartProblem problem,
        QpartPlan firstPlan,
        boolean acceptanceBudget,
        Path referenceDir,
        Path modelsDir,
        String label,
        boolean measure,
        String target,
        List<String> prompts,
        int tokens,
        int passes
    ) {}

    /**
     * What was built.
     *
     * @param name the drafter's model name
     * @param member the model written
     * @param plan the plan it was built from (the last attempt's when budget-checked)
     * @param attempts the budget-checked attempts (empty when not measured or not in acceptance)
     * @param measurement its measurement, or null
     */
    public record Result(
        String name,
        SampleFamily.Member member,
        QpartPlan plan,
        List<BudgetCheckedBuild.Attempt> attempts,
        PlannedDrafterMeasurement measurement
    ) {
        public Result {
            attempts = List.copyOf(attempts);
        }
    }

    /** Attempts at most in a budget-checked build. */
    public static final int MAX_ATTEMPTS = 6;

    private PlannedDrafterWorkflow() {}

    /** Runs {@code request}, reporting progress lines to {@code log}. */
    public static Result run(Request request, Consumer<String> log)
        throws QpartInputException, ModelLoadException, InferenceException, IOException {
        SampleFamily.Spec family = PlannedDrafters.familySpec(request.referenceDir());
        QpartPlan plan = request.firstPlan();
        String name = PlannedDrafters.drafterName(plan.layers().size() - 1, request.label());
        if (!request.measure()) {
            SampleFamily.Member member = PlannedDrafters.build(
                request.modelsDir(),
                family,
                plan,
                name,
                request.label()
            );
            log.accept("built " + member.directory() + " (" + member.parameters() + " parameters)");
            return new Result(name, member, plan, List.of(), null);
        }
        ModelCatalog catalog = ModelCatalog.scan(request.referenceDir().toAbsolutePath().getParent());
        ModelCatalog.Entry targetEntry = catalog.find(request.target());
        List<int[]> ids = PlannedDrafterMeasurement.encode(targetEntry.directory(), request.prompts());
        EngineOptions options = EngineOptions.defaults();
        GreedyAgreement.Reference reference;
        try (DecoderModel t = DecoderModel.open(targetEntry.modelFile(), options)) {
            reference = GreedyAgreement.reference(t, request.target(), ids, request.tokens());
        }
        SampleFamily.Member member;
        List<BudgetCheckedBuild.Attempt> attempts = List.of();
        if (request.acceptanceBudget()) {
            BudgetCheckedBuild.Result checked = BudgetCheckedBuild.run(
                request.problem(),
                request.referenceDir(),
                request.modelsDir(),
                family,
                name,
                request.label(),
                reference,
                MAX_ATTEMPTS,
                options,
                log
            );
            member = checked.built();
            plan = checked.last().plan();
            attempts = checked.attempts();
        } else {
            member = PlannedDrafters.build(request.modelsDir(), family, plan, name, request.label());
        }
        log.accept(
            "built " + member.directory() + " (" + member.parameters() + " parameters); measuring speed"
        );
        PlannedDrafterMeasurement measured = PlannedDrafterMeasurement.measure(
            request.referenceDir(),
            member.directory(),
            reference,
            request.tokens(),
            request.passes(),
            options,
            log
        );
        return new Result(name, member, plan, attempts, measured);
    }
}
