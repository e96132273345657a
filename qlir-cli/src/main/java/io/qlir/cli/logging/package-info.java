/**
 * <b>Key mental model.</b> qlir logs in two places: human lines on stderr, and JSON lines in one file per job
 * under {@code <data-root>/logs/}. Library modules only log through SLF4J and name their job in the MDC (key
 * {@code job}, for example {@code binance-klines-BTCUSDT-1m}); this package, the only one that knows about logback,
 * decides where lines go. The console is set up at once; the files only after the command knows its data root is
 * writable ({@link io.qlir.cli.logging.Logging#startFiles}). How loud each side is comes from a
 * {@link io.qlir.cli.logging.LogProfile}: {@code prod}, {@code info} (default) or {@code debug}.
 *
 * <p>Enums are logged by name: qlir's enums do not override {@code toString}, so {@code log.info("{}", status)}
 * writes {@code COMPLETE}; wire codes belong to files and URLs.
 */
package io.qlir.cli.logging;
