package io.configspec.app.explorer.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** PNG export of charts: snapshot on the FX thread, encode and write anywhere else. */
public final class ChartImages {

    private ChartImages() {}

    /** Snapshot of {@code node} as an AWT image. FX thread only. */
    public static BufferedImage snapshot(Node node) {
        WritableImage image = node.snapshot(null, null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    /**
     * Writes {@code image} as PNG to {@code target} atomically (temporary file in the same folder,
     * then a rename), so a failed export never leaves a truncated file. Not on the FX thread.
     */
    public static void writePng(BufferedImage image, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
