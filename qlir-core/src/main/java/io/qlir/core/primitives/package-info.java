/**
 * <b>Key mental model.</b> A façade method is a pure function from a table to a {@link io.qlir.core.Derived}: the
 * input's columns (shared, untouched) plus one new column per parameter value, each with a spec saying which rows
 * relative to {@code i} it read. Names are mechanical ({@code {column}_{op}_{params}}, or {@code {op}} for whole-bar
 * ops), so you can predict a column's name from the call. Missing values are NaN (or missing, for booleans): rows
 * before the warm-up, windows holding a NaN, undefined results. A NaN in a boolean input, and a relation with a NaN
 * operand, read as false. Every op here passes {@link io.qlir.core.Causality#check} on random series; an op you
 * write yourself can be held to the same standard (see {@code docs/row-semantics.md}).
 *
 * <p>This package holds the primitive column ops: lags and rolling windows
 * ({@link io.qlir.core.primitives.Temporal}), pointwise maps ({@link io.qlir.core.primitives.NonTemporal}),
 * comparisons and bar relations ({@link io.qlir.core.primitives.Relations}) and counters over boolean columns
 * ({@link io.qlir.core.primitives.Counters}), plus {@link io.qlir.core.primitives.PrimitiveOpProvider}, which
 * registers each of them in the op catalogue ({@code io.qlir.core.catalogue}) under its op-language name.
 * <pre>{@code
 * Derived d = Temporal.rollingMean(candles, "close", 20)
 *         .then(t -> Relations.crossUp(t, "close", "close_rolling_mean_20"))
 *         .then(t -> Counters.barsSinceTrue(t, "close_cross_up_close_rolling_mean_20"));
 * }</pre>
 */
package io.qlir.core.primitives;
