/**
 * Measurements to profiles, once for every tool that measures ({@code configspec profile}, the
 * board agent's jobs, {@code configspec measure}): what a run found ({@link
 * io.configspec.model.measurement.BoardMeasurement}), the least-squares fits ({@link
 * io.configspec.model.measurement.LeastSquares}, {@link io.configspec.model.measurement.DraftingFit},
 * {@link io.configspec.model.measurement.VerificationFit}) and the writer ({@link
 * io.configspec.model.measurement.MeasuredProfileWriter}). Pure Java: the engine measures, this
 * package turns the numbers into profiles.
 */
package io.configspec.model.measurement;
