package io.configspec.engine.sensors;

/**
 * What a power source's total covers, broadest first. Sources that see more of the board rank
 * first when the detector picks the one whose watts a device profile records.
 */
public enum PowerCoverage {
    /** The board's (or module's) input, e.g. Jetson VDD_IN: everything after the barrel/USB-C jack. */
    BOARD_INPUT("board input"),
    /** A laptop's battery discharge: the whole machine, but only while on battery. */
    BATTERY_DISCHARGE("battery discharge"),
    /** The sum of the SoC's regulator rails, e.g. the Raspberry Pi 5 PMIC: misses conversion losses and peripherals. */
    SOC_RAILS("sum of SoC rails"),
    /** The CPU package (and DRAM where reported) from RAPL: misses the rest of the machine. */
    CPU_PACKAGE("CPU package"),
    /** One component behind a hwmon sensor (a GPU, a USB-PD controller): misses everything else. */
    COMPONENT("one component");

    private final String label;

    PowerCoverage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Lower is broader coverage: the constants are declared broadest first. */
    public int rank() {
        return ordinal();
    }
}
