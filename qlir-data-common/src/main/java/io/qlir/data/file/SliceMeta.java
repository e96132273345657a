package io.qlir.data.file;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qlir.data.QlirBuildVersion;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceVerdict;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code meta} object of a slice file: which slice it holds, how it was fetched, what the policy said.
 *
 * <p>Read from files written by qlir for Java and by the Python qlir (see {@code docs/data-layout.md} for every
 * key); fields a file does not carry are null. The writer fills everything via {@link #forWrite}, except the
 * data hash, which {@link SliceFile#write} computes from the bytes it writes.
 * <pre>{@code
 * SliceMeta meta = SliceFile.readMeta(path);
 * if (meta.verdict() != null && meta.verdict().status() == SliceStatus.PARTIAL) ...
 * }</pre>
 *
 * @param key the slice key the file declares
 * @param sliceId the slice id the file declares (as written; may disagree with the key on a damaged file), or null
 * @param venue the venue, for example {@code binance}, or null
 * @param endpoint the endpoint, for example {@code klines}, or null
 * @param fetch the request (URL, params, HTTP status, requested-at); never null, {@link FetchInfo#UNKNOWN} if absent
 * @param verdict the stored status and reason, or null when the file records none (or an unknown one)
 * @param nItems the declared row count, or null
 * @param receivedFirstOpenMs the declared first open time received, or null
 * @param receivedLastOpenMs the declared last open time received, or null
 * @param completedAt when the rows were received and classified, or null
 * @param gridAnchorMs the grid anchor known when the file was written, or null
 * @param dataSha256 the declared SHA-256 of the data array's bytes (lowercase hex), or null
 * @param qlirVersion the version of the writer, or null
 * @param writer who wrote the file: {@code qlir-java}, or null for other writers
 * @param raw the meta object as read (a copy is returned), or null for a meta built to be written
 */
public record SliceMeta(SliceKey key, String sliceId, String venue, String endpoint, FetchInfo fetch,
                        SliceVerdict verdict, Integer nItems, Long receivedFirstOpenMs, Long receivedLastOpenMs,
                        Instant completedAt, Long gridAnchorMs, String dataSha256, String qlirVersion, String writer,
                        ObjectNode raw) {

    /** The {@code writer} value of files written by this library. */
    public static final String WRITER = "qlir-java";

    /**
     * Checks the required parts.
     *
     * @param key the slice key the file declares
     * @param sliceId the slice id the file declares, or null
     * @param venue the venue, or null
     * @param endpoint the endpoint, or null
     * @param fetch the request; null is read as {@link FetchInfo#UNKNOWN}
     * @param verdict the stored status and reason, or null
     * @param nItems the declared row count, or null
     * @param receivedFirstOpenMs the declared first open time received, or null
     * @param receivedLastOpenMs the declared last open time received, or null
     * @param completedAt when the rows were received and classified, or null
     * @param gridAnchorMs the grid anchor known when the file was written, or null
     * @param dataSha256 the declared SHA-256 of the data array's bytes, or null
     * @param qlirVersion the version of the writer, or null
     * @param writer who wrote the file, or null
     * @param raw the meta object as read, or null
     * @throws NullPointerException when the key is null
     */
    public SliceMeta {
        Objects.requireNonNull(key, "key");
        fetch = fetch == null ? FetchInfo.UNKNOWN : fetch;
    }

    /**
     * The meta a writer records for freshly received rows (the data hash is added by {@link SliceFile#write}).
     *
     * @param key the slice
     * @param venue the venue, for example {@code binance}
     * @param endpoint the endpoint, for example {@code klines}
     * @param fetch the request
     * @param verdict the policy's verdict on the rows
     * @param rows the summary of the rows' open times
     * @param completedAt when the rows were received
     * @param gridAnchorMs the grid anchor, or null when not yet known
     * @return the meta
     */
    public static SliceMeta forWrite(SliceKey key, String venue, String endpoint, FetchInfo fetch,
                                     SliceVerdict verdict, RowSummary rows, Instant completedAt, Long gridAnchorMs) {
        boolean any = rows.count() > 0;
        return new SliceMeta(key, key.id().hex(), venue, endpoint, fetch, Objects.requireNonNull(verdict, "verdict"),
                rows.count(), any ? rows.firstOpenMs() : null, any ? rows.lastOpenMs() : null,
                Objects.requireNonNull(completedAt, "completedAt"), gridAnchorMs, null, QlirBuildVersion.get(), WRITER,
                null);
    }

    /**
     * A copy of the meta object as read, so a caller can look at keys this record does not model.
     *
     * @return a deep copy of the raw meta, or null for a meta built to be written
     */
    @Override
    public ObjectNode raw() {
        return raw == null ? null : raw.deepCopy();
    }

    /**
     * A raw meta field as text, without copying the whole object.
     *
     * @param field the meta key, for example {@code symbol}
     * @return its value as text, or null when absent or JSON null
     */
    public String rawText(String field) {
        if (raw == null || raw.get(field) == null || raw.get(field).isNull()) {
            return null;
        }
        return raw.get(field).asText();
    }

    /**
     * This meta with the data hash set.
     *
     * @param sha256 lowercase hex SHA-256 of the data array's bytes
     * @return a copy with {@link #dataSha256()} set
     */
    public SliceMeta withDataSha256(String sha256) {
        return new SliceMeta(key, sliceId, venue, endpoint, fetch, verdict, nItems, receivedFirstOpenMs,
                receivedLastOpenMs, completedAt, gridAnchorMs, sha256, qlirVersion, writer, raw);
    }
}
