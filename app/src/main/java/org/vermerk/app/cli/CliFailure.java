package org.vermerk.app.cli;

/** A command failed: a one-line message for people, a short code for scripts, an exit code. */
final class CliFailure extends Exception {
    private final int exitCode;
    private final String code;

    CliFailure(int exitCode, String code, String message) {
        super(message);
        this.exitCode = exitCode;
        this.code = code;
    }

    int exitCode() {
        return exitCode;
    }

    String code() {
        return code;
    }
}
