package io.qlir.ops.pipeline;

import io.qlir.core.Derived;
import io.qlir.core.Op;
import io.qlir.core.catalogue.OpCatalogue;
import io.qlir.semantics.ColumnEvent;
import io.qlir.semantics.RowDerivationSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * A named recipe: a sequence of {@link Op}s applied in order to a candle table, so that a researcher can save it,
 * list it and re-run it.
 *
 * <p>Immutable; {@link #then(Op)} returns a new pipeline. Each op sees the previous ops' columns, so a later op may
 * read an earlier one's output ({@code cross_up(close,close_sma_20)} after {@code sma(close,20)}). The text form is
 * the op language, one statement per op, and parses back to an equal pipeline.
 * <pre>{@code
 * Pipeline p = Pipeline.named("trend").then(OpLanguage.parse("sma(close,20,50)")).then("range_shock(14)");
 * Derived d = p.apply(candles);
 * p.toText();                       // sma(close,20,50); range_shock(14)
 * }</pre>
 */
public final class Pipeline {

    /** What a pipeline name may be: it is also a file name, so lower case, digits, {@code _} and {@code -}. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final String name;
    private final List<Op> ops;

    private Pipeline(String name, List<Op> ops) {
        this.name = checkName(name);
        this.ops = List.copyOf(ops);
    }

    /**
     * An empty pipeline.
     *
     * @param name lower case letters, digits, {@code _} and {@code -}, at most 64 characters, for example
     *     {@code trend}
     * @return the pipeline, without ops
     * @throws PipelineException when the name is invalid
     */
    public static Pipeline named(String name) {
        return new Pipeline(name, List.of());
    }

    /**
     * A pipeline from op-language text, parsed with the standard catalogue.
     *
     * @param name the pipeline's name
     * @param opsText ops separated by {@code ;} or new lines, for example {@code sma(close,20,50); range_shock(14)}
     * @return the pipeline
     * @throws PipelineException when the name is invalid or an op does not parse (naming the op)
     */
    public static Pipeline parse(String name, String opsText) {
        return parse(name, opsText, OpCatalogue.standard());
    }

    /**
     * A pipeline from op-language text, parsed with the given catalogue.
     *
     * @param name the pipeline's name
     * @param opsText ops separated by {@code ;} or new lines
     * @param catalogue the ops that exist
     * @return the pipeline
     * @throws PipelineException when the name is invalid or an op does not parse (naming the op)
     */
    public static Pipeline parse(String name, String opsText, OpCatalogue catalogue) {
        checkName(name);
        if (opsText == null || opsText.isBlank()) {
            throw new PipelineException("pipeline '" + name + "' needs at least one op, for example "
                    + "\"sma(close,20,50); range_shock(14)\"", null);
        }
        return new Pipeline(name, OpTexts.parse(name, List.of(opsText.split("[;\\n]")), catalogue, null));
    }

    /**
     * This pipeline with one more op at the end.
     *
     * @param op the op
     * @return a new pipeline
     */
    public Pipeline then(Op op) {
        List<Op> next = new ArrayList<>(ops);
        next.add(Objects.requireNonNull(op, "op"));
        return new Pipeline(name, next);
    }

    /**
     * This pipeline with one more op at the end, parsed with the standard catalogue.
     *
     * @param opText one op, for example {@code range_shock(14)}
     * @return a new pipeline
     * @throws PipelineException when the op does not parse
     */
    public Pipeline then(String opText) {
        List<Op> next = new ArrayList<>(ops);
        next.addAll(OpTexts.parse(name, List.of(opText), OpCatalogue.standard(), null));
        return new Pipeline(name, next);
    }

    /**
     * The name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The ops, in order.
     *
     * @return the ops
     */
    public List<Op> ops() {
        return ops;
    }

    /**
     * The ops in the op language, one per statement: {@code sma(close,20,50); range_shock(14)}.
     *
     * @return the text
     */
    public String toText() {
        return ops.stream().map(Op::toText).collect(Collectors.joining("; "));
    }

    /**
     * Applies the ops in order. The input is not modified; the result shares its columns.
     *
     * @param table a candle table (or any table the ops can read)
     * @return the input's columns plus every op's new columns, with their specs
     * @throws PipelineException naming the pipeline, the op's position and text when an op fails
     */
    public Derived apply(Table table) {
        Derived d = Derived.builder(table).build();
        for (int k = 0; k < ops.size(); k++) {
            d = applyOne(d, k);
        }
        return d;
    }

    /**
     * What every output column means row by row, found by applying the pipeline to a small synthetic candle table
     * (specs do not depend on the values). Intermediate columns an op dropped are not listed.
     *
     * @return one entry per output column, in creation order
     * @throws PipelineException when an op fails on candles (it reads a column that no candle table has)
     */
    public List<ColumnSemantics> semantics() {
        List<ColumnSemantics> out = new ArrayList<>();
        Derived d = Derived.builder(SyntheticCandles.table()).build();
        for (int k = 0; k < ops.size(); k++) {
            Set<String> before = new HashSet<>(d.columns());
            d = applyOne(d, k);
            for (String column : d.columns()) {
                if (!before.contains(column)) {
                    out.add(new ColumnSemantics(column, ops.get(k).toText(), d.spec(column)));
                }
            }
        }
        return out;
    }

    /**
     * The columns of the input table the ops read, found from their specs by applying the pipeline to a small
     * synthetic candle table: what a loader must keep, so that a research run over many series holds only those
     * columns beside the derived ones ({@code sma(close,20); arp(14)} reads {@code close, high, low, open}, not the
     * volumes, trades and close times a candle table also carries).
     * <pre>{@code
     * Table slim = candles.selectColumns(Stream.concat(Stream.of("open_time"), p.reads().stream())
     *         .toArray(String[]::new));
     * }</pre>
     *
     * @return the input columns read, in the order the ops first read them; columns an op created are not listed
     * @throws PipelineException when an op fails on candles (it reads a column that no candle table has)
     */
    public List<String> reads() {
        Set<String> created = new HashSet<>();
        Set<String> reads = new LinkedHashSet<>();
        for (RowDerivationSpec spec : apply(SyntheticCandles.table()).specs()) {
            for (String input : spec.inputs()) {
                if (!created.contains(input)) {
                    reads.add(input);
                }
            }
            created.add(spec.output());
        }
        return List.copyOf(reads);
    }

    /**
     * The columns ops created and then dropped (intermediates), each with its reason, as lines.
     *
     * @return the DROPPED events rendered, in order
     */
    public List<String> dropped() {
        return apply(SyntheticCandles.table()).events().stream()
                .filter(e -> e.kind() == ColumnEvent.Kind.DROPPED).map(ColumnEvent::render)
                .collect(Collectors.toList());
    }

    private Derived applyOne(Derived d, int k) {
        Op op = ops.get(k);
        try {
            return d.then(op);
        } catch (RuntimeException e) {
            throw new PipelineException("pipeline '" + name + "' op " + (k + 1) + " '" + op.toText() + "' failed: "
                    + e.getMessage(), null, e);
        }
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PipelineException("pipeline name '" + name + "' is invalid; use 1 to 64 lower case letters, "
                    + "digits, '_' or '-', starting with a letter or digit, for example trend or sma-20_50", null);
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pipeline p && p.name.equals(name) && p.ops.equals(ops);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, ops);
    }

    @Override
    public String toString() {
        return name + ": " + toText();
    }
}
