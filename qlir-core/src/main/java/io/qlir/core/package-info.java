/**
 * <b>Key mental model.</b> A candle table is a Tablesaw {@code Table} with the schema of {@link
 * io.qlir.core.Candles}. An op reads it and returns a {@link io.qlir.core.Derived}: a <em>new</em> table holding the
 * same column objects plus the op's new columns, each with a {@code RowDerivationSpec} that says which rows relative
 * to {@code i} it read. Nothing is mutated and nothing is copied. Ops are reached two ways: façade methods for code
 * ({@code Temporal}, {@code Relations}, {@code Indicators}, …) and {@link io.qlir.core.Op} values for pipelines, the
 * CLI and {@link io.qlir.core.Causality}, which tests a spec by running its op on seeded truncations of the table
 * and with single cells strongly changed, and names the column, row and seed where the spec is false. It can refute
 * a spec, never prove it for every input.
 *
 * <p>This package holds the candle schema ({@link io.qlir.core.Candles}: validation, raw Binance rows;
 * {@link io.qlir.core.CandleCsv}: any OHLCV CSV, with only the columns it has),
 * intervals ({@link io.qlir.core.Interval}: case-sensitive wire codes, Monday weeks, calendar months), the derivation
 * contract ({@link io.qlir.core.Derived}, {@link io.qlir.core.Op}, {@link io.qlir.core.Columns}) and the checker
 * ({@link io.qlir.core.Causality}, {@link io.qlir.core.CausalityReport}). It knows no data source. Enums with a
 * string form on the wire go through one {@link io.qlir.core.WireCodec} each; logic only sees constants.
 * <pre>{@code
 * Table candles = Candles.fromCsv(Path.of("btcusdt-1m.csv"));
 * Causality.check(OpLanguage.parse("rolling_mean(close,20)"), candles).assertOk();
 * }</pre>
 */
package io.qlir.core;
