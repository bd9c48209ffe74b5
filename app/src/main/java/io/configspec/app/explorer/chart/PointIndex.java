package io.configspec.app.explorer.chart;

/**
 * A uniform grid over screen pixels for nearest-point queries (hover, click) in O(points in the
 * 3 × 3 neighbouring cells) instead of O(n). Built once per frame in O(n) from the screen
 * positions the renderer computed anyway; stored compactly (cell offsets + row indices).
 *
 * <p>Made only by {@link #build} and {@link #empty}; it owns its arrays and never changes them (its
 * equality is the arrays' identity).
 *
 * @param cellSize grid cell edge in pixels
 * @param columns grid columns
 * @param rows grid rows
 * @param cellStart per cell, where its rows start in {@code items} (one more entry than cells)
 * @param items the rows on screen, grouped by cell
 * @param screenX pixel x per data row, NaN for rows not on screen
 * @param screenY pixel y per data row, NaN for rows not on screen
 */
record PointIndex(
    int cellSize,
    int columns,
    int rows,
    int[] cellStart,
    int[] items,
    float[] screenX,
    float[] screenY
) {
    static PointIndex empty() {
        return new PointIndex(1, 0, 0, new int[1], new int[0], new float[0], new float[0]);
    }

    /**
     * @param screenX pixel x per data row, NaN for rows not on screen
     * @param screenY pixel y per data row, NaN for rows not on screen
     * @param width canvas width in pixels
     * @param height canvas height in pixels
     * @param cellSize grid cell edge in pixels (≥ the hover radius)
     */
    static PointIndex build(float[] screenX, float[] screenY, int width, int height, int cellSize) {
        int columns = Math.max(1, (width + cellSize - 1) / cellSize);
        int rows = Math.max(1, (height + cellSize - 1) / cellSize);
        int cells = columns * rows;
        int[] counts = new int[cells + 1];
        int n = screenX.length;
        int[] cellOf = new int[n];
        int present = 0;
        for (int i = 0; i < n; i++) {
            float x = screenX[i];
            float y = screenY[i];
            if (Float.isNaN(x) || Float.isNaN(y)) {
                cellOf[i] = -1;
                continue;
            }
            int cx = clamp((int) (x / cellSize), columns);
            int cy = clamp((int) (y / cellSize), rows);
            int cell = cy * columns + cx;
            cellOf[i] = cell;
            counts[cell + 1]++;
            present++;
        }
        for (int c = 0; c < cells; c++) {
            counts[c + 1] += counts[c];
        }
        int[] fill = new int[cells];
        System.arraycopy(counts, 0, fill, 0, cells);
        int[] items = new int[present];
        for (int i = 0; i < n; i++) {
            int cell = cellOf[i];
            if (cell >= 0) {
                items[fill[cell]++] = i;
            }
        }
        return new PointIndex(cellSize, columns, rows, counts, items, screenX, screenY);
    }

    private static int clamp(int v, int limit) {
        return v < 0 ? 0 : Math.min(v, limit - 1);
    }

    /**
     * Row nearest to pixel ({@code x}, {@code y}) within {@code maxDistance} pixels, or −1. Ties go
     * to the lower row index, so the answer does not depend on the grid layout.
     */
    int nearest(double x, double y, double maxDistance) {
        if (columns == 0) {
            return -1;
        }
        int reach = (int) Math.ceil(maxDistance / cellSize);
        int cx = (int) Math.floor(x / cellSize);
        int cy = (int) Math.floor(y / cellSize);
        double best = maxDistance * maxDistance;
        int bestRow = -1;
        for (int gy = Math.max(0, cy - reach); gy <= Math.min(rows - 1, cy + reach); gy++) {
            for (int gx = Math.max(0, cx - reach); gx <= Math.min(columns - 1, cx + reach); gx++) {
                int cell = gy * columns + gx;
                for (int p = cellStart[cell]; p < cellStart[cell + 1]; p++) {
                    int row = items[p];
                    double dx = screenX[row] - x;
                    double dy = screenY[row] - y;
                    double d = dx * dx + dy * dy;
                    if (d < best || (d == best && bestRow >= 0 && row < bestRow)) {
                        best = d;
                        bestRow = row;
                    }
                }
            }
        }
        return bestRow;
    }

    /** Pixel position of a row, or NaN when off screen. */
    float screenX(int row) {
        return row >= 0 && row < screenX.length ? screenX[row] : Float.NaN;
    }

    float screenY(int row) {
        return row >= 0 && row < screenY.length ? screenY[row] : Float.NaN;
    }
}
