/**
 * The application layer: what the command line and the explorer both do, each face only adapting
 * it. Load a scenario ({@link io.configspec.model.io.ScenarioLoader}), evaluate it under a what-if
 * with its fronts, recommendations and their reasons computed once ({@link
 * io.configspec.model.service.ScenarioEvaluation}), write configuration rows in one set of columns
 * ({@link io.configspec.model.service.ConfigurationRowWriter}), import profile files and other
 * tools' outputs through one seam ({@link io.configspec.model.imports.Importers}), let a newly
 * measured or imported device join a scenario ({@link io.configspec.model.service.ScenarioJoin}) and edit a profile library with only the
 * changed files decoded again ({@link io.configspec.model.service.ProfileWorkspace}).
 *
 * <p>Pure Java, synchronous; callers choose the thread (docs/architecture.md, "How to add …").
 */
package io.configspec.model.service;
