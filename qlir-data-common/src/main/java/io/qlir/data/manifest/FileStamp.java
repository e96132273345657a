package io.qlir.data.manifest;

/**
 * What the manifest remembers about a slice file to notice, without reading it, that it changed.
 *
 * <p>Size and modification time are compared at every open (one directory listing); a file whose stamp differs
 * is read again. The hash is the one computed from the file's data array when it was written or adopted.
 *
 * @param size the file's size in bytes
 * @param mtimeMs the file's last-modified time in epoch millis
 * @param dataSha256 the SHA-256 of the file's data array bytes (lowercase hex)
 */
public record FileStamp(long size, long mtimeMs, String dataSha256) {
}
