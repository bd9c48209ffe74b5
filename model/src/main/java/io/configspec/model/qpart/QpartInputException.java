package io.configspec.model.qpart;

/** Bad input to the QPART planner: the message is one sentence a user can act on. */
public final class QpartInputException extends Exception {

    public QpartInputException(String message) {
        super(message);
    }
}
