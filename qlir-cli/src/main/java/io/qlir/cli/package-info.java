/**
 * <b>Key mental model.</b> The {@code qlir} command is a thin picocli layer over the library façades: each
 * subcommand parses and checks its input ({@code --symbol}, {@code --interval}, {@code --start/--end} through the
 * shared option classes and converters), opens a {@code Session} (runtime config resolved, console
 * logging set, data root checked before anything is written), calls the library, and prints a result. Bad input is
 * exit 2 with one line naming the input and what is valid; a runtime failure is exit 1; success is 0.
 *
 * <p>Two templates keep the commands alike: every command that only reads the store runs through
 * {@code ReadOnlyStore} (session, data root, series, the command's checks, read-only file logging, the series' job
 * log context, in that order), and every command that computes over candles takes them through the one option group
 * {@code CandleInput}: a CSV file ({@code --input}) or a stored series ({@code --symbol --interval [--endpoint]
 * [--limit]}).
 *
 * <p>The long-running commands ({@code serve}, {@code agg --follow}) do work after a series' writes through one
 * mechanism, {@code AfterSeriesWrites}: a worker thread per kind of work ({@code AggAfterWrites},
 * {@code PushAfterWrites}), requests folded per series while queued, failures logged and counted and retried on the
 * next write, a bounded close. Their {@code /metrics} and {@code /health} go through {@code ServeTelemetry}.
 *
 * <p>Only {@link io.qlir.cli.Main} is public; configuration ({@code io.qlir.cli.config}) and logging
 * ({@code io.qlir.cli.logging}) live in their own packages.
 */
package io.qlir.cli;
