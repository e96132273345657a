package io.qlir.cli;

/** The exit codes of every qlir command (the same as picocli's {@code ExitCode}). */
final class Exit {

    /** Success; for {@code manifest validate}, also "warnings only". */
    static final int OK = 0;
    /** A runtime failure, or validation violations found. */
    static final int FAILURE = 1;
    /** Bad usage or bad input: nothing was done, nothing was written. */
    static final int BAD_INPUT = 2;

    private Exit() {
    }
}
