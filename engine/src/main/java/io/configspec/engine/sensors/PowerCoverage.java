package io.configspec.engine.sensors;

/**
 * What a power source's total covers. Sources that see more of the board rank first when the
 * detector picks the one whose watts a device profile records.
 */
public enum PowerCoverage {
    /** The board's (or module's) input, e.g. Jetson VDD_IN: everything after the barrel/USB-C jack. */
    BOARD_INPUT("board input", 0),
    /** A laptop's battery discharge: the whole machine, but only while on battery. */
    BATTERY_DISCHARGE("battery discharge", 1),
    /** The sum of the SoC's regulator rails, e.g. the Raspberry Pi 5 PMIC: misses conversion losses and peripherals. */
    SOC_RAILS("sum of SoC rails", 2),
    /** The CPU package (and DRAM where reported) from RAPL: misses the rest of the machine. */
    CPU_PACKAGE("CPU package", 3),
    /** One component behind a hwmon sensor (a GPU, a USB-PD controller): misses everything else. */
    COMPONENT("one component", 4);

    private final String label;
    private final int rank;

    PowerCoverage(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    public String label() {
        return label;
    }

    /** Lower is broader coverage. */
    public int rank() {
        return rank;
    }
}
