package io.qlir.ops.study;

import java.util.Collection;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The result tables of {@link SmaPersistence}, one row per window and direction (and length, for the curves). */
final class StudyTables {

    private StudyTables() {
    }

    static Table summary(Collection<RunScanner.Result> results) {
        IntColumn window = IntColumn.create("window");
        StringColumn direction = StringColumn.create("direction");
        IntColumn runs = IntColumn.create("runs");
        IntColumn censored = IntColumn.create("censored_runs");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn median = DoubleColumn.create("median");
        DoubleColumn p90 = DoubleColumn.create("p90");
        IntColumn max = IntColumn.create("max");
        for (RunScanner.Result r : results) {
            for (RunStats s : new RunStats[] {r.up(), r.down()}) {
                window.append(s.window());
                direction.append(s.direction().wireCode());
                runs.append(s.runs());
                censored.append(s.censored().size());
                mean.append(s.mean());
                median.append(s.median());
                p90.append(s.p90());
                if (s.runs() == 0) {
                    max.appendMissing();
                } else {
                    max.append(s.max());
                }
            }
        }
        return Table.create("sma_persistence_summary", window, direction, runs, censored, mean, median, p90, max);
    }

    static Table distribution(Collection<RunScanner.Result> results) {
        return perLength("sma_persistence_distribution", "length", "count", RunStats::count, "share",
                RunStats::share, results);
    }

    static Table survival(Collection<RunScanner.Result> results) {
        return perLength("sma_persistence_survival", "n", "runs_at_least", RunStats::atLeast, "survival",
                RunStats::survival, results);
    }

    /** A curve over run lengths 1..max: one row per window, direction and length, with a count and a fraction. */
    private static Table perLength(String tableName, String lengthName, String countName, IntAt countAt,
            String fractionName, DoubleAt fractionAt, Collection<RunScanner.Result> results) {
        IntColumn window = IntColumn.create("window");
        StringColumn direction = StringColumn.create("direction");
        IntColumn length = IntColumn.create(lengthName);
        IntColumn count = IntColumn.create(countName);
        DoubleColumn fraction = DoubleColumn.create(fractionName);
        for (RunScanner.Result r : results) {
            for (RunStats s : new RunStats[] {r.up(), r.down()}) {
                for (int len = 1; len <= s.max(); len++) {
                    window.append(s.window());
                    direction.append(s.direction().wireCode());
                    length.append(len);
                    count.append(countAt.at(s, len));
                    fraction.append(fractionAt.at(s, len));
                }
            }
        }
        return Table.create(tableName, window, direction, length, count, fraction);
    }

    /** A per-length count of a run-length distribution. */
    private interface IntAt {
        int at(RunStats stats, int length);
    }

    /** A per-length fraction of a run-length distribution. */
    private interface DoubleAt {
        double at(RunStats stats, int length);
    }

    static Table censored(Collection<RunScanner.Result> results) {
        IntColumn window = IntColumn.create("window");
        StringColumn direction = StringColumn.create("direction");
        StringColumn censoring = StringColumn.create("censoring");
        IntColumn startRow = IntColumn.create("start_row");
        IntColumn length = IntColumn.create("length");
        for (RunScanner.Result r : results) {
            for (RunStats s : new RunStats[] {r.up(), r.down()}) {
                for (CensoredRun c : s.censored()) {
                    window.append(c.window());
                    direction.append(c.direction().wireCode());
                    censoring.append(c.censoring().wireCode());
                    startRow.append(c.startRow());
                    length.append(c.length());
                }
            }
        }
        return Table.create("sma_persistence_censored", window, direction, censoring, startRow, length);
    }

    static Table bars(Collection<RunScanner.Result> results) {
        IntColumn window = IntColumn.create("window");
        IntColumn first = IntColumn.create("first_defined_row");
        IntColumn defined = IntColumn.create("defined_bars");
        IntColumn up = IntColumn.create("up_bars");
        IntColumn down = IntColumn.create("down_bars");
        IntColumn flat = IntColumn.create("flat_bars");
        for (RunScanner.Result r : results) {
            WindowBars b = r.bars();
            window.append(b.window());
            if (b.firstDefinedRow() < 0) {
                first.appendMissing();
            } else {
                first.append(b.firstDefinedRow());
            }
            defined.append(b.definedBars());
            up.append(b.upBars());
            down.append(b.downBars());
            flat.append(b.flatBars());
        }
        return Table.create("sma_persistence_bars", window, first, defined, up, down, flat);
    }
}
