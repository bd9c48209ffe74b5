package io.configspec.app.explorer.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Help › User guide: {@code docs/user-guide.md}, bundled in the application (no network, no
 * browser), parsed by commonmark and laid out as JavaFX nodes with its screenshots (decision 0064).
 */
public final class UserGuideWindow {

    /** Where the build puts the guide and its images (app/pom.xml). */
    static final String RESOURCE = "/io/configspec/app/guide/";

    private UserGuideWindow() {}

    /** The guide's Markdown text. */
    static String markdown() {
        try (InputStream in = UserGuideWindow.class.getResourceAsStream(RESOURCE + "user-guide.md")) {
            if (in == null) {
                return "# User guide\n\nThe user guide is not bundled in this build; see docs/user-guide.md.";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The guide as JavaFX nodes, one per block. */
    static VBox content(String markdown) {
        var extensions = List.of(TablesExtension.create());
        org.commonmark.node.Node document = Parser.builder().extensions(extensions).build().parse(markdown);
        VBox page = new VBox(8);
        page.setId("user-guide");
        page.setPadding(new Insets(12, 18, 18, 18));
        for (var block = document.getFirstChild(); block != null; block = block.getNext()) {
            Node node = block(block, page);
            if (node != null) page.getChildren().add(node);
        }
        return page;
    }

    /** Opens the guide in its own window (one at a time; a second call brings it to the front). */
    public static void show(Window owner, boolean dark) {
        if (open != null && open.isShowing()) {
            open.toFront();
            return;
        }
        VBox page = content(markdown());
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        fitImagesTo(page, scroll);
        Scene scene = new Scene(scroll, 980, 720);
        scene
            .getStylesheets()
            .addAll(
                dark ? List.of(MainWindow.LIGHT_CSS, MainWindow.DARK_CSS) : List.of(MainWindow.LIGHT_CSS)
            );
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("ConfigSpec Explorer — user guide");
        stage.setScene(scene);
        stage.show();
        open = stage;
    }

    private static Stage open;

    /**
     * Screenshots are drawn at most as wide as the window shows (the page's own width would grow
     * with them: a 1366 px screenshot kept the page 1366 px wide and every paragraph ran off the
     * window's right edge).
     */
    static void fitImagesTo(VBox page, ScrollPane scroll) {
        page.setMinWidth(0);
        for (Node n : page.lookupAll(".guide-image")) {
            ImageView view = (ImageView) n;
            view.fitWidthProperty().unbind();
            view
                .fitWidthProperty()
                .bind(
                    javafx.beans.binding.Bindings.createDoubleBinding(
                        () ->
                            Math.min(
                                view.getImage().getWidth(),
                                Math.max(120, scroll.getViewportBounds().getWidth() - 40)
                            ),
                        scroll.viewportBoundsProperty()
                    )
                );
        }
    }

    private static Node block(org.commonmark.node.Node block, VBox page) {
        return switch (block) {
            case Heading h -> {
                TextFlow flow = inline(h);
                flow.getStyleClass().addAll("guide-heading", "guide-h" + h.getLevel());
                yield flow;
            }
            case Paragraph p when (
                p.getFirstChild() instanceof Image image && p.getFirstChild() == p.getLastChild()
            ) -> image(image, page);
            case Paragraph p -> inline(p);
            case FencedCodeBlock code -> code(code.getLiteral());
            case IndentedCodeBlock code -> code(code.getLiteral());
            case BulletList list -> list(list, page, false);
            case OrderedList list -> list(list, page, true);
            case TableBlock table -> table(table);
            case ThematicBreak t -> new Separator();
            case BlockQuote quote -> {
                VBox box = new VBox(4);
                box.getStyleClass().add("guide-quote");
                for (var c = quote.getFirstChild(); c != null; c = c.getNext()) {
                    Node n = block(c, page);
                    if (n != null) box.getChildren().add(n);
                }
                yield box;
            }
            default -> null;
        };
    }

    private static Node code(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.getStyleClass().add("guide-code");
        code.setMnemonicParsing(false);
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private static Node image(Image image, VBox page) {
        InputStream in = UserGuideWindow.class.getResourceAsStream(RESOURCE + image.getDestination());
        if (in == null) {
            return inline(image);
        }
        ImageView view = new ImageView(new javafx.scene.image.Image(in));
        view.setPreserveRatio(true);
        view
            .fitWidthProperty()
            .bind(
                javafx.beans.binding.Bindings.min(
                    view.getImage().getWidth(),
                    page.widthProperty().subtract(40)
                )
            );
        view.getStyleClass().add("guide-image");
        return view;
    }

    private static Node list(org.commonmark.node.Node list, VBox page, boolean ordered) {
        VBox box = new VBox(3);
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null
            ? o.getMarkerStartNumber()
            : 1;
        for (var item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) continue;
            VBox body = new VBox(3);
            for (var c = item.getFirstChild(); c != null; c = c.getNext()) {
                Node n = block(c, page);
                if (n != null) body.getChildren().add(n);
            }
            Label bullet = new Label(ordered ? (number++) + "." : "•");
            bullet.setMinWidth(18);
            HBox row = new HBox(4, bullet, body);
            HBox.setHgrow(body, Priority.ALWAYS);
            box.getChildren().add(row);
        }
        return box;
    }

    private static Node table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guide-table");
        grid.setHgap(14);
        grid.setVgap(4);
        int row = 0;
        int columns = 0;
        for (var section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (var r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) continue;
                int column = 0;
                for (var c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (!(c instanceof TableCell cell)) continue;
                    TextFlow flow = inline(cell);
                    if (cell.isHeader()) flow.getStyleClass().add("guide-table-header");
                    grid.add(flow, column++, row);
                }
                columns = Math.max(columns, column);
                row++;
            }
        }
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(c == columns - 1 ? Priority.ALWAYS : Priority.SOMETIMES);
            cc.setMinWidth(60);
            grid.getColumnConstraints().add(cc);
        }
        return grid;
    }

    /** The inline content of {@code parent} as one flow of styled text runs. */
    private static TextFlow inline(org.commonmark.node.Node parent) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("guide-text");
        appendInline(parent, flow, "");
        return flow;
    }

    private static void appendInline(org.commonmark.node.Node parent, TextFlow flow, String style) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNext()) {
            switch (n) {
                case org.commonmark.node.Text t -> flow.getChildren().add(run(t.getLiteral(), style));
                case Code c -> flow.getChildren().add(run(c.getLiteral(), style + " guide-inline-code"));
                case Emphasis e -> appendInline(e, flow, style + " guide-em");
                case StrongEmphasis s -> appendInline(s, flow, style + " guide-strong");
                case Link l -> appendInline(l, flow, style + " guide-link");
                case Image i -> appendInline(i, flow, style + " guide-em");
                case SoftLineBreak b -> flow.getChildren().add(run(" ", style));
                case HardLineBreak b -> flow.getChildren().add(run("\n", style));
                default -> appendInline(n, flow, style);
            }
        }
    }

    private static Text run(String text, String style) {
        Text run = new Text(text);
        run.getStyleClass().add("guide-run");
        for (String s : style.trim().split("\\s+")) {
            if (!s.isEmpty()) run.getStyleClass().add(s);
        }
        return run;
    }
}
