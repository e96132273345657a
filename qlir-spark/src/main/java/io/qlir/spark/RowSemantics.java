package io.qlir.spark;

import io.qlir.core.Derived;
import io.qlir.core.Interval;
import io.qlir.core.Op;
import io.qlir.core.SyntheticMarket;
import io.qlir.core.catalogue.OpCatalogue;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads the ops' row semantics before any data is read: each op is applied once to a small synthetic candle table
 * (specs do not depend on values) and every spec it created, intermediates included, gives its rows read. A column's
 * lookback chains through the created columns it read: {@code own rows back + the largest lookback of its inputs}.
 */
final class RowSemantics {

    static final int PROBE_ROWS = 512;
    private static final long PROBE_T0 = 1_704_067_200_000L;   // 2024-01-01T00:00Z
    private static final int UNBOUNDED = -1;

    private RowSemantics() {
    }

    static DerivePlan plan(String opsText, int chunkRows) {
        if (opsText == null || opsText.isBlank()) {
            throw new IllegalArgumentException("ops are empty; give ops in the op language, for example "
                    + "\"sma(close,14); ema(close,12)\"");
        }
        List<Op> ops = OpCatalogue.standard().parseAll(opsText);
        Table probe = SyntheticMarket.of(0, "PROBE", 100).candles(Interval.M1, PROBE_T0, PROBE_ROWS);
        Derived d = Derived.builder(probe).build();
        Map<String, Integer> lookbacks = new HashMap<>();
        Map<String, String> why = new HashMap<>();
        List<OpSplit> splits = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Op op : ops) {
            Set<String> before = new HashSet<>();
            d.specs().forEach(s -> before.add(s.output()));
            d = apply(d, op);
            List<String> created = new ArrayList<>();
            String worst = null;
            for (RowDerivationSpec spec : d.specs()) {
                if (before.contains(spec.output())) {
                    continue;
                }
                created.add(spec.output());
                lookbacks.put(spec.output(), lookback(spec, lookbacks, why));
                if (worst == null || worse(lookbacks.get(spec.output()), lookbacks.get(worst))) {
                    worst = spec.output();
                }
            }
            int lb = worst == null ? 0 : lookbacks.get(worst);
            String reason = worst == null ? "creates no column" : why.get(worst);
            splits.add(new OpSplit(op.toText(), created, lb != UNBOUNDED, lb, reason));
            texts.add(op.toText());
        }
        return DerivePlan.of(texts, chunkRows, splits, outputs(d));
    }

    private static Derived apply(Derived d, Op op) {
        try {
            return d.then(op);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("op '" + op.toText() + "' cannot run on candles (columns "
                    + d.table().columnNames() + "): " + e.getMessage(), e);
        }
    }

    private static boolean worse(int a, int b) {
        return a == UNBOUNDED ? b != UNBOUNDED : b != UNBOUNDED && a > b;
    }

    private static int lookback(RowDerivationSpec spec, Map<String, Integer> lookbacks, Map<String, String> why) {
        RowWindow w = spec.reads();
        String name = spec.output();
        if (w.isUnboundedPast()) {
            why.put(name, name + " reads " + w.describe() + ", every earlier row");
            return UNBOUNDED;
        }
        if (w.looksAhead()) {
            why.put(name, name + " reads " + w.describe() + ", later rows");
            return UNBOUNDED;
        }
        int inputs = 0;
        String via = null;
        for (String input : spec.inputs()) {
            Integer in = lookbacks.get(input);
            if (in == null) {
                continue;
            }
            if (in == UNBOUNDED) {
                why.put(name, name + " reads " + input + ", which " + why.get(input).substring(input.length() + 1));
                return UNBOUNDED;
            }
            if (in > inputs) {
                inputs = in;
                via = input;
            }
        }
        int own = Math.max(0, -w.from());
        int total = Math.max(own + inputs, spec.warmup());
        why.put(name, name + " reads " + w.describe() + (via == null ? "" : " of " + via + " (lookback " + inputs + ")")
                + ", warm-up " + spec.warmup());
        return total;
    }

    private static List<StructField> outputs(Derived d) {
        List<StructField> fields = new ArrayList<>();
        for (String name : d.columns()) {
            fields.add(DataTypes.createStructField(name, sparkType(d.table().column(name)), true));
        }
        return fields;
    }

    static org.apache.spark.sql.types.DataType sparkType(Column<?> c) {
        ColumnType t = c.type();
        if (t == ColumnType.DOUBLE) {
            return DataTypes.DoubleType;
        } else if (t == ColumnType.FLOAT) {
            return DataTypes.FloatType;
        } else if (t == ColumnType.LONG) {
            return DataTypes.LongType;
        } else if (t == ColumnType.INTEGER) {
            return DataTypes.IntegerType;
        } else if (t == ColumnType.SHORT) {
            return DataTypes.ShortType;
        } else if (t == ColumnType.BOOLEAN) {
            return DataTypes.BooleanType;
        } else if (t == ColumnType.STRING) {
            return DataTypes.StringType;
        }
        throw new IllegalArgumentException("column '" + c.name() + "' is " + t.name() + "; qlir-spark carries DOUBLE, "
                + "FLOAT, LONG, INTEGER, SHORT, BOOLEAN and STRING columns");
    }
}
