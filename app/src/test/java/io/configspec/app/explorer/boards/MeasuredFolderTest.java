package io.configspec.app.explorer.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.configspec.app.explorer.ExplorerContext;
import io.configspec.app.explorer.UserFolders;
import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the Boards tab writes the profiles it measures and its connection ({@code boards.json}): under the {@code configspec.userdir} folder
 * when that property points somewhere (a session kept apart from the user's own files writes
 * nothing into their configuration folder), else in the configuration folder as before.
 */
class MeasuredFolderTest {

    @TempDir
    Path userDir;

    private BoardsViewModel boards;

    @AfterEach
    void cleanUp() {
        if (boards != null) boards.close();
        System.clearProperty("configspec.userdir");
    }

    private BoardsViewModel boardsTab() {
        SynchronousTaskExecutor executor = new SynchronousTaskExecutor();
        ExplorerViewModel explorer = new ExplorerViewModel(executor, new AnalysisService());
        boards = BoardsExplorerView.viewModel(new ExplorerContext(explorer, executor, null, userDir));
        return boards;
    }

    @Test
    void withTheUserDirSetTheBoardsTabWritesItsProfilesUnderIt() {
        System.setProperty("configspec.userdir", userDir.toString());

        assertEquals(userDir.resolve("measured"), boardsTab().measuredDirectory());
        assertEquals(userDir.resolve("boards.json"), BoardSettingsStore.userDefault().file());
    }

    @Test
    void withoutTheUserDirTheBoardsTabWritesItsProfilesInTheConfigurationFolder() {
        System.clearProperty("configspec.userdir");

        assertEquals(UserFolders.config().resolve("measured"), boardsTab().measuredDirectory());
        assertEquals(UserFolders.config().resolve("boards.json"), BoardSettingsStore.userDefault().file());
    }
}
