package lab.runner.cli;

/** The exit statuses every command shares, as listed in {@code ./lab --help}. */
final class ExitCodes {

    static final int OK = 0;
    static final int MISMATCH = 1;
    static final int USAGE = 2;
    static final int CANNOT_START = 3;
    /** The shell's convention for a command ended by SIGINT (128 + 2). */
    static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
