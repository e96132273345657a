/**
 * qlir-data-common: the on-disk store every data source shares. Its packages, from the bottom up:
 * {@code io.qlir.data.slice} (what a slice is: key, status, verdict), {@code io.qlir.data.file} (one slice file,
 * its meta and checksums), {@code io.qlir.data.manifest} (a series' manifest, {@code SliceDirectory} to read and
 * repair it, {@code SliceReader} to load candles), {@code io.qlir.data.validate} ({@code ManifestValidator}),
 * {@code io.qlir.data.retry} and {@code io.qlir.data.budget} (how sources pace and retry requests).
 *
 * <p>This package holds only {@link io.qlir.data.QlirBuildVersion}, the build's version that every module records.
 */
package io.qlir.data;
