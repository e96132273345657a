/**
 * The numeric kernels that more than one op needs, one copy each: trailing sums and means ({@link
 * io.qlir.core.kernels.RollingSums}), trailing standard deviations and Bollinger lines ({@link
 * io.qlir.core.kernels.RollingDeviations}), true ranges ({@link io.qlir.core.kernels.TrueRanges}) and the meaning of
 * "a value" ({@link io.qlir.core.kernels.FiniteValues}).
 *
 * <p>Mental model: a kernel takes {@code double[]} columns and returns or fills {@code double[]} columns; it knows
 * nothing of tables, column names or specs. Ops in {@code io.qlir.core.primitives} and qlir-ops' {@code io.qlir.ops.indicators}
 * read their columns, call a kernel and wrap the result with its {@code RowDerivationSpec}. The kernels live in
 * qlir-core because core ops use them and qlir-ops sits above core. They are public only so that qlir-ops can call
 * them; research code should call the ops ({@code Temporal.rollingMean}, {@code Indicators.sma}) instead.
 *
 * <p>Each kernel's class comment states its accuracy bound, and its tests check that bound against exact BigDecimal
 * references; the speed is measured by qlir-bench (see {@code docs/benchmarks.md}).
 */
package io.qlir.core.kernels;
