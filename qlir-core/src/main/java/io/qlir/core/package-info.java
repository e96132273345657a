/**
 * The candle schema, intervals, and the derivation contract: {@link io.qlir.core.Derived}, {@link io.qlir.core.Op}.
 *
 * <p><b>Key mental model.</b> A candle table is a Tablesaw {@code Table} with the schema of {@link
 * io.qlir.core.Candles}. An op reads it and returns a {@link io.qlir.core.Derived}: a <em>new</em> table holding the
 * same column objects plus the op's new columns, each with a {@code RowDerivationSpec} that says which rows relative
 * to {@code i} it read. Nothing is mutated and nothing is copied. Ops are reached two ways: façade methods for code
 * ({@code Temporal}, {@code Relations}, {@code Indicators}, …) and {@link io.qlir.core.Op} values for pipelines, the
 * CLI and {@code Causality}, which proves a spec true by running its op on truncated and perturbed inputs.
 *
 * <p>Enums with a string form on the wire go through one {@link io.qlir.core.WireCodec} each; logic only sees
 * constants.
 */
package io.qlir.core;
