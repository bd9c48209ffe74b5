package io.configspec.model.domain;

/**
 * A domain value rejected by a record's canonical constructor. Carries the offending field's name
 * (relative to the record, e.g. {@code tokensPerSecond}) and the problem, so that the file loader
 * can prefix the position in the file ({@code drafting[2].tokensPerSecond}) and name the file.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    /**
     * @param field field name relative to the record that rejected it
     * @param problem what is wrong, phrased to follow the field name ("must be > 0 but is -3.0")
     */
    public InvalidFieldException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field, relative to the record that rejected it. */
    public String field() {
        return field;
    }

    /** The problem, phrased to follow the field name. */
    public String problem() {
        return problem;
    }

    /** The same problem with the field's position inside an enclosing record prepended. */
    public InvalidFieldException within(String enclosingField) {
        return new InvalidFieldException(enclosingField + "." + field, problem);
    }
}
