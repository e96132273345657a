package io.qlir.ops.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Runs known exactly by hand. With window 1 the SMA is the series itself, so a pattern of moves is a pattern of
 * directions; the expected runs are written out in each test's comment.
 */
class SmaPersistenceTest {

    @Test
    void runsCutByTheStartAndTheEndAreCensoredAndAFlatBarEndsARun() {
        // x:    10 11 12 11 10 10 11 12 13 12
        // dir:   -  U  U  D  D  F  U  U  U  D
        // runs: U[1..2] cut at start (bar 0 has no direction), D[3..4] complete (2), U[6..8] complete (3),
        //       D[9] cut at the end
        SmaPersistence r = Studies.smaPersistence(CloseTables.close(10, 11, 12, 11, 10, 10, 11, 12, 13, 12), "close", 1);

        RunStats up = r.stats(1, Direction.UP);
        RunStats down = r.stats(1, Direction.DOWN);
        assertThat(up.runs()).isEqualTo(1);
        assertThat(up.count(3)).isEqualTo(1);
        assertThat(up.max()).isEqualTo(3);
        assertThat(up.censored()).containsExactly(new CensoredRun(1, Direction.UP, Censoring.START, 1, 2));
        assertThat(down.runs()).isEqualTo(1);
        assertThat(down.count(2)).isEqualTo(1);
        assertThat(down.censored()).containsExactly(new CensoredRun(1, Direction.DOWN, Censoring.END, 9, 1));
        assertThat(r.bars(1)).isEqualTo(new WindowBars(1, 1, 9, 5, 3, 1));
    }

    @Test
    void statisticsDistributionAndSurvivalAreOverCompletedRunsOnly() {
        // moves of bars 1..14: D U U D U F U U U D D D U D
        // D[1] cut at start; U[2..3]=2; D[4]=1; U[5]=1; F; U[7..9]=3; D[10..12]=3; U[13]=1; D[14] cut at end
        // up lengths 2,1,3,1 -> sorted 1,1,2,3; down lengths 1,3
        SmaPersistence r = Studies.smaPersistence(CloseTables.pattern("DUUDUFUUUDDDUD"), "close", 1);

        RunStats up = r.stats(1, Direction.UP);
        assertThat(up.runs()).isEqualTo(4);
        assertThat(up.mean()).isEqualTo(1.75);
        assertThat(up.median()).isEqualTo(1.5);             // type 7: h = 1.5 -> 1 + 0.5 * (2 - 1)
        assertThat(up.p90()).isCloseTo(2.7, within(1e-12)); // h = 2.7 -> 2 + 0.7 * (3 - 2)
        assertThat(up.max()).isEqualTo(3);
        assertThat(List.of(up.share(1), up.share(2), up.share(3))).containsExactly(0.5, 0.25, 0.25);
        assertThat(List.of(up.survival(1), up.survival(2), up.survival(3), up.survival(4)))
                .containsExactly(1.0, 0.5, 0.25, 0.0);
        assertThat(up.censored()).isEmpty();

        RunStats down = r.stats(1, Direction.DOWN);
        assertThat(down.runs()).isEqualTo(2);
        assertThat(down.mean()).isEqualTo(2.0);
        assertThat(down.median()).isEqualTo(2.0);
        assertThat(down.p90()).isCloseTo(2.8, within(1e-12));
        assertThat(List.of(down.count(1), down.count(2), down.count(3))).containsExactly(1, 0, 1);
        assertThat(List.of(down.survival(1), down.survival(2), down.survival(3))).containsExactly(1.0, 0.5, 0.5);
        assertThat(down.censored()).extracting(CensoredRun::censoring)
                .containsExactly(Censoring.START, Censoring.END);
    }

    @Test
    void warmUpRowsAreSkippedAndTheFirstRunAfterThemIsCensored() {
        // x:     1 2 3 4 5 4 3 2 1 2 3 4 5 6
        // sma3:  - - 2 3 4 13/3 4 3 2 5/3 2 3 4 5
        // dir from row 3: U U U D D D D U U U U -> U[3..5] cut at start, D[6..9] = 4, U[10..13] cut at end
        SmaPersistence r = Studies.smaPersistence(CloseTables.close(1, 2, 3, 4, 5, 4, 3, 2, 1, 2, 3, 4, 5, 6), "close", 3);

        assertThat(r.bars(3)).isEqualTo(new WindowBars(3, 3, 11, 7, 4, 0));
        assertThat(r.stats(3, Direction.DOWN).runs()).isEqualTo(1);
        assertThat(r.stats(3, Direction.DOWN).count(4)).isEqualTo(1);
        assertThat(r.stats(3, Direction.UP).runs()).isZero();
        assertThat(r.stats(3, Direction.UP).censored()).containsExactly(
                new CensoredRun(3, Direction.UP, Censoring.START, 3, 3),
                new CensoredRun(3, Direction.UP, Censoring.END, 10, 4));
    }

    @Test
    void aRunSpanningAllTheDataIsCensoredAtBothEndsAndLeavesNoStatistics() {
        SmaPersistence r = Studies.smaPersistence(CloseTables.close(1, 2, 3, 4), "close", 1);

        RunStats up = r.stats(1, Direction.UP);
        assertThat(up.censored()).containsExactly(new CensoredRun(1, Direction.UP, Censoring.BOTH, 1, 3));
        assertThat(up.runs()).isZero();
        assertThat(up.mean()).isNaN();
        assertThat(up.median()).isNaN();
        assertThat(up.max()).isZero();
        assertThat(up.survival(1)).isNaN();
        Table summary = r.summary();
        assertThat(summary.intColumn("max").isMissing(0)).isTrue();
        assertThat(r.distribution().rowCount()).isZero();
    }

    @Test
    void missingValuesCutRunsLikeTheEdgesOfTheData() {
        // x: 1 2 3 2 NaN 2 3 4 3 -> dir: - U U D - - U U D
        // U[1..2] cut at start; D[3] cut at end (row 4 undefined); U[6..7] cut at start; D[8] cut at end
        SmaPersistence r = Studies.smaPersistence(CloseTables.close(1, 2, 3, 2, Double.NaN, 2, 3, 4, 3), "close", 1);

        assertThat(r.censored().stringColumn("censoring").asList()).containsExactly("start", "start", "end", "end");
        assertThat(r.stats(1, Direction.UP).runs()).isZero();
        assertThat(r.stats(1, Direction.DOWN).runs()).isZero();
        assertThat(r.bars(1).definedBars()).isEqualTo(6);
    }

    @Test
    void roundingToDecimalsTurnsSmallMovesIntoFlatBars() {
        Table t = CloseTables.close(1.00, 1.001, 0.999, 1.002, 1.02, 1.03, 1.031, 1.02, 1.0);
        // unrounded dir: - U D U U U U D D -> U[1] start-cut, D[2]=1, U[3..6]=4, D[7..8] end-cut
        SmaPersistence raw = Studies.smaPersistence(t, "close", 1);
        assertThat(raw.stats(1, Direction.UP).count(4)).isEqualTo(1);
        assertThat(raw.stats(1, Direction.DOWN).count(1)).isEqualTo(1);
        assertThat(raw.bars(1).flatBars()).isZero();

        // at 2 decimals: 1.00 1.00 1.00 1.00 1.02 1.03 1.03 1.02 1.00 -> dir - F F F U U F D D
        // U[4..5] = 2 complete (flat on both sides), D[7..8] end-cut
        SmaPersistence rounded = Studies.smaPersistence(t,
                SmaPersistenceOptions.builder().windows(1).decimals(2).build());
        assertThat(rounded.bars(1)).isEqualTo(new WindowBars(1, 1, 8, 2, 2, 4));
        RunStats up = rounded.stats(1, Direction.UP);
        assertThat(up.runs()).isEqualTo(1);
        assertThat(up.count(2)).isEqualTo(1);
        assertThat(up.censored()).isEmpty();
        assertThat(rounded.stats(1, Direction.DOWN).runs()).isZero();
        assertThat(rounded.stats(1, Direction.DOWN).censored())
                .containsExactly(new CensoredRun(1, Direction.DOWN, Censoring.END, 7, 2));
    }

    @Test
    void roundingSuppressesFloatNoiseOfAConstantAverage() {
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.1 * (i % 3 + 1);   // 0.1 0.2 0.3 repeated: every 3-bar mean is 0.2 up to float noise
        }
        SmaPersistence r = Studies.smaPersistence(CloseTables.close(x),
                SmaPersistenceOptions.builder().windows(3).decimals(9).build());
        assertThat(r.bars(3).flatBars()).isEqualTo(r.bars(3).definedBars()).isEqualTo(297);
        assertThat(r.censored().rowCount()).isZero();
    }

    @Test
    void manyWindowsInOneCallEqualEachWindowAlone() {
        Table t = CloseTables.pattern("UUDUDDDUUFUDDUUUDUDDFFUUUDDUDUUUUDDDDUDU");
        SmaPersistence all = Studies.smaPersistence(t, "close", 2, 3, 5);
        for (int w : new int[] {2, 3, 5}) {
            SmaPersistence one = Studies.smaPersistence(t, "close", w);
            for (Direction d : Direction.values()) {
                assertThat(all.stats(w, d).toString()).isEqualTo(one.stats(w, d).toString());
                assertThat(all.stats(w, d).censored()).isEqualTo(one.stats(w, d).censored());
            }
            assertThat(all.bars(w)).isEqualTo(one.bars(w));
        }
    }

    @Test
    void theInputIsNotModifiedAndMayAlreadyHoldAnSmaColumn() {
        Table t = CloseTables.pattern("UUDUDDU");
        t.addColumns(DoubleColumn.create("close_sma_2", new double[t.rowCount()]));
        List<String> before = t.columnNames();
        SmaPersistence r = Studies.smaPersistence(t, "close", 2);
        assertThat(t.columnNames()).isEqualTo(before);
        assertThat(r.rowCount()).isEqualTo(8);
    }

    @Test
    void defaultWindowsAreFiveToSixty() {
        SmaPersistence r = Studies.smaPersistence(CloseTables.pattern("UD".repeat(50)), "close");
        assertThat(r.windows()).hasSize(56).startsWith(5).endsWith(60);
        assertThat(r.summary().rowCount()).isEqualTo(112);
    }

    @Test
    void tablesHaveOneRowPerWindowDirectionAndLength() {
        SmaPersistence r = Studies.smaPersistence(CloseTables.pattern("DUUDUFUUUDDDUD"), "close", 1);
        Table summary = r.summary();
        assertThat(summary.columnNames()).containsExactly("window", "direction", "runs", "censored_runs", "mean",
                "median", "p90", "max");
        assertThat(summary.stringColumn("direction").asList()).containsExactly("up", "down");
        assertThat(summary.intColumn("runs").asList()).containsExactly(4, 2);
        assertThat(summary.intColumn("censored_runs").asList()).containsExactly(0, 2);
        Table dist = r.distribution();
        assertThat(dist.intColumn("length").asList()).containsExactly(1, 2, 3, 1, 2, 3);
        assertThat(dist.intColumn("count").asList()).containsExactly(2, 1, 1, 1, 0, 1);
        Table surv = r.survival();
        assertThat(surv.doubleColumn("survival").asList()).containsExactly(1.0, 0.5, 0.25, 1.0, 0.5, 0.5);
        assertThat(r.bars().intColumn("flat_bars").asList()).containsExactly(1);
    }

    @Test
    void badInputGetsOneClearError() {
        Table t = CloseTables.pattern("UUD");
        assertThatThrownBy(() -> Studies.smaPersistence(t, "open", 2))
                .hasMessageContaining("'open' not found").hasMessageContaining("close");
        assertThatThrownBy(() -> Studies.smaPersistence(t, "close", 5, 5)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> Studies.smaPersistence(t, "close", 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> r(t).stats(7, Direction.UP)).hasMessageContaining("window 7 was not studied")
                .hasMessageContaining("[2]");
    }

    private static SmaPersistence r(Table t) {
        return Studies.smaPersistence(t, "close", 2);
    }
}
