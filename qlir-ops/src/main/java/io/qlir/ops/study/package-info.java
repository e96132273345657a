/**
 * Studies: questions asked of a whole series, answered with tables, through the
 * {@link io.qlir.ops.study.Studies} façade.
 *
 * <p><b>Key mental model.</b> An indicator adds a column (one value per row); a study summarises a series into
 * tables you read, plot and compare across windows. The SMA direction-persistence study turns every SMA into a
 * sequence of up, down and flat bars, cuts it into runs (a flat bar ends a run), and counts how long runs last. The
 * one rule that keeps its numbers honest: a run whose start or end the data did not show (the first bars after the
 * warm-up, the last bars of the table, a gap of missing values) is <em>censored</em>; it is reported apart
 * ({@link io.qlir.ops.study.CensoredRun}) and never mixed into the distribution, the statistics or the survival
 * curve, which are over completed runs only ({@link io.qlir.ops.study.RunStats}).
 * <pre>{@code
 * SmaPersistence r = Studies.smaPersistence(candles, SmaPersistenceOptions.builder().decimals(2).build());
 * r.stats(20, Direction.UP).survival(10);         // P(up-run of the 20-bar SMA lasts >= 10 bars)
 * r.writeTo(outDir, DatasetFingerprint.of(candles, source));
 * }</pre>
 */
package io.qlir.ops.study;
