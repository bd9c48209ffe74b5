package io.configspec.app.explorer.export;

import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.Evaluation;
import io.configspec.app.explorer.viewmodel.Numbers;
import io.configspec.model.analysis.Objective;
import io.configspec.model.pareto.Recommendation;
import java.util.ArrayList;
import java.util.List;

/**
 * The first comment lines of an export made in the window: which configuration, its predicted
 * figures with units under the what-ifs in force, and, when it is a recommendation, why.
 */
final class ExportNotes {

    private ExportNotes() {}

    static List<String> of(Evaluation evaluation, int row) {
        List<String> notes = new ArrayList<>();
        notes.add("ConfigSpec Explorer: " + evaluation.label(row));
        StringBuilder figures = new StringBuilder("Predicted under the what-ifs in force: ");
        boolean first = true;
        for (Objective o : AnalysisService.PAPER_OBJECTIVES) {
            if (!first) figures.append(" · ");
            first = false;
            figures.append(o.label()).append(' ').append(Numbers.compact(evaluation.space().value(o, row)));
            figures.append(' ').append(o.unit());
        }
        notes.add(figures.toString());
        for (Recommendation r : evaluation.result().recommendations()) {
            if (r.row() == row) {
                notes.add("Recommended for " + r.kind().jsonName() + ": " + r.reason());
            }
        }
        return notes;
    }
}
