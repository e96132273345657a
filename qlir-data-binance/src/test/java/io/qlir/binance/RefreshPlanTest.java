package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.data.budget.WeightBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refresh period, the timetable and the admission check, against numbers worked out by hand. */
class RefreshPlanTest {

    static List<FetchJob> jobs(int n, Interval interval) {
        List<FetchJob> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(FetchJob.of(Endpoint.KLINES, String.format("G%04dUSDT", i), interval));
        }
        return out;
    }

    static WeightBudget budget(int capacity, Duration window) {
        return WeightBudget.builder().capacity(capacity).window(window).build();
    }

    @Test
    void binancesWholeListAtThirtySecondsStretchesToFortyPointFiveSeconds() {
        // 2,000 jobs x weight 2 every 30 s need 8,000 per minute; closes of 1h candles take 2,000 x 2 / 60 = 66.7
        // per minute and one request 2 stays free: 6,000 - 66.7 - 2 = 5,931.3 for refreshes, so the period is
        // 30 s x 8,000 / 5,931.3 = 40,463.4 ms, rounded up
        RefreshPlan plan = RefreshPlan.of(budget(6000, Duration.ofMinutes(1)), Duration.ofSeconds(30),
                jobs(2000, Interval.H1));
        assertThat(plan.period()).isEqualTo(Duration.ofMillis(40_464));
    }

    @Test
    void aCadenceTheBudgetAffordsIsKeptAndNoCadenceMeansNoPlan() {
        RefreshPlan plan = RefreshPlan.of(budget(6000, Duration.ofMinutes(1)), Duration.ofSeconds(30),
                jobs(10, Interval.M1));
        assertThat(plan.period()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RefreshPlan.of(budget(6000, Duration.ofMinutes(1)), null, jobs(10, Interval.M1))).isNull();
        // one 1m job's closes (2 per minute) and one free request (2) fill a budget of 4 per minute: closes only
        assertThat(RefreshPlan.of(budget(4, Duration.ofMinutes(1)), Duration.ofSeconds(20), jobs(1, Interval.M1)))
                .isNull();
    }

    @Test
    void slotsRepeatEveryPeriodFromOneWindowAfterTheStart() {
        // 4 jobs, 40 per 10 s, cadence 1 s: needed 80, closes 4 x 2 x 10 / 60 = 1.33, room 36.67: period 2,182 ms
        RefreshPlan plan = RefreshPlan.of(budget(40, Duration.ofSeconds(10)), Duration.ofSeconds(1),
                jobs(4, Interval.M1));
        assertThat(plan.period()).isEqualTo(Duration.ofMillis(2_182));
        plan.start(1_000_000);
        // phases 0, 545, 1091, 1636 (a quarter of the period each, rounded down)
        assertThat(plan.slotAtOrAfter(0, 0)).isEqualTo(1_010_000);
        assertThat(plan.slotAtOrAfter(1, 0)).isEqualTo(1_010_545);
        assertThat(plan.slotAtOrAfter(3, 1_010_000)).isEqualTo(1_011_636);
        assertThat(plan.slotAtOrAfter(0, 1_010_001)).isEqualTo(1_012_182);
        assertThat(plan.slotAtOrAfter(2, 1_013_274)).isEqualTo(1_013_273 + 2_182);
    }

    @Test
    void anotherStepGoesOnlyWhereItLeavesTheBookedRefreshesTheirWeight() {
        // 1 job, 6 per 10 s: closes 2 x 10 / 60 = 0.33, room 3.67 >= 2; needed at 10 s is 2: no stretch
        RefreshPlan plan = RefreshPlan.of(budget(6, Duration.ofSeconds(10)), Duration.ofSeconds(10),
                jobs(1, Interval.M1));
        assertThat(plan.period()).isEqualTo(Duration.ofSeconds(10));
        plan.start(0); // slots at 10 s, 20 s, ...
        Object a = new Object();
        Object b = new Object();
        // at 5 s: nothing held, the slot at 10 s is booked: 0 + 2 + 2 <= 6
        assertThat(plan.admits(5_000, 2)).isTrue();
        plan.dispatched(a, 2);
        plan.returned(a, 5_000); // held until 15 s
        assertThat(plan.admits(5_000, 2)).as("2 held + 2 booked + 2 = 6").isTrue();
        plan.dispatched(b, 2);
        assertThat(plan.admits(5_000, 2)).as("4 held (one still running) + 2 booked + 2 > 6").isFalse();
        plan.returned(b, 5_000);
        assertThat(plan.nextChange(5_000)).isEqualTo(10_000); // the slot comes before the expiries at 15 s
        assertThat(plan.admits(15_000, 2)).as("both expired at 15 s; the slot at 20 s is booked").isTrue();
    }

    @Test
    void theBusiestWindowCountsWholeLapsAndTheFullestRest() {
        // phases 0 and 5 in a period of 10, weights 2 and 3: a window of 25 holds two laps (10) and the fullest
        // 5-long stretch (one slot, at most 3)
        assertThat(RefreshPlan.busiestWindow(new long[] {0, 5}, new int[] {2, 3}, 10, 25)).isEqualTo(13);
        assertThat(RefreshPlan.busiestWindow(new long[] {0, 5}, new int[] {2, 3}, 10, 6)).isEqualTo(5);
    }
}
