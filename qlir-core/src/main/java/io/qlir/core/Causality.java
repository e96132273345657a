package io.qlir.core;

import io.qlir.semantics.DerivationLog;
import java.util.Objects;
import java.util.SplittableRandom;
import tech.tablesaw.api.Table;

/**
 * Tests an op's specs by running it again on truncated and perturbed copies of a table, and names the column, row
 * and seed where a spec is false. A passing check means "no counter-example at the rows and values tried", not a
 * proof (see the last paragraph).
 *
 * <p>A {@code RowDerivationSpec} is a claim its author wrote by hand: "to write row {@code i} of {@code close_sma_14}
 * I read rows {@code [i-13 .. i]} of {@code close}, and rows before 13 are undefined". Causality tests that claim,
 * for every output column, in three ways:
 * <ul>
 *   <li><b>no lookahead</b>: for cut points {@code k} (several seeded-random ones, plus around each warm-up and near
 *       the end), the op run on rows {@code [0..k]} gives the same rows {@code 0..k} as the op run on the whole
 *       table;</li>
 *   <li><b>honest window</b>: a strong change of one cell of input row {@code j} (numbers {@code x*3+1000},
 *       booleans flipped, strings replaced by a new value; time columns {@code open_time}, {@code close_time} and
 *       {@code LongColumn}s named {@code *_time} are left alone) may change only output rows {@code r} with
 *       {@code r + from <= j <= r + to}; for an unbounded past ({@code [.. i]}) only rows {@code r < j - to} must
 *       stay the same. <em>Every</em> non-time column of the table is changed in turn, so a change in a column the
 *       spec does not list among its inputs is a failure too;</li>
 *   <li><b>warm-up</b>: no row before {@code warmup} is defined (not NaN, not missing).</li>
 * </ul>
 * "The same" means {@code |a-b| <= 1e-9 * max(1, |b|)} for floating-point columns (NaN equals NaN) and equality for
 * every other type. Cut points and changed rows come from a seeded random source; a failure names the column, the
 * row and the seed, and {@link #check(Op, Table, long)} with that seed reruns the very same checks.
 * <pre>{@code
 * Causality.check(OpLanguage.parse("rolling_mean(close,5)"), candles).assertOk();
 * }</pre>
 *
 * <p>What it cannot catch: the checks can refute a spec but never prove it for all inputs. They look only at the
 * sampled rows (by default 6 random cut points and 20 perturbed rows, plus the first and last rows and those around
 * each warm-up), so a wrong read that shows at other rows only, such as an off-by-one at a month boundary, passes
 * unless a sampled row hits it. A dependency that only shows for some values (a branch taken when a price is
 * negative, a comparison that is false whichever way the changed input moves) is found only if the table or a
 * perturbation reaches it. Time columns are never changed, so a dependency through them goes unseen, and an effect
 * smaller than the tolerance (1e-9 relative) counts as none. Run the check on real data and on random series, with
 * NaNs (qlir's own tests do both). Derivation logging is muted while the op is re-run.
 */
public final class Causality {

    private Causality() {
    }

    /**
     * How thoroughly to check, and with which seed.
     *
     * @param seed the seed of the random cut points and perturbed rows
     * @param cutPoints how many random cut points to try (warm-up and end cut points are added to these)
     * @param perturbedRows how many input rows to change, each in every non-time column, one at a time
     */
    public record Options(long seed, int cutPoints, int perturbedRows) {

        /** Checks that both counts are at least 0. */
        public Options {
            if (cutPoints < 0 || perturbedRows < 0) {
                throw new IllegalArgumentException("cutPoints and perturbedRows must be >= 0, got cutPoints="
                        + cutPoints + ", perturbedRows=" + perturbedRows);
            }
        }

        /** The default thoroughness (6 random cut points, 20 perturbed rows) with a fresh random seed. */
        public static Options defaults() {
            return seeded(new SplittableRandom().nextLong());
        }

        /**
         * The default thoroughness with a given seed.
         *
         * @param seed the seed, for example one a failed report printed
         * @return the options
         */
        public static Options seeded(long seed) {
            return new Options(seed, 6, 20);
        }

        /** These options with {@code n} random cut points. */
        public Options withCutPoints(int n) {
            return new Options(seed, n, perturbedRows);
        }

        /** These options with {@code n} perturbed rows. */
        public Options withPerturbedRows(int n) {
            return new Options(seed, cutPoints, n);
        }
    }

    /**
     * Checks an op on a table with default options and a fresh random seed (printed in any failure).
     *
     * @param op the op to check
     * @param table an input table; real data or a random series with every column the op reads
     * @return the report; call {@link CausalityReport#assertOk()} in a test
     * @throws RuntimeException whatever the op throws when run on the whole table (that is a bug in the call, not
     *     a causality failure)
     */
    public static CausalityReport check(Op op, Table table) {
        return check(op, table, Options.defaults());
    }

    /**
     * Checks an op on a table with default thoroughness and a given seed, to rerun a failed check exactly.
     *
     * @param op the op to check
     * @param table an input table
     * @param seed the seed of the cut points and perturbed rows
     * @return the report
     * @throws RuntimeException whatever the op throws when run on the whole table
     */
    public static CausalityReport check(Op op, Table table, long seed) {
        return check(op, table, Options.seeded(seed));
    }

    /**
     * Checks an op on a table with explicit options.
     *
     * @param op the op to check
     * @param table an input table
     * @param options seed and thoroughness
     * @return the report
     * @throws RuntimeException whatever the op throws when run on the whole table
     */
    public static CausalityReport check(Op op, Table table, Options options) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(options, "options");
        return DerivationLog.muted(() -> new CausalityRun(op, table, options).run());
    }
}
