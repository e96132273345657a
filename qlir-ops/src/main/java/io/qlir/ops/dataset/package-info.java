/**
 * What a result was computed from, and how results land on disk.
 *
 * <p><b>Key mental model.</b> Every study and pipeline run writes a {@link io.qlir.ops.dataset.DatasetFingerprint}
 * beside its output, so that a number in a CSV can always be traced back to the exact data behind it. A loader knows
 * the provenance (symbol, interval, endpoint, the checksums of the slice files it read) and hands it over as a
 * {@link io.qlir.ops.dataset.DatasetSource}; the table supplies the row count and the first and last open time. A
 * table without provenance is fingerprinted over its own values instead, and says so
 * ({@link io.qlir.ops.dataset.HashBasis}). {@link io.qlir.ops.dataset.TableFiles} writes results as exact CSV,
 * atomically.
 * <pre>{@code
 * DatasetFingerprint fp = DatasetFingerprint.of(candles, new DatasetSource("BTCUSDT", Interval.M1, "klines", shas));
 * TableFiles.writeCsv(derived.table(), out);
 * fp.writeBeside(out);                       // out.fingerprint.json
 * }</pre>
 */
package io.qlir.ops.dataset;
