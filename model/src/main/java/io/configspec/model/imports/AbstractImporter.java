package io.configspec.model.imports;

import java.util.Objects;

/**
 * What every importer states the same way: the id on the command line and what it reads, for
 * people, given once to the constructor. Subclasses say how they detect and read their format.
 */
public abstract class AbstractImporter implements Importer {

    private final String id;
    private final String name;

    /**
     * @param id the name on the command line ({@code --from}), e.g. {@code llama-bench}
     * @param name what it reads, for people
     */
    protected AbstractImporter(String id, String name) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String name() {
        return name;
    }
}
