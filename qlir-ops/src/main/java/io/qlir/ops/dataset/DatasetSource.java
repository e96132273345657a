package io.qlir.ops.dataset;

import io.qlir.core.Interval;
import java.util.List;
import java.util.Objects;

/**
 * Where a candle table came from: the provenance a loader knows and a table does not.
 *
 * <p>The history store's loader fills it (symbol, interval, endpoint and the {@code data_sha256} of every slice
 * file it read, in the order it read them); {@link DatasetFingerprint#of(tech.tablesaw.api.Table, DatasetSource)}
 * turns it into a fingerprint. It is plain values so that any loader, of any venue, can fill it.
 * <pre>{@code
 * DatasetSource src = new DatasetSource("BTCUSDT", Interval.M1, "klines", List.of(sha1, sha2, sha3));
 * DatasetFingerprint fp = DatasetFingerprint.of(candles, src);
 * }</pre>
 *
 * @param symbol the instrument, for example {@code BTCUSDT}
 * @param interval the candle interval
 * @param endpoint the endpoint or feed the data came from, for example {@code klines} or {@code uiklines}
 * @param sliceChecksums the checksums of the slice files read, in load order (empty when none were read)
 */
public record DatasetSource(String symbol, Interval interval, String endpoint, List<String> sliceChecksums) {

    /**
     * Validates the components.
     *
     * @param symbol the instrument, for example {@code BTCUSDT}
     * @param interval the candle interval
     * @param endpoint the endpoint or feed the data came from, for example {@code klines} or {@code uiklines}
     * @param sliceChecksums the checksums of the slice files read, in load order (empty when none were read)
     * @throws IllegalArgumentException when the symbol or endpoint is blank, or a checksum is null or blank
     */
    public DatasetSource {
        Objects.requireNonNull(interval, "interval");
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("dataset symbol must not be blank, for example BTCUSDT");
        }
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("dataset endpoint must not be blank, for example klines");
        }
        sliceChecksums = List.copyOf(sliceChecksums);
        for (int i = 0; i < sliceChecksums.size(); i++) {
            if (sliceChecksums.get(i).isBlank()) {
                throw new IllegalArgumentException("slice checksum " + i + " of " + symbol + " is blank");
            }
        }
    }
}
