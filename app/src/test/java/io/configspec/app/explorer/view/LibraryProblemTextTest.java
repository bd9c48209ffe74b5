package io.configspec.app.explorer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.configspec.app.explorer.viewmodel.LibraryViewModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A refused file's line in the library leads with its name, not a path that fills the pane. */
class LibraryProblemTextTest {

    @Test
    void theFullPathGivesWayToTheFileName() {
        Path file = Path.of("/tmp/measured/board/alignment.json");
        LibraryViewModel.Problem problem = new LibraryViewModel.Problem(
            file,
            file + ": drafter 'draft-1l-int8' is not in the library (at /entries/0/drafter)"
        );

        assertEquals(
            "alignment.json: drafter 'draft-1l-int8' is not in the library (at /entries/0/drafter)",
            LibraryPane.shortMessage(problem)
        );
    }

    @Test
    void aMessageWithoutThePathIsLedByTheName() {
        LibraryViewModel.Problem problem = new LibraryViewModel.Problem(
            Path.of("/tmp/x/device.json"),
            "not a profile file"
        );

        assertEquals("device.json: not a profile file", LibraryPane.shortMessage(problem));
    }
}
