package io.qlir.s3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Puts one file as one object: a single {@code PutObject} below the multipart threshold, else a multipart upload
 * that becomes visible only when completed. Every body is sent with {@code Content-Length} and {@code Content-MD5}
 * (which S3 and the S3-compatible servers verify); the ETag returned is checked against the MD5 too, so a server
 * that stored something else is caught and the upload retried.
 *
 * <p>A file is read through one open channel: a writer replacing it meanwhile (atomic rename) does not change the
 * bytes being hashed and sent.
 */
final class Uploads {

    /** The content of a file as pushed: its SHA-256 (hex) and size, and the ETag the server gave. */
    record Put(String sha256, long size, String etag) {
    }

    private final S3Client s3;
    private final S3Calls calls;
    private final long multipartThreshold;
    private final int partSize;

    Uploads(S3Client s3, S3Calls calls, long multipartThreshold, int partSize) {
        this.s3 = s3;
        this.calls = calls;
        this.multipartThreshold = multipartThreshold;
        this.partSize = partSize;
    }

    /** Hashes a file without uploading it (to decide whether it changed). */
    static String sha256(FileChannel ch) throws IOException {
        MessageDigest sha = digest("SHA-256");
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long pos = 0;
        while (true) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            pos += n;
            buf.flip();
            sha.update(buf);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The channel of a file, open for reading, with the SHA-256 and size of what it holds. */
    static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    Put put(S3Location to, String key, FileChannel ch, String sha256) throws IOException, S3PushException {
        long size = ch.size();
        if (size < multipartThreshold) {
            byte[] bytes = read(ch, 0, (int) size);
            return new Put(sha256, size, putSingle(to, key, bytes, sha256));
        }
        return new Put(sha256, size, putMultipart(to, key, ch, size, sha256));
    }

    Put putBytes(S3Location to, String key, byte[] bytes, String sha256) throws S3PushException {
        return new Put(sha256, bytes.length, putSingle(to, key, bytes, sha256));
    }

    private String putSingle(S3Location to, String key, byte[] bytes, String sha256) throws S3PushException {
        byte[] md5 = digest("MD5").digest(bytes);
        String md5b64 = Base64.getEncoder().encodeToString(md5);
        String expected = HexFormat.of().formatHex(md5);
        return calls.run("put " + to.bucket() + "/" + key, to.bucket(), () -> {
            PutObjectResponse r = s3.putObject(b -> b.bucket(to.bucket()).key(key).contentLength((long) bytes.length)
                    .contentMD5(md5b64).metadata(Map.of("qlir-sha256", sha256)), RequestBody.fromBytes(bytes));
            return checkEtag(key, r.eTag(), expected);
        });
    }

    private String putMultipart(S3Location to, String key, FileChannel ch, long size, String sha256)
            throws IOException, S3PushException {
        String where = to.bucket() + "/" + key;
        CreateMultipartUploadResponse created = calls.run("start multipart upload of " + where, to.bucket(),
                () -> s3.createMultipartUpload(b -> b.bucket(to.bucket()).key(key)
                        .metadata(Map.of("qlir-sha256", sha256))));
        String uploadId = created.uploadId();
        boolean done = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            MessageDigest etagOfEtags = digest("MD5");
            int partNumber = 1;
            for (long pos = 0; pos < size; pos += partSize, partNumber++) {
                byte[] bytes = read(ch, pos, (int) Math.min(partSize, size - pos));
                byte[] md5 = digest("MD5").digest(bytes);
                etagOfEtags.update(md5);
                String md5b64 = Base64.getEncoder().encodeToString(md5);
                int n = partNumber;
                String etag = calls.run("put part " + n + " of " + where, to.bucket(), () -> {
                    UploadPartResponse r = s3.uploadPart(b -> b.bucket(to.bucket()).key(key).uploadId(uploadId)
                            .partNumber(n).contentLength((long) bytes.length).contentMD5(md5b64),
                            RequestBody.fromBytes(bytes));
                    return checkEtag(key + " part " + n, r.eTag(), HexFormat.of().formatHex(md5));
                });
                parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
            }
            String expected = HexFormat.of().formatHex(etagOfEtags.digest()) + "-" + parts.size();
            String etag = calls.run("complete multipart upload of " + where, to.bucket(), () -> unquote(
                    s3.completeMultipartUpload(b -> b.bucket(to.bucket()).key(key).uploadId(uploadId)
                            .multipartUpload(m -> m.parts(parts))).eTag()));
            if (!expected.equals(etag)) {
                throw new S3PushException(S3PushException.Kind.FAILED, "the server stored " + where + " with ETag "
                        + etag + ", expected " + expected + " from the parts sent; rerun to push it again", null);
            }
            done = true;
            return etag;
        } finally {
            if (!done) {
                abortQuietly(to, key, uploadId);
            }
        }
    }

    private void abortQuietly(S3Location to, String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(to.bucket()).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            // the next push aborts leftovers under the prefix
        }
    }

    private static String checkEtag(String what, String etag, String expectedMd5Hex) throws S3Calls.ChecksumMismatch {
        String got = unquote(etag);
        if (!expectedMd5Hex.equals(got)) {
            throw new S3Calls.ChecksumMismatch("server returned ETag " + got + " for " + what + ", expected the MD5 "
                    + expectedMd5Hex + " of the bytes sent");
        }
        return got;
    }

    static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static byte[] read(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len);
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                throw new IOException("file shrank while pushing it (expected " + len + " bytes at " + pos + ")");
            }
        }
        return buf.array();
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
