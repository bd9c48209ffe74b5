package io.configspec.engine.qpart;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.model.qpart.QpartInputException;
import io.configspec.model.qpart.QpartPlan;
import io.configspec.model.qpart.QpartPlanner;
import io.configspec.model.qpart.QpartProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plans, builds and measures a drafter until its measured acceptance drop is within the budget.
 * Single-layer drops need not add up exactly, so the first plan can measure above the budget its
 * prediction met; then the planner budget is tightened to the prediction scaled by budget ÷
 * measured drop (× {@value #MARGIN}) and the drafter is planned and built again. A plan with every
 * layer at 16 bits is the unquantised drafter (drop 0), so the loop ends within the budget unless
 * {@code maxAttempts} runs out first, which the result says.
 */
public final class BudgetCheckedBuild {

    /** Extra tightening on each retry. */
    public static final double MARGIN = 0.9;

    /**
     * One plan built and measured.
     *
     * @param plannerBudget the budget the planner was given
     * @param plan the plan
     * @param acceptance the built drafter's measured acceptance
     * @param measuredDrop α_reference − α_built
     */
    public record Attempt(
        double plannerBudget,
        QpartPlan plan,
        GreedyAgreement.Acceptance acceptance,
        double measuredDrop
    ) {}

    /**
     * The outcome.
     *
     * @param budget the acceptance drop allowed
     * @param referenceAcceptance the unquantised drafter's acceptance on the same positions
     * @param attempts every attempt, in order; the last one is the drafter left built
     * @param built the model written
     */
    public record Result(
        double budget,
        GreedyAgreement.Acceptance referenceAcceptance,
        List<Attempt> attempts,
        SampleFamily.Member built
    ) {
        public Result {
            attempts = List.copyOf(attempts);
        }

        /** The drafter left built. */
        public Attempt last() {
            return attempts.getLast();
        }

        /** Whether the drafter left built measures within the budget. */
        public boolean withinBudget() {
            return last().measuredDrop() <= budget;
        }
    }

    private BudgetCheckedBuild() {}

    /**
     * Runs the loop for {@code problem} (calibrated, its budget in acceptance), writing the drafter
     * to {@code modelsDir/name} (replaced on each attempt).
     */
    public static Result run(
        QpartProblem problem,
        Path referenceDir,
        Path modelsDir,
        SampleFamily.Spec family,
        String name,
        String label,
        GreedyAgreement.Reference reference,
        int maxAttempts,
        EngineOptions options,
        Consumer<String> log
    ) throws QpartInputException, ModelLoadException, InferenceException, IOException {
        GreedyAgreement.Acceptance referenceAcceptance;
        try (DecoderModel drafter = DecoderModel.open(referenceDir.resolve("model.onnx"), options)) {
            referenceAcceptance = GreedyAgreement.acceptance(drafter, reference);
        }
        double budget = problem.budget();
        double plannerBudget = budget;
        List<Attempt> attempts = new ArrayList<>();
        SampleFamily.Member built = null;
        for (int i = 0; i < maxAttempts; i++) {
            QpartPlan plan = QpartPlanner.plan(problem.withBudget(plannerBudget));
            built = PlannedDrafters.build(modelsDir, family, plan, name, label);
            GreedyAgreement.Acceptance acceptance;
            try (DecoderModel drafter = DecoderModel.open(built.directory().resolve("model.onnx"), options)) {
                acceptance = GreedyAgreement.acceptance(drafter, reference);
            }
            double drop = referenceAcceptance.rate() - acceptance.rate();
            attempts.add(new Attempt(plannerBudget, plan, acceptance, drop));
            log.accept(
                String.format(
                    java.util.Locale.ROOT,
                    "attempt %d: planner budget %.4g, bits %s, predicted drop %.4g, measured drop %.4f",
                    i + 1,
                    plannerBudget,
                    java.util.Arrays.toString(plan.bits()),
                    plan.totalDegradation(),
                    drop
                )
            );
            if (drop <= budget || plan.totalDegradation() == 0) {
                break;
            }
            plannerBudget = Math.min(plannerBudget, plan.totalDegradation()) * (budget / drop) * MARGIN;
        }
        return new Result(budget, referenceAcceptance, attempts, built);
    }
}
