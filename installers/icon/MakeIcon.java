import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the ConfigSpec Explorer icon (a cloud of configurations with its Pareto front picked out)
 * and writes it in the three forms jpackage wants: {@code configspec.png} (Linux, 256 px),
 * {@code configspec.ico} (Windows: 16, 32, 48, 256 px PNG entries) and {@code configspec.icns}
 * (macOS: 128 to 1024 px PNG entries). Run with the JDK's source launcher, no build needed:
 * {@code java installers/icon/MakeIcon.java OUT_DIR}. Deterministic (fixed seed), so the icon is
 * the same on every machine; package.sh runs it at packaging time.
 */
public final class MakeIcon {

    private MakeIcon() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java MakeIcon.java OUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : new int[] { 16, 32, 48, 128, 256, 512, 1024 }) {
            png.put(size, png(draw(size)));
        }
        Files.write(out.resolve("configspec.png"), png.get(256));
        Files.write(out.resolve("configspec.ico"), ico(png, 16, 32, 48, 256));
        Files.write(out.resolve("configspec.icns"), icns(png));
    }

    /** The icon at {@code size} pixels, drawn in a 100-unit square. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 100.0, size / 100.0);

        g.setPaint(new GradientPaint(0, 0, new Color(0x1d3557), 100, 100, new Color(0x0b132b)));
        g.fill(new RoundRectangle2D.Double(2, 2, 96, 96, 22, 22));

        // Axes.
        g.setColor(new Color(255, 255, 255, 90));
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Path2D.Double() {
            {
                moveTo(16, 14);
                lineTo(16, 84);
                lineTo(86, 84);
            }
        });

        // The configuration cloud: points below the front y = 78 - 0.0085 (x - 16)^2 ... kept inside it.
        Random random = new Random(2026);
        g.setColor(new Color(0x8ecae6));
        if (size >= 32) {
            for (int i = 0; i < 34; i++) {
                double x = 22 + random.nextDouble() * 58;
                double limit = front(x) + 7;
                double y = limit + random.nextDouble() * (80 - limit);
                double r = 2.1;
                g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
        }

        // The Pareto front: a staircase through the best points, and the points themselves.
        double[] xs = { 22, 33, 45, 57, 68, 79 };
        Path2D stairs = new Path2D.Double();
        stairs.moveTo(xs[0], front(xs[0]));
        for (int i = 1; i < xs.length; i++) {
            stairs.lineTo(xs[i], front(xs[i - 1]));
            stairs.lineTo(xs[i], front(xs[i]));
        }
        g.setColor(new Color(0xffb703));
        g.setStroke(new BasicStroke(size >= 32 ? 3.2f : 5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(stairs);
        for (double x : xs) {
            double r = size >= 32 ? 4.6 : 6;
            g.setColor(new Color(0xfb8500));
            g.fill(new Ellipse2D.Double(x - r, front(x) - r, 2 * r, 2 * r));
            g.setColor(new Color(0xfff3c4));
            g.fill(new Ellipse2D.Double(x - r / 2.6, front(x) - r / 2.6, r / 1.3, r / 1.3));
        }
        g.dispose();
        return image;
    }

    /** Height of the front at x (small y is high on the icon). */
    private static double front(double x) {
        return 20 + 0.0095 * (x - 16) * (x - 16);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** ICO container with PNG entries (Windows Vista and later read PNG entries). */
    private static byte[] ico(Map<Integer, byte[]> png, int... sizes) {
        int length = 6 + 16 * sizes.length;
        for (int s : sizes) {
            length += png.get(s).length;
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int s : sizes) {
            byte[] data = png.get(s);
            b.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s));
            b.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            b.putInt(data.length).putInt(offset);
            offset += data.length;
        }
        for (int s : sizes) {
            b.put(png.get(s));
        }
        return b.array();
    }

    /** ICNS container (big-endian) with the PNG types ic07 (128) to ic10 (1024). */
    private static byte[] icns(Map<Integer, byte[]> png) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ic07", png.get(128));
        entries.put("ic08", png.get(256));
        entries.put("ic09", png.get(512));
        entries.put("ic10", png.get(1024));
        int length = 8;
        for (byte[] data : entries.values()) {
            length += 8 + data.length;
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
        b.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(length);
        entries.forEach((type, data) -> {
            b.put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + data.length).put(data);
        });
        return b.array();
    }
}
