package io.qlir.core;

import io.qlir.semantics.Param;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * An op as a value: a name, ordered params and what it does to a table, printable in the op language.
 *
 * <p>Façade methods ({@code Indicators.sma(t, "close", 20, 50)}) are the direct way to call an op in code; an
 * {@code Op} is how pipelines, the CLI and {@code Causality} hold one. Its text form parses back to an equal op
 * through the op catalogue ({@code io.qlir.core.catalogue.OpCatalogue}):
 * <pre>{@code
 * Op sma = Op.of("sma", List.of("close", 20, 50), t -> Indicators.sma(t, "close", 20, 50));
 * sma.toText();                 // sma(close,20,50)
 * Derived d = sma.apply(candles);
 * }</pre>
 * Two ops are equal when their text forms are equal: the name and params decide what an op does.
 */
public final class Op {

    private final String name;
    private final List<Object> params;
    private final Function<Table, Derived> body;
    private final String text;

    private Op(String name, List<?> params, Function<Table, Derived> body) {
        this.name = Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("op name '" + name + "' must be lower snake case, like 'range_shock'");
        }
        this.params = List.copyOf(params);
        this.body = Objects.requireNonNull(body, "body");
        this.text = name + "(" + this.params.stream().map(Param::render).collect(Collectors.joining(",")) + ")";
    }

    /**
     * Makes an op value.
     *
     * @param name the op-language name, lower snake case ({@code sma}, {@code range_shock})
     * @param params the params in the order the op language writes them (column names as strings, numbers)
     * @param body what the op does
     * @return the op
     */
    public static Op of(String name, List<?> params, Function<Table, Derived> body) {
        return new Op(name, params, body);
    }

    /**
     * The op-language name.
     *
     * @return the name, for example {@code sma}
     */
    public String name() {
        return name;
    }

    /**
     * The params in op-language order.
     *
     * @return the params
     */
    public List<Object> params() {
        return params;
    }

    /**
     * Runs the op. The input is not modified.
     *
     * @param table the input table
     * @return the input's columns plus the op's new ones, with their specs
     * @throws IllegalArgumentException naming this op and the column when the table lacks a column the op reads
     *     (a CSV without {@code volume} refuses {@code vwap()}, not {@code sma(close,14)})
     */
    public Derived apply(Table table) {
        try {
            return body.apply(table);
        } catch (Columns.MissingColumnException e) {
            throw new IllegalArgumentException(text + " reads column '" + e.column + "', which the table lacks; it"
                    + " has " + e.present, e);
        }
    }

    /**
     * The op-language text, for example {@code sma(close,20,50)} or {@code vwap()}.
     *
     * @return the text form
     */
    public String toText() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Op other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
