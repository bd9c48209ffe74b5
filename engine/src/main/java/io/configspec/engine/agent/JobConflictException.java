package io.configspec.engine.agent;

/** A job was submitted while another one runs (one job at a time: measurements would interfere). */
public final class JobConflictException extends Exception {

    private final String runningJobId;

    public JobConflictException(String runningJobId) {
        super("job " + runningJobId + " is still running; cancel it or wait for it to finish");
        this.runningJobId = runningJobId;
    }

    public String runningJobId() {
        return runningJobId;
    }
}
