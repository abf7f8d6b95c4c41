package org.crisis.io;

import java.io.IOException;

/**
 * An output directory that cannot be used: it exists and is not empty, another crisis process
 * is writing it, it holds an interrupted sweep or calibration, or the path given for it is unusable ('..',
 * no name, a file in the way). Nothing has been written; the command line answers it with
 * exit status 2.
 */
public class OutputUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutputUnavailableException(String message) {
        super(message);
    }
}
