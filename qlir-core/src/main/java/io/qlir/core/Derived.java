package io.qlir.core;

import io.qlir.semantics.ColumnEvent;
import io.qlir.semantics.DerivationLog;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The result of an op: a new table that shares the input's columns and adds the new ones, with a spec for every new
 * column and an event for every column created or dropped.
 *
 * <p>The input table is never changed. The result holds <em>the same column objects</em> as the input (no data is
 * copied), so mutating a shared column through either table changes both; call {@link #copy()} when you need an
 * independent table.
 * <pre>{@code
 * Derived d = Indicators.sma(candles, "close", 20, 50).then(t -> Indicators.rangeShock(t, 14));
 * System.out.println(d.explain());   // one spec line per new column
 * Table t = d.table();
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads (the table they hold is as safe as Tablesaw makes it:
 * do not mutate it while others read).
 */
public final class Derived {

    private final Table table;
    private final List<String> columns;
    private final Map<String, RowDerivationSpec> specs;
    private final List<ColumnEvent> events;

    private Derived(Table table, List<String> columns, Map<String, RowDerivationSpec> specs, List<ColumnEvent> events) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.specs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(specs));
        this.events = List.copyOf(events);
    }

    /**
     * Starts building the result of an op applied to {@code input}.
     *
     * @param input the table the op read; it is not modified
     * @return a builder
     */
    public static Builder builder(Table input) {
        return new Builder(input);
    }

    /**
     * The result table: the input's columns (shared, not copied) followed by the new ones.
     *
     * @return the table
     */
    public Table table() {
        return table;
    }

    /**
     * The names of the new columns that stayed in the result, in creation order.
     *
     * @return the new column names
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * The single new column, for ops that create exactly one.
     *
     * @return the column
     * @throws IllegalStateException naming the new columns, when there is not exactly one
     */
    public Column<?> column() {
        if (columns.size() != 1) {
            throw new IllegalStateException("column() needs exactly one new column, but this result has "
                    + columns.size() + ": " + columns + "; use column(name)");
        }
        return table.column(columns.get(0));
    }

    /**
     * A new column by name.
     *
     * @param name the column's name
     * @return the column
     * @throws IllegalArgumentException naming the column and listing the new ones, when it is not a new column
     */
    public Column<?> column(String name) {
        if (!columns.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a new column of this result; new columns: "
                    + columns);
        }
        return table.column(name);
    }

    /**
     * The specs of every column created (outputs and intermediates, dropped or kept), in creation order.
     *
     * @return the specs
     */
    public List<RowDerivationSpec> specs() {
        return List.copyOf(specs.values());
    }

    /**
     * The spec of one created column.
     *
     * @param column the column's name
     * @return its spec
     * @throws IllegalArgumentException when no spec has that output
     */
    public RowDerivationSpec spec(String column) {
        RowDerivationSpec s = specs.get(column);
        if (s == null) {
            throw new IllegalArgumentException("no spec for column '" + column + "'; specs exist for "
                    + specs.keySet());
        }
        return s;
    }

    /**
     * What happened to columns, in order: a CREATED event for each new column, a DROPPED event for each dropped one.
     *
     * @return the events
     */
    public List<ColumnEvent> events() {
        return events;
    }

    /**
     * One line per spec, in creation order, each as {@link RowDerivationSpec#render()} prints it; dropped columns are
     * followed by their DROPPED event.
     *
     * @return the explanation
     */
    public String explain() {
        List<String> lines = new ArrayList<>();
        for (RowDerivationSpec s : specs.values()) {
            lines.add(s.render());
        }
        for (ColumnEvent e : events) {
            if (e.kind() == ColumnEvent.Kind.DROPPED) {
                lines.add(e.render());
            }
        }
        return String.join(System.lineSeparator(), lines);
    }

    /**
     * Applies another op to this result's table and combines both: the new columns, specs and events of this result
     * followed by those of the next.
     *
     * @param next an op over the table, for example {@code t -> Indicators.rangeShock(t, 14)}
     * @return the combined result
     */
    public Derived then(Function<Table, Derived> next) {
        Derived d = Objects.requireNonNull(next.apply(table), "the next op returned null");
        return followedBy(d, d.table);
    }

    /**
     * Applies an {@link Op} to this result's table; see {@link #then(Function)}.
     *
     * @param op the op
     * @return the combined result
     */
    public Derived then(Op op) {
        return then(op::apply);
    }

    /**
     * Appends a result computed <em>beside</em> this one as if it had been computed after it: {@code other} is an op
     * applied to a table that holds only some of this result's columns (the ones it reads), and its new columns,
     * specs and events follow this result's, exactly as {@link #then(Op)} would have put them. This is how a pipeline
     * runs independent ops at once and still lists the columns in op order.
     * <pre>{@code
     * Derived a = sma.apply(candles), b = arp.apply(candles);      // on two threads
     * Derived both = a.alongside(b);                                // == sma.apply(candles).then(arp)
     * }</pre>
     *
     * @param other a result over a table with the same rows
     * @return the combined result
     * @throws IllegalArgumentException when the row counts differ or a new column of {@code other} already exists
     */
    public Derived alongside(Derived other) {
        if (other.table.rowCount() != table.rowCount()) {
            throw new IllegalArgumentException("a result of " + other.table.rowCount() + " rows cannot go beside one"
                    + " of " + table.rowCount());
        }
        Table out = Table.create(table.name());
        for (Column<?> c : table.columns()) {
            out.addColumns(c);
        }
        for (String name : other.columns) {
            if (table.containsColumn(name)) {
                throw new IllegalArgumentException("column '" + name + "' already exists; a derived column never "
                        + "overwrites another. Existing columns: " + table.columnNames());
            }
            out.addColumns(other.table.column(name));
        }
        return followedBy(other, out);
    }

    /** This result's new columns, specs and events followed by {@code next}'s, over {@code table}. */
    private Derived followedBy(Derived next, Table table) {
        List<String> cols = new ArrayList<>(columns);
        cols.addAll(next.columns);
        Map<String, RowDerivationSpec> allSpecs = new LinkedHashMap<>(specs);
        allSpecs.putAll(next.specs);
        List<ColumnEvent> allEvents = new ArrayList<>(events);
        allEvents.addAll(next.events);
        return new Derived(table, cols, allSpecs, allEvents);
    }

    /**
     * The same result over a deep copy of the table, so that mutating it leaves the input's columns alone.
     *
     * @return an independent copy
     */
    public Derived copy() {
        return new Derived(table.copy(), columns, specs, events);
    }

    @Override
    public String toString() {
        return "Derived[" + table.rowCount() + " rows, new columns " + columns + "]";
    }

    /**
     * Collects an op's new columns with their specs, refuses name collisions, logs every spec and event, and builds
     * the {@link Derived}.
     */
    public static final class Builder {
        private final Table input;
        private final Map<String, Column<?>> added = new LinkedHashMap<>();
        private final Map<String, RowDerivationSpec> specs = new LinkedHashMap<>();
        private final List<ColumnEvent> events = new ArrayList<>();
        private final List<String> dropped = new ArrayList<>();

        private Builder(Table input) {
            this.input = Objects.requireNonNull(input, "input table");
        }

        /**
         * Adds a new column with its spec. The column's name must equal the spec's output.
         *
         * @param column the new column, one value per input row
         * @param spec what it read
         * @return this builder
         * @throws IllegalArgumentException when the name is already taken (in the input or by another new column),
         *     when the name and spec disagree, or when the length differs from the input's row count
         */
        public Builder add(Column<?> column, RowDerivationSpec spec) {
            String name = column.name();
            if (!name.equals(spec.output())) {
                throw new IllegalArgumentException("column '" + name + "' has a spec for '" + spec.output() + "'");
            }
            if (input.containsColumn(name) || added.containsKey(name)) {
                throw new IllegalArgumentException("column '" + name + "' already exists; a derived column never "
                        + "overwrites another (remove it first, or choose other params). Existing columns: "
                        + existingNames());
            }
            if (column.size() != input.rowCount()) {
                throw new IllegalArgumentException("column '" + name + "' has " + column.size()
                        + " values but the table has " + input.rowCount() + " rows");
            }
            added.put(name, column);
            specs.put(name, spec);
            ColumnEvent e = ColumnEvent.created(name, spec.op(), spec.scope());
            events.add(e);
            DerivationLog.log(spec);
            DerivationLog.log(e);
            return this;
        }

        /**
         * Removes a column this builder added (an intermediate) from the result, recording a DROPPED event.
         *
         * @param column the column's name
         * @param op the op that drops it
         * @param reason why, for example {@code "intermediate of arp_14"}
         * @return this builder
         * @throws IllegalArgumentException when the column was not added by this builder
         */
        public Builder drop(String column, String op, String reason) {
            if (!added.containsKey(column)) {
                throw new IllegalArgumentException("cannot drop '" + column + "': only columns this op created can "
                        + "be dropped; created: " + added.keySet());
            }
            added.remove(column);
            dropped.add(column);
            ColumnEvent e = ColumnEvent.dropped(column, op, reason);
            events.add(e);
            DerivationLog.log(e);
            return this;
        }

        /**
         * The input table's row count, for sizing output arrays.
         *
         * @return the number of rows
         */
        public int rowCount() {
            return input.rowCount();
        }

        /**
         * Builds the result: the input's columns (shared) followed by the added ones that were not dropped.
         *
         * @return the result
         */
        public Derived build() {
            Table out = Table.create(input.name());
            for (Column<?> c : input.columns()) {
                out.addColumns(c);
            }
            for (Column<?> c : added.values()) {
                out.addColumns(c);
            }
            return new Derived(out, new ArrayList<>(added.keySet()), specs, events);
        }

        private List<String> existingNames() {
            List<String> names = new ArrayList<>(input.columnNames());
            names.addAll(added.keySet());
            return names.stream().collect(Collectors.toList());
        }
    }
}
