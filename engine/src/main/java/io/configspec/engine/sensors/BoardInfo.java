package io.configspec.engine.sensors;

/**
 * What the machine is.
 *
 * @param boardName the board's model ({@code Raspberry Pi 5 Model B Rev 1.0}, {@code NVIDIA Jetson
 *     Orin Nano Developer Kit}, a laptop's DMI vendor and product), or {@code unknown board}
 * @param cpuModel the CPU's model name, or its core type on ARM ({@code Cortex-A76})
 * @param cpuCores online logical CPUs
 * @param memoryTotalBytes physical memory, or 0 if unknown
 * @param architecture {@code aarch64}, {@code amd64}, ...
 */
public record BoardInfo(
    String boardName,
    String cpuModel,
    int cpuCores,
    long memoryTotalBytes,
    String architecture
) {}
