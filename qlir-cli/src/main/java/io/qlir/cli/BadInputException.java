package io.qlir.cli;

/**
 * Bad input found after parsing (start after end, an unwritable data root, a bad config value): the command stops
 * before doing anything, prints the message and exits with {@link Exit#BAD_INPUT}. The message names the input and
 * says what would be valid.
 */
final class BadInputException extends Exception {

    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }

    BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
