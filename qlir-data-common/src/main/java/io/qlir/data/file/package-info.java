/**
 * Slice files on disk: the atomic write, the file format, and reading it three ways.
 *
 * <p><b>Key mental model.</b> A slice file is the truth about one slice: {@code {"meta": {...}, "data": [raw
 * rows]}}, rows exactly as the venue sent them, meta saying which slice, how it was fetched, what the status policy
 * said, and the SHA-256 of the data array's bytes. Every file is written by {@link io.qlir.data.file.AtomicFiles}
 * (temp file, fsync, rename, directory fsync), so a reader sees the old file or the new one, never half of one.
 * Files from the Python qlir are read too (its meta keys are a subset of ours). Read with
 * {@link io.qlir.data.file.SliceFile#read} (loaders), {@link io.qlir.data.file.SliceFile#readMeta} (meta only) or
 * {@link io.qlir.data.file.SliceFile#scan} (checkers: damage is a {@link io.qlir.data.file.SliceScan} result).
 * <pre>{@code
 * SliceMeta written = SliceFile.write(path, SliceMeta.forWrite(key, "binance", "klines", fetch, verdict,
 *         RowSummary.of(key, openTimes), clock.instant(), anchor), rows);
 * SliceFile back = SliceFile.read(path);
 * }</pre>
 */
package io.qlir.data.file;
