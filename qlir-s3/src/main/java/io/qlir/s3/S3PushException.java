package io.qlir.s3;

/**
 * A push that could not be done, with one line saying why and naming the URL. Whatever was uploaded before stays
 * recorded, so a rerun continues from there.
 * <pre>{@code
 * try {
 *     pusher.push(dataRoot, to, PushFilter.all());
 * } catch (S3PushException e) {
 *     System.err.println(e.getMessage());       // no bucket 'x' at http://127.0.0.1:9000/x ...
 * }
 * }</pre>
 */
public final class S3PushException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The known ways a push fails. */
    public enum Kind {
        /** The bucket does not exist. */
        NO_SUCH_BUCKET,
        /** No credentials were found, or the server refused them. */
        BAD_CREDENTIALS,
        /** The endpoint could not be reached. */
        UNREACHABLE,
        /** The server kept failing (5xx, throttling, wrong checksums) after every retry, or refused a request. */
        FAILED
    }

    /** Which way the push failed. */
    private final Kind kind;

    S3PushException(Kind kind, String message, Throwable cause) {
        super(message.replaceAll("\\s*\\R\\s*", " "), cause); // one line, whatever the SDK's text holds
        this.kind = kind;
    }

    /**
     * Which way the push failed.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }
}
