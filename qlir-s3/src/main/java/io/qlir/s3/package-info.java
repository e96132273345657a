/**
 * Mirrors a qlir data root to S3-compatible object storage, and reads it back.
 *
 * <p>Object stores have no fsync, rename or file locks, so the local data root stays the place where slices are
 * written durably; {@link io.qlir.s3.S3Pusher} copies it to {@code s3://BUCKET/PREFIX/} with the same relative
 * paths. The mental model:
 * <ul>
 *   <li><b>Whole objects only.</b> Each file is one {@code PutObject} (or one multipart upload completed at the
 *       end), so a reader of the bucket never sees half a file under its final key.</li>
 *   <li><b>Data before index.</b> Manifests and journals are read first and uploaded last, so a manifest in the
 *       bucket never names a slice file the bucket lacks.</li>
 *   <li><b>Incremental by SHA-256.</b> A local record ({@code <dataRoot>/.qlir-push/}) says what was pushed; it is
 *       checked against the bucket's listing (size and ETag) so an object changed or deleted behind qlir's back is
 *       pushed again. The record is appended after every object, so a push killed with {@code kill -9} resumes.</li>
 *   <li><b>Plain uploads.</b> Bodies carry a {@code Content-Length} and a {@code Content-MD5} the server verifies;
 *       the SDK's newer default request checksums and {@code aws-chunked} streaming are turned off, since many
 *       S3-compatible servers reject them.</li>
 *   <li><b>No lock.</b> Like {@code SliceReader}, a push takes no lock: files are replaced atomically, so each one
 *       is read whole, and {@code serve} is never blocked.</li>
 * </ul>
 * Reading goes the other way, read-only: {@link io.qlir.s3.S3StoreSource} is data-common's
 * {@link io.qlir.data.manifest.StoreSource} for {@code s3://BUCKET/PREFIX} (found by {@code ServiceLoader} through
 * {@link io.qlir.s3.S3StoreSourceProvider}), so the slice reader, the validator and the candle loader read a pushed
 * root as they read the local one: whole objects into memory, nothing cached on disk.
 * <pre>{@code
 * try (StoreSource s3 = StoreSource.open("s3://research/qlir")) {
 *     Table t = CandleLoader.of(s3, series).load().candles();
 * }
 * }</pre>
 * The AWS SDK stays inside this package: no type of it appears in the public API.
 */
package io.qlir.s3;
