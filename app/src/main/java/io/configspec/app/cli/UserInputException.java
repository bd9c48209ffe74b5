package io.configspec.app.cli;

/**
 * Bad input on the command line (an unknown {@code --set} key, an option value out of range).
 * Its message is the one sentence the user sees; the CLI exits with code 2.
 */
public final class UserInputException extends RuntimeException {

    public UserInputException(String sentence) {
        super(sentence.endsWith(".") ? sentence : sentence + ".");
    }
}
