package io.configspec.engine.twins;

/** A Hugging Face {@code config.json} that cannot describe a twin; the message names file and field. */
public final class TwinConfigException extends Exception {

    private final String source;
    private final String field;

    public TwinConfigException(String source, String field, String problem) {
        super(source + (field == null ? "" : ": field '" + field + "'") + ": " + problem);
        this.source = source;
        this.field = field;
    }

    /** A file that cannot be read as JSON at all (the reader's sentence names the file). */
    public TwinConfigException(String source, io.configspec.model.io.ProfileException unreadable) {
        super(unreadable.getMessage(), unreadable);
        this.source = source;
        this.field = null;
    }

    /** The file or preset that was read. */
    public String source() {
        return source;
    }

    /** The offending field, or null for a whole-file problem. */
    public String field() {
        return field;
    }
}
