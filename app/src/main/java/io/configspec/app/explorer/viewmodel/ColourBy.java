package io.configspec.app.explorer.viewmodel;

/** What the chart's point colour encodes. */
public enum ColourBy {
    DEVICE("Device"),
    DRAFTER("Drafter"),
    QUANTIZATION("Quantisation"),
    K("Speculative length K");

    private final String label;

    ColourBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
