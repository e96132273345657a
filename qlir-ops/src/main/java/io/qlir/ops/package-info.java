/**
 * The op language: text such as {@code sma(close,14,50); arp(14)} to {@link io.qlir.core.Op} values and back.
 *
 * <p><b>Key mental model.</b> An {@code Op} is a value (a name and ordered params) that knows how to apply itself to
 * a table; its text form is the op language. {@link io.qlir.ops.OpRegistry} is the one table from names to
 * {@link io.qlir.ops.OpDefinition}s, and parsing is "look the name up, let its definition read the arguments through
 * {@link io.qlir.ops.OpArgs}". Definitions write their params in canonical form (defaults filled in), so
 * {@code op.toText()} always parses back to an equal op, which is how pipelines, the CLI and {@code Causality} store
 * and pass ops around. {@link io.qlir.ops.Ops} is the short way in with the standard registry.
 * <pre>{@code
 * Op op = Ops.parse("bollinger(close,20,2)");
 * Derived d = op.apply(candles);
 * }</pre>
 *
 * <p>Errors are one message each: a syntax error points at the column, an unknown op lists the valid ones, a wrong
 * argument names the op and shows its signature. The standard registry holds the indicators and the core ops of
 * qlir-core ({@code CoreOps}: lag, diff, rolling windows, relations, counters); a new family of ops joins it with one
 * {@code addAll} or {@code addCatalogue} line in {@code OpRegistry}.
 */
package io.qlir.ops;
