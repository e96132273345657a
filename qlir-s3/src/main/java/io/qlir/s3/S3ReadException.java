package io.qlir.s3;

/**
 * A bucket that could not be read, with one line saying why and naming the URL (a missing bucket, nothing pushed
 * under the prefix, refused credentials, an unreachable endpoint, a server that kept failing). It is an
 * {@link java.io.IOException}, as every failure to read a {@link io.qlir.data.manifest.StoreSource} is.
 * <pre>{@code
 * try (StoreSource s = S3StoreSource.builder().settings(settings).open(S3Location.parse("s3://b/p"))) { ... }
 * catch (S3ReadException e) { System.err.println(e.getMessage()); }   // no bucket 'b' at https://b.s3...
 * }</pre>
 */
public final class S3ReadException extends java.io.IOException {

    private static final long serialVersionUID = 1L;

    /** Which way reading failed; the kinds a push fails in, plus {@link #nothingThere()}. */
    private final S3PushException.Kind kind;
    private final boolean nothingThere;

    S3ReadException(S3PushException.Kind kind, boolean nothingThere, String message, Throwable cause) {
        super(message.replaceAll("\\s*\\R\\s*", " "), cause);
        this.kind = kind;
        this.nothingThere = nothingThere;
    }

    static S3ReadException of(S3PushException e) {
        return new S3ReadException(e.kind(), false, e.getMessage(), e);
    }

    /**
     * Which way reading failed.
     *
     * @return the kind ({@code FAILED} when nothing was there)
     */
    public S3PushException.Kind kind() {
        return kind;
    }

    /**
     * Whether the bucket exists but holds nothing under the prefix (no data root was pushed there).
     *
     * @return true for an empty prefix
     */
    public boolean nothingThere() {
        return nothingThere;
    }
}
