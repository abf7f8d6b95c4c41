package org.crisis.report;

/**
 * A results directory or a report option that cannot be used: missing or unreadable files,
 * a column the report needs, a path outside the output directory. The command line answers it
 * with exit status 2.
 */
public final class ReportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
