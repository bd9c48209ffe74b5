package io.configspec.model.export;

import io.configspec.model.domain.Enums;
import io.configspec.model.domain.JsonNamed;
import java.util.Optional;

/**
 * The three spellings of llama.cpp's draft-model flags, newest first, each with the builds it
 * applies to (docs/decisions/0023: {@code common/arg.cpp} and the help table generated from it).
 */
public enum LlamaCppDialect implements JsonNamed {
    /**
     * {@code --spec-type draft-simple --spec-draft-model FILE --spec-draft-n-max/-n-min/-p-min}: builds
     * with PR #22964 (May 2026) and newer.
     */
    SPEC_TYPE(
        "--spec-type draft-simple with --spec-draft-* (llama.cpp builds from May 2026, PR #22964, onwards)",
        "llama.cpp builds from May 2026 (PR #22964) onwards; older builds reject --spec-type draft-simple"
    ),
    /**
     * {@code -md FILE --draft-max/--draft-min/--draft-p-min}: llama-server from PR #10455 (2024-11-25)
     * until PR #22397 (April 2026) turned these flags into errors.
     */
    DRAFT_MAX(
        "-md with --draft-max/--draft-min/--draft-p-min (llama-server from 2024-11-25 to April 2026)",
        "llama-server builds from PR #10455 (2024-11-25) up to PR #22397 (April 2026); newer builds stop with " +
            "\"the argument has been removed\""
    ),
    /**
     * {@code -md FILE --draft N}: the oldest spelling (the speculative example since PR #2926, 2023-09;
     * an alias of {@code --draft-max} in llama-server until PR #22397). No control of early stop.
     */
    DRAFT(
        "-md with --draft N, the oldest spelling (llama-server to April 2026, llama-speculative since 2023)",
        "llama-server builds from PR #10455 (2024-11-25) up to PR #22397 (April 2026), where --draft is an alias of " +
            "--draft-max; earlier builds draft only in llama-speculative (PR #2926, 2023-09), with the same flags"
    );

    private final String label;
    private final String builds;

    LlamaCppDialect(String label, String builds) {
        this.label = label;
        this.builds = builds;
    }

    /** The name on the command line, e.g. {@code spec-type}. */
    public String cliName() {
        return jsonName();
    }

    /** One line for a chooser: the flags and the builds, e.g. in the export dialog. */
    public String label() {
        return label;
    }

    /** The builds this spelling applies to, in words (written into the export as a comment). */
    public String builds() {
        return builds;
    }

    /** The newest spelling, the default. */
    public static LlamaCppDialect newest() {
        return SPEC_TYPE;
    }

    /** The dialect named {@code name} on the command line (case-insensitive), if any. */
    public static Optional<LlamaCppDialect> fromCliName(String name) {
        return Enums.byName(values(), LlamaCppDialect::cliName, name);
    }

    /** All CLI names, comma-separated, newest first. */
    public static String cliNames() {
        return Enums.names(values(), LlamaCppDialect::cliName);
    }
}
