package io.configspec.app.explorer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.app.report.JFreeChartRenderer;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.report.ChartRenderer;
import io.configspec.model.report.ScenarioReport;
import io.configspec.model.service.ScenarioEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File › Export report's view model: the window's evaluation becomes the report file with its
 * progress told step by step; a cancel stops it and leaves the old file as it was.
 */
class ReportExportTest {

    private static final Instant GENERATED = Instant.parse("2026-12-02T18:00:00Z");

    private static ScenarioEvaluation paper;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        var loaded = ScenarioLoader.load(Samples.paperScenario());
        paper = ScenarioEvaluation.evaluate(loaded, loaded.scenario().whatIf());
    }

    @Test
    void writesTheSameReportAsTheCommandLineTellingEachStep() throws Exception {
        ReportExport export = new ReportExport(new SynchronousTaskExecutor(), new JFreeChartRenderer(), () ->
            GENERATED
        );
        List<Double> progress = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        export
            .work()
            .progressProperty()
            .addListener((o, a, b) -> progress.add(b.doubleValue()));
        export
            .work()
            .messageProperty()
            .addListener((o, a, b) -> messages.add(b));
        Path file = dir.resolve("paper-report.html");

        assertEquals(file, export.start(paper, file).get());

        String written = Files.readString(file);
        assertEquals(ScenarioReport.html(paper, new JFreeChartRenderer(), GENERATED), written);
        assertEquals(ScenarioReport.CHART_AXES.size(), count(written, "<svg "), "three charts inline");
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress only grows: " + progress);
        }
        assertEquals(1.0, progress.getLast());
        assertTrue(messages.contains("Drawing chart 2 of 3…"), messages.toString());
        assertEquals("Report saved to paper-report.html.", export.work().messageProperty().get());
        assertFalse(export.work().runningProperty().get());
        assertEquals(List.of(file), listing());
    }

    @Test
    void cancellingWhileAChartIsDrawnWritesNothingAndKeepsTheOldFile() throws Exception {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "the report from yesterday");
        AtomicReference<ReportExport> export = new AtomicReference<>();
        List<Integer> drawn = new ArrayList<>();
        ChartRenderer real = new JFreeChartRenderer();
        ChartRenderer cancelDuringTheFirstChart = (chart, w, h) -> {
            drawn.add(drawn.size());
            export.get().cancel(); // the user presses Cancel while the first chart is drawn
            return real.render(chart, w, h);
        };
        export.set(
            new ReportExport(new SynchronousTaskExecutor(), cancelDuringTheFirstChart, () -> GENERATED)
        );

        var done = export.get().start(paper, file);

        ExecutionException failure = assertThrows(ExecutionException.class, done::get);
        assertInstanceOf(CancellationException.class, ReportExport.unwrap(failure.getCause()));
        assertEquals(List.of(0), drawn, "stops before the second chart");
        assertEquals("the report from yesterday", Files.readString(file));
        assertEquals(List.of(file), listing(), "no temporary file left");
        assertEquals("Cancelled: report.html was not written.", export.get().work().messageProperty().get());
        assertFalse(export.get().work().runningProperty().get());
        assertEquals(0.0, export.get().work().progressProperty().get());
    }

    @Test
    void aFailureIsOneSentenceAndTheExportCanRunAgain() throws Exception {
        Path folder = dir.resolve("a-folder.html");
        Files.createDirectory(folder);
        ReportExport export = new ReportExport(new SynchronousTaskExecutor(), new JFreeChartRenderer(), () ->
            GENERATED
        );

        assertThrows(ExecutionException.class, () -> export.start(paper, folder).get());

        String message = export.work().messageProperty().get();
        assertTrue(message.startsWith("Report not saved: "), message);
        assertTrue(message.contains("a-folder.html"), message);
        assertTrue(Files.isDirectory(folder));
        Path file = dir.resolve("second-try.html");
        assertEquals(file, export.start(paper, file).get());
        assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
    }

    private List<Path> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
        return n;
    }
}
