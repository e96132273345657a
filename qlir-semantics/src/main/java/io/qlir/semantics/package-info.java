/**
 * <b>Key mental model.</b> Every column an op writes at row {@code i} was computed from a window of rows relative to
 * {@code i}: an SMA of 14 read {@code [i-13 .. i]}, an execution-safe range-shock baseline read {@code [i-14 .. i-1]},
 * an EMA read everything up to {@code i} ({@code [.. i]}). A {@link io.qlir.semantics.RowDerivationSpec} records that
 * window together with the op, its inputs, its ordered params, the output column and the first defined row. Specs
 * are plain values declared next to the code that computes the column; nothing is inferred by reflection, so what
 * the spec says is exactly what the author claimed, and {@code io.qlir.core.Causality} tests that claim by running
 * the op on truncated and perturbed tables (it can refute a claim, not prove it for every input).
 *
 * <p>This package holds row semantics only: what a derived column read, stated as a value you can print, log and
 * check. It depends on nothing but slf4j-api. {@link io.qlir.semantics.DerivationLog} is the one place specs and
 * {@link io.qlir.semantics.ColumnEvent}s are logged (logger {@code qlir.derivation}), always in the line format of
 * {@link io.qlir.semantics.RowDerivationSpec#render()}:
 * <pre>{@code
 * SMA(base_col=close, window=14, rows_used=[i-13 .. i], write_col=close_sma_14, write_row=i)
 * }</pre>
 * See {@code docs/row-semantics.md} for how to read and write specs.
 */
package io.qlir.semantics;
