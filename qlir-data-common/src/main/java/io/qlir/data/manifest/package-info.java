/**
 * The manifest of a slice directory: index, journal, lock, reconcile, and the reader for loaders.
 *
 * <p><b>Key mental model.</b> The slice files are the truth; the manifest is an index of them that can always be
 * rebuilt. One {@link io.qlir.data.manifest.SliceDirectory} per (venue, endpoint, symbol, interval, limit) is the
 * single writer: it locks the directory, reconciles the index with the files (adopting, quarantining, marking
 * missing) before anything else, writes each slice file atomically and then appends one line to
 * {@code manifest.journal}; {@code manifest.json} is the journal compacted. Readers
 * ({@link io.qlir.data.manifest.SliceReader}, the validator) take no lock. {@link
 * io.qlir.data.manifest.ManifestSummary} is the one summary shape; its counts always sum to the total.
 *
 * <p>A series is addressed one way everywhere: (data root, {@link io.qlir.data.manifest.SliceSeries}); only
 * {@link io.qlir.data.manifest.Layout}, the layer below, speaks of a directory's path. Two errors say what went
 * wrong with a series, both unchecked: {@link io.qlir.data.manifest.NoSuchSeriesException} (it is not there) and
 * {@link io.qlir.data.manifest.StoreDamagedException} (it is there but cannot be read as stored; a writer's
 * reconcile repairs it). How a writer behaves (clock, status policy, durability) is one
 * {@link io.qlir.data.manifest.StoreOptions}.
 *
 * <p>Readers read through a {@link io.qlir.data.manifest.StoreSource}: the local data root by default, or a copy of
 * one that {@code qlir push} mirrored to a bucket ({@code StoreSource.open("s3://b/p")}, served by qlir-s3 through
 * {@link io.qlir.data.manifest.StoreSourceProvider}). Writers never do: they need fsync, rename and locks.
 * <pre>{@code
 * SliceSeries series = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M1, 1000);
 * try (SliceDirectory dir = SliceDirectory.open(dataRoot, series)) {
 *     dir.plan(from, to);
 *     for (SliceEntry e : dir.due(from, to)) dir.write(e.key(), rows, fetchInfo);
 * }
 * }</pre>
 */
package io.qlir.data.manifest;
