package io.configspec.model.report;

/**
 * Draws a {@link ReportChart} as an image a self-contained HTML page can embed: inline SVG, or a
 * PNG for charts with too many points for a reasonable SVG. Implementations must not need a
 * display (the command line renders reports on servers).
 */
@FunctionalInterface
public interface ChartRenderer {
    /**
     * Draws {@code chart} at the given size in CSS pixels.
     *
     * @throws java.io.UncheckedIOException if encoding the image fails
     */
    Image render(ReportChart chart, int widthPixels, int heightPixels);

    /**
     * An encoded chart.
     *
     * @param mimeType {@code image/svg+xml} or {@code image/png}
     * @param bytes the encoded image (UTF-8 text for SVG)
     */
    record Image(String mimeType, byte[] bytes) {
        public static final String SVG = "image/svg+xml";
        public static final String PNG = "image/png";

        public Image {
            if (!mimeType.equals(SVG) && !mimeType.equals(PNG)) {
                throw new IllegalArgumentException("mimeType: " + SVG + " or " + PNG + ", got " + mimeType);
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
