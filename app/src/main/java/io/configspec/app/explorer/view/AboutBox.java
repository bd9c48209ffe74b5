package io.configspec.app.explorer.view;

import io.configspec.app.BuildInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Help › About: what the explorer is, and the versions of everything it runs on. */
final class AboutBox {

    private AboutBox() {}

    /** Component → version, in the order shown. */
    static Map<String, String> versions() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("ConfigSpec Explorer", BuildInfo.version());
        out.put("Java", Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")");
        out.put("JavaFX", System.getProperty("javafx.runtime.version", "unknown"));
        out.put("ONNX Runtime", BuildInfo.property("onnxruntime", "unknown"));
        out.put(
            "Operating system",
            System.getProperty("os.name") +
                " " +
                System.getProperty("os.version") +
                " (" +
                System.getProperty("os.arch") +
                ")"
        );
        return out;
    }

    static String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(
            "Chooses speculative-decoding configurations (device, drafter, quantisation, target, K) with the analytical model of the ConfigSpec paper, measures boards and simulates fleets.\n\n"
        );
        versions().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        sb.append("\nUser guide: Help › User guide (F1).");
        return sb.toString();
    }

    static void show(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text(), ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About ConfigSpec Explorer");
        alert.setHeaderText("ConfigSpec Explorer " + BuildInfo.version());
        alert.getDialogPane().setId("about-dialog");
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }
}
