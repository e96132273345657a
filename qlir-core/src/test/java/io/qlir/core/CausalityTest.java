package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.CausalityReport.Failure;
import io.qlir.core.CausalityReport.Violation;
import io.qlir.semantics.Alignment;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import io.qlir.semantics.Scope;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CausalityTest {

    private static final Table CANDLES = TestTables.randomCandles(7, 120);

    // ---- deliberately wrong ops -------------------------------------------------------------------------------

    @Test
    void catchesACenteredMeanDeclaredAsTrailing() {
        Op centered = closeOp("centered_mean", RowWindow.of(-2, 0), 2, x -> {
            double[] out = nans(x.length);
            for (int i = 2; i + 1 < x.length; i++) {
                out[i] = (x[i - 1] + x[i] + x[i + 1]) / 3;
            }
            return out;
        });

        CausalityReport report = Causality.check(centered, CANDLES, 11L);

        assertThat(report.ok()).isFalse();
        assertThat(violations(report)).contains(Violation.LOOKAHEAD, Violation.WINDOW)
                .doesNotContain(Violation.WARMUP, Violation.UNDECLARED_INPUT);
        assertThat(report.failures()).allMatch(f -> f.column().equals("close_centered_mean"));
    }

    @Test
    void catchesAnExecutionSafeOpThatSecretlyReadsTheCurrentRow() {
        Op leaky = closeOp("baseline_mean", RowWindow.of(-3, -1), 3, x -> trailingMean(x, 4)); // reads [i-3 .. i]

        CausalityReport report = Causality.check(leaky, CANDLES, 12L);

        assertThat(violations(report)).containsOnly(Violation.WINDOW);
        // a change of row j shows in output row j, which [i-3 .. i-1] excludes
        assertThat(report.failures()).anyMatch(f -> f.detail().contains("at row " + f.row() + ","));
    }

    @Test
    void catchesAnOpThatReadsFurtherBackThanDeclared() {
        Op longer = closeOp("mean3", RowWindow.trailing(3), 2, x -> {
            double[] five = trailingMean(x, 5);
            return five; // defined from row 4, reads [i-4 .. i]
        });

        CausalityReport report = Causality.check(longer, CANDLES, 13L);

        assertThat(violations(report)).containsOnly(Violation.WINDOW);
        assertThat(report.failures().get(0).detail()).contains("[i-2 .. i]");
    }

    @Test
    void catchesValuesBeforeTheDeclaredWarmup() {
        Op expanding = closeOp("mean3", RowWindow.trailing(3), 2, x -> {
            double[] out = trailingMean(x, 3);
            if (x.length > 1) {
                out[0] = x[0];
                out[1] = (x[0] + x[1]) / 2;
            }
            return out;
        });

        CausalityReport report = Causality.check(expanding, CANDLES, 14L);

        assertThat(violations(report)).containsOnly(Violation.WARMUP);
        assertThat(report.failures()).singleElement()
                .satisfies(f -> assertThat(f.row()).isZero())
                .satisfies(f -> assertThat(f.detail()).contains("warmup=2"));
    }

    @Test
    void catchesAnUndeclaredInputColumn() {
        Op body = Op.of("body", List.of(), t -> {
            double[] close = Columns.doubles(t, "close");
            double[] open = Columns.doubles(t, "open");
            double[] out = new double[close.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = close[i] - open[i];
            }
            RowDerivationSpec spec = RowDerivationSpec.builder("BODY").baseColumn("close")
                    .reads(RowWindow.of(0, 0)).output("body").build(); // forgets "open"
            return Derived.builder(t).add(Columns.doubleColumn("body", out), spec).build();
        });

        CausalityReport report = Causality.check(body, CANDLES, 15L);

        assertThat(violations(report)).containsOnly(Violation.UNDECLARED_INPUT);
        assertThat(report.failures()).allMatch(f -> f.detail().contains("open changed at row"));
    }

    @Test
    void catchesAnOpThatDependsOnTheTableLength() {
        Op normalised = closeOp("norm", RowWindow.of(0, 0), 0, x -> {
            double max = Arrays.stream(x).max().orElse(1);
            return Arrays.stream(x).map(v -> v / max).toArray();
        });

        CausalityReport report = Causality.check(normalised, CANDLES, 16L);

        assertThat(violations(report)).contains(Violation.LOOKAHEAD, Violation.WINDOW);
    }

    @Test
    void catchesARecursiveOpThatDeclaresThePreviousRowOnly() {
        Op ema = closeOp("ema_prev", RowWindow.unboundedPast(-1), 1, x -> {
            double[] out = ema(x, 0.3);
            out[0] = Double.NaN;
            return out; // out[i] also reads x[i]
        });

        assertThat(violations(Causality.check(ema, CANDLES, 17L))).containsOnly(Violation.WINDOW);
    }

    @Test
    void reportsAnOpThatFailsOnShortTables() {
        Op fragile = closeOp("fragile", RowWindow.of(0, 0), 0, x -> {
            if (x.length < 50) {
                throw new IllegalStateException("needs 50 rows");
            }
            return x.clone();
        });

        CausalityReport report = Causality.check(fragile, CANDLES, 18L);

        assertThat(violations(report)).containsOnly(Violation.OP_ERROR);
        assertThat(report.failures().get(0).detail()).contains("needs 50 rows").contains("cut after row");
    }

    @Test
    void anOpWithoutOutputIsAFailureNotAVacuousPass() {
        Op nothing = Op.of("nothing", List.of(), t -> Derived.builder(t).build());

        assertThat(violations(Causality.check(nothing, CANDLES, 1L))).containsOnly(Violation.NO_OUTPUT);
    }

    // ---- honest ops pass --------------------------------------------------------------------------------------

    @Test
    void passesHonestTrailingRecursiveAndLaggedOps() {
        Causality.check(closeOp("mean3", RowWindow.trailing(3), 2, x -> trailingMean(x, 3)), CANDLES, 21L)
                .assertOk();
        Causality.check(closeOp("ema", RowWindow.unboundedPast(0), 0, x -> ema(x, 0.3)), CANDLES, 22L).assertOk();
        Causality.check(closeOp("prev", RowWindow.of(-1, -1), 1, x -> {
            double[] out = nans(x.length);
            for (int i = 1; i < x.length; i++) {
                out[i] = x[i - 1];
            }
            return out;
        }), CANDLES, 23L).assertOk();
    }

    @Test
    void composesTheWindowsOfIntermediateColumns() {
        // range = high - low at [i .. i]; range_mean_3 reads range at [i-2 .. i], so high/low at [i-2 .. i]
        Op rangeMean = Op.of("range_mean", List.of(3), t -> {
            double[] high = Columns.doubles(t, "high");
            double[] low = Columns.doubles(t, "low");
            double[] range = new double[high.length];
            for (int i = 0; i < range.length; i++) {
                range[i] = high[i] - low[i];
            }
            RowDerivationSpec rangeSpec = RowDerivationSpec.builder("RANGE").inputs("high", "low")
                    .reads(RowWindow.of(0, 0)).output("range").scope(Scope.INTERMEDIATE).build();
            RowDerivationSpec meanSpec = RowDerivationSpec.builder("RANGE_MEAN").inputs("range").param("window", 3)
                    .reads(RowWindow.trailing(3)).output("range_mean_3").warmup(2).build();
            return Derived.builder(t).add(Columns.doubleColumn("range", range), rangeSpec)
                    .add(Columns.doubleColumn("range_mean_3", trailingMean(range, 3)), meanSpec)
                    .drop("range", "RANGE_MEAN", "intermediate of range_mean_3").build();
        });

        CausalityReport report = Causality.check(rangeMean, CANDLES, 24L);

        report.assertOk();
        assertThat(report.columns()).containsExactly("range_mean_3");
    }

    @Test
    void checksBooleanLongAndStringOutputs() {
        Op typed = Op.of("typed", List.of(), t -> {
            double[] close = Columns.doubles(t, "close");
            double[] open = Columns.doubles(t, "open");
            int n = t.rowCount();
            BooleanColumn up = BooleanColumn.create("up", n);
            LongColumn sign = LongColumn.create("sign", n);
            StringColumn word = StringColumn.create("word", n);
            for (int i = 0; i < n; i++) {
                up.set(i, close[i] > open[i]);
                sign.set(i, (long) Math.signum(close[i] - open[i]));
                word.set(i, close[i] > open[i] ? "up" : "down");
            }
            Derived.Builder b = Derived.builder(t);
            for (tech.tablesaw.columns.Column<?> c : List.of(up, sign, word)) {
                b.add(c, RowDerivationSpec.builder("TYPED").baseColumn("close").inputs("open")
                        .reads(RowWindow.of(0, 0)).output(c.name()).build());
            }
            return b.build();
        });

        Causality.check(typed, CANDLES, 25L).assertOk();
    }

    @Test
    void checksStringAndBooleanInputs() {
        Table t = CANDLES.copy();
        BooleanColumn flag = BooleanColumn.create("flag", t.rowCount());
        StringColumn key = StringColumn.create("key", t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            flag.set(i, i % 3 == 0);
            key.set(i, i % 2 == 0 ? "a" : "b");
        }
        t.addColumns(flag, key);
        Op usesFlag = Op.of("flagged", List.of(), in -> {
            int n = in.rowCount();
            BooleanColumn out = BooleanColumn.create("flagged", n);
            for (int i = 0; i < n; i++) {
                out.set(i, Boolean.TRUE.equals(in.booleanColumn("flag").get(i))
                        && "a".equals(in.stringColumn("key").get(i)));
            }
            RowDerivationSpec spec = RowDerivationSpec.builder("FLAGGED").inputs("flag") // forgets "key"
                    .reads(RowWindow.of(0, 0)).output("flagged").build();
            return Derived.builder(in).add(out, spec).build();
        });

        CausalityReport report = Causality.check(usesFlag, t, 26L);

        assertThat(violations(report)).containsOnly(Violation.UNDECLARED_INPUT);
        assertThat(report.failures()).allMatch(f -> f.detail().contains("key changed"));
    }

    // ---- the report -------------------------------------------------------------------------------------------

    @Test
    void assertOkNamesColumnRowAndSeed() {
        Op leaky = closeOp("baseline_mean", RowWindow.of(-3, -1), 3, x -> trailingMean(x, 4));
        CausalityReport report = Causality.check(leaky, CANDLES, 4242L);
        Failure first = report.failures().get(0);

        assertThatThrownBy(report::assertOk).isInstanceOf(AssertionError.class)
                .hasMessageContaining("close_baseline_mean row " + first.row())
                .hasMessageContaining("seed=4242")
                .hasMessageContaining("WINDOW");
        assertThat(report.seed()).isEqualTo(4242L);
        assertThat(report.op()).isEqualTo("baseline_mean(close)");
    }

    @Test
    void theSameSeedRepeatsTheSameChecks() {
        Op leaky = closeOp("baseline_mean", RowWindow.of(-3, -1), 3, x -> trailingMean(x, 4));
        List<Failure> a = Causality.check(leaky, CANDLES, 99L).failures();
        List<Failure> b = Causality.check(leaky, CANDLES, 99L).failures();
        assertThat(a).isEqualTo(b).isNotEmpty();
    }

    @Test
    void handlesEmptyAndTinyTables() {
        Op mean3 = closeOp("mean3", RowWindow.trailing(3), 2, x -> trailingMean(x, 3));
        for (int n = 0; n <= 3; n++) {
            CausalityReport report = Causality.check(mean3, CANDLES.first(n), 5L);
            assertThat(report.ok()).as("n=%d: %s", n, report).isTrue();
        }
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> new Causality.Options(1, -1, 3)).hasMessageContaining("cutPoints=-1");
        assertThat(Causality.Options.seeded(3).withCutPoints(2).withPerturbedRows(4))
                .isEqualTo(new Causality.Options(3, 2, 4));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** A single-output op over {@code close}, named {@code close_<name>}, with the given (possibly false) spec. */
    static Op closeOp(String name, RowWindow declared, int warmup, Function<double[], double[]> body) {
        String output = "close_" + name;
        return Op.of(name, List.of("close"), t -> {
            double[] out = body.apply(Columns.doubles(t, "close"));
            RowDerivationSpec spec = RowDerivationSpec.builder(name.toUpperCase()).baseColumn("close")
                    .reads(declared).output(output).alignment(Alignment.EXECUTION_SAFE).warmup(warmup).build();
            return Derived.builder(t).add(Columns.doubleColumn(output, out), spec).build();
        });
    }

    static double[] trailingMean(double[] x, int w) {
        double[] out = nans(x.length);
        for (int i = w - 1; i < x.length; i++) {
            double s = 0;
            for (int k = i - w + 1; k <= i; k++) {
                s += x[k];
            }
            out[i] = s / w;
        }
        return out;
    }

    static double[] ema(double[] x, double alpha) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = i == 0 ? x[0] : alpha * x[i] + (1 - alpha) * out[i - 1];
        }
        return out;
    }

    static double[] nans(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private static List<Violation> violations(CausalityReport report) {
        return report.failures().stream().map(Failure::violation).distinct().collect(Collectors.toList());
    }
}
