package io.configspec.engine.measure;

/**
 * Verification latency of the target for K drafted tokens (K + 1 positions) at a batch size.
 *
 * @param k drafted tokens verified
 * @param batch sequences verified together
 * @param seconds latency of one verification pass, statistics over repetitions
 */
public record VerificationCell(int k, int batch, SampleStatistics seconds) {}
