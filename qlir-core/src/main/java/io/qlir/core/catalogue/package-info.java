/**
 * The op catalogue and the op language: one {@link io.qlir.core.catalogue.OpDefinition} per op, holding its name,
 * typed parameters, rows read, output columns and chart hints, and the text form {@code sma(close,14,50)} that turns
 * into {@link io.qlir.core.Op} values.
 *
 * <p><b>Key mental model.</b> An {@code Op} is a value (a name and ordered params) that knows how to apply itself to
 * a table; its text form is the op language. {@link io.qlir.core.catalogue.OpCatalogue} is the one table from names
 * to definitions: parsing is "look the name up, check the arguments against the definition's
 * {@link io.qlir.core.catalogue.OpParam}s, let its factory build the op". Everything that needs to know about ops
 * (the CLI's help, charts, pipelines, the docs' op table) reads the definitions rather than matching op names.
 * Modules add ops through the {@link io.qlir.core.catalogue.OpProvider} service; qlir-core adds the primitives
 * ({@code lag}, {@code rolling_mean}, {@code cross_up}, ...), qlir-ops the indicators. Argument checks, for façade
 * methods and op text alike, go through {@link io.qlir.core.catalogue.ArgumentChecks}, so every bad argument reads
 * {@code "{op}: {input} must be {valid}, got {given}"}.
 * <pre>{@code
 * Op op = OpLanguage.parse("bollinger(close,20,2)");
 * Derived d = op.apply(candles);
 * OpCatalogue.standard().definition("sma").get().signature();   // sma(column, window...)
 * }</pre>
 */
package io.qlir.core.catalogue;
