package io.qlir.data.slice;

import static io.qlir.data.slice.SliceReason.AWAITING_UPSTREAM;
import static io.qlir.data.slice.SliceReason.HISTORICAL_SPARSITY;
import static io.qlir.data.slice.SliceReason.INVALID_RESPONSE;
import static io.qlir.data.slice.SliceReason.NONE;
import static io.qlir.data.slice.SliceReason.NO_DATA;
import static io.qlir.data.slice.SliceReason.STILL_FORMING;
import static io.qlir.data.slice.SliceStatus.COMPLETE;
import static io.qlir.data.slice.SliceStatus.EMPTY;
import static io.qlir.data.slice.SliceStatus.FAILED;
import static io.qlir.data.slice.SliceStatus.NEEDS_REFRESH;
import static io.qlir.data.slice.SliceStatus.PARTIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every branch of the policy with concrete numbers. The slice: BTCUSDT 1m, 10 candles from
 * S = 2024-01-01T00:00:00Z = 1704067200000, so it covers opens S .. S+9m, ends (exclusive) at S+10m = S+600000, and
 * its default grace is min(2.5 * 600000 ms, 3 days) = 1500000 ms (25 minutes).
 */
class StatusPolicyTest {

    static final long S = 1704067200000L;
    static final long M = 60_000L;
    static final SliceKey KEY = new SliceKey("BTCUSDT", Interval.M1, S, 10);
    static final long END = S + 600_000L;

    static long[] opens(long... minutes) {
        return LongStream.of(minutes).map(m -> S + m * M).toArray();
    }

    static long[] range(int fromMinute, int toMinuteInclusive) {
        return LongStream.rangeClosed(fromMinute, toMinuteInclusive).map(m -> S + m * M).toArray();
    }

    static Arguments row(String name, long[] opens, long nowMs, SliceStatus status, SliceReason reason) {
        return Arguments.of(name, opens, nowMs, status, reason);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row("duplicate open time", opens(0, 0, 1), END + 10 * M, FAILED, INVALID_RESPONSE),
                row("row before the slice", new long[] {S - M}, END + 10 * M, FAILED, INVALID_RESPONSE),
                row("row after the slice", opens(0, 10), END + 10 * M, FAILED, INVALID_RESPONSE),
                row("open time off the minute", new long[] {S + 1}, END + 10 * M, FAILED, INVALID_RESPONSE),
                row("rows out of order", opens(1, 0), END + 10 * M, FAILED, INVALID_RESPONSE),
                row("no rows, long ago", opens(), END + 100 * M, EMPTY, NO_DATA),
                row("no rows, slice still running", opens(), S + 3 * M, EMPTY, NO_DATA),
                row("full, last candle closed exactly at now", range(0, 9), END, COMPLETE, NONE),
                row("full, much later", range(0, 9), END + 86_400_000L, COMPLETE, NONE),
                row("full length, last candle still forming (close == now)", range(0, 9), END - 1, PARTIAL,
                        STILL_FORMING),
                row("full length, last candle forming mid-minute", range(0, 9), S + 9 * M + 30_000, PARTIAL,
                        STILL_FORMING),
                row("short, holds the forming candle", range(0, 4), S + 4 * M + 10_000, PARTIAL, STILL_FORMING),
                row("short, all closed, slice end in the future", range(0, 4), S + 5 * M + 30_000, PARTIAL,
                        STILL_FORMING),
                row("short, slice end == now - 1 (last candle not closed)", range(0, 8), END - 1, PARTIAL,
                        STILL_FORMING),
                row("short, 1 ms after the slice ended", range(0, 8), END, PARTIAL, AWAITING_UPSTREAM),
                row("short, exactly the grace after the end", range(0, 8), END + 1_500_000L, PARTIAL,
                        AWAITING_UPSTREAM),
                row("short, 1 ms past the grace", range(0, 8), END + 1_500_001L, COMPLETE, HISTORICAL_SPARSITY),
                row("late start (first row not at slice start), old", range(3, 9), END + 2 * 3_600_000L, COMPLETE,
                        HISTORICAL_SPARSITY),
                row("gapped (minute 5 missing), recent", opens(0, 1, 2, 3, 4, 6, 7, 8, 9), END + 5 * M, PARTIAL,
                        AWAITING_UPSTREAM),
                row("gapped (minute 5 missing), old", opens(0, 1, 2, 3, 4, 6, 7, 8, 9), END + 26 * M, COMPLETE,
                        HISTORICAL_SPARSITY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void classify(String name, long[] opens, long nowMs, SliceStatus status, SliceReason reason) {
        SliceVerdict v = StatusPolicy.defaults().classify(KEY, opens, Instant.ofEpochMilli(nowMs));
        assertThat(v).isEqualTo(new SliceVerdict(status, reason));
    }

    @Test
    void defaultGraceIsTheSmallerOfTwoAndAHalfSpansAndThreeDays() {
        StatusPolicy p = StatusPolicy.defaults();
        assertThat(p.grace(KEY)).isEqualTo(Duration.ofMillis(1_500_000L));
        // 1m x 1000: 2.5 * 60,000,000 ms = 150,000,000 ms = 41h40m < 3 days
        assertThat(p.grace(new SliceKey("BTCUSDT", Interval.M1, S, 1000))).isEqualTo(Duration.ofMinutes(2500));
        // 1s x 1000: 2500 s
        assertThat(p.grace(new SliceKey("BTCUSDT", Interval.S1, S, 1000))).isEqualTo(Duration.ofSeconds(2500));
        // 1h x 1000: 2500 h > 3 days
        assertThat(p.grace(new SliceKey("BTCUSDT", Interval.H1, S, 1000))).isEqualTo(Duration.ofDays(3));
        // 1M: months are long, so 3 days
        assertThat(p.grace(new SliceKey("BTCUSDT", Interval.MO1, S, 2))).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void fixedGraceReplacesTheDefault() {
        StatusPolicy p = StatusPolicy.defaults().withGrace(Duration.ofMinutes(60));
        assertThat(p.classify(KEY, range(0, 8), Instant.ofEpochMilli(END + 59 * M)).reason())
                .isEqualTo(AWAITING_UPSTREAM);
        assertThat(p.classify(KEY, range(0, 8), Instant.ofEpochMilli(END + 61 * M)).reason())
                .isEqualTo(HISTORICAL_SPARSITY);
        assertThatThrownBy(() -> p.withGrace(Duration.ofSeconds(-1))).hasMessageContaining("bad grace");
    }

    @Test
    void monthSlice() {
        long jan = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        long feb = Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
        long mar = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
        SliceKey k = new SliceKey("BTCUSDT", Interval.MO1, jan, 2);
        StatusPolicy p = StatusPolicy.defaults();
        assertThat(p.classify(k, new long[] {jan, feb}, Instant.ofEpochMilli(mar))).isEqualTo(SliceVerdict.COMPLETE);
        assertThat(p.classify(k, new long[] {jan, feb}, Instant.ofEpochMilli(mar - 1)).reason()).isEqualTo(STILL_FORMING);
        assertThat(p.classify(k, new long[] {jan}, Instant.parse("2024-03-04T00:00:00Z")).reason())
                .isEqualTo(AWAITING_UPSTREAM);
        assertThat(p.classify(k, new long[] {jan}, Instant.parse("2024-03-04T00:00:00.001Z")).reason())
                .isEqualTo(HISTORICAL_SPARSITY);
    }

    @Test
    void recheckRerunsThePolicyAtTheWriteTime() {
        StatusPolicy p = StatusPolicy.defaults();
        RowSummary nine = RowSummary.of(KEY, range(0, 8));
        RowSummary ten = RowSummary.of(KEY, range(0, 9));
        SliceVerdict awaiting = new SliceVerdict(PARTIAL, AWAITING_UPSTREAM);
        // written 5 minutes after the end: partial then, so it stays partial however late we look
        assertThat(p.recheck(KEY, awaiting, nine, Instant.ofEpochMilli(END + 5 * M))).isEqualTo(awaiting);
        // a file that claims complete for 9 rows written 5 minutes after the end disagrees
        assertThat(p.recheck(KEY, SliceVerdict.COMPLETE, nine, Instant.ofEpochMilli(END + 5 * M)))
                .isEqualTo(new SliceVerdict(NEEDS_REFRESH, NONE));
        // same status, other reason: agrees (only the status is compared)
        assertThat(p.recheck(KEY, new SliceVerdict(COMPLETE, HISTORICAL_SPARSITY), ten, Instant.ofEpochMilli(END)))
                .isEqualTo(new SliceVerdict(COMPLETE, HISTORICAL_SPARSITY));
        // failed is not a policy outcome: kept
        SliceVerdict failed = SliceVerdict.failed(SliceReason.HTTP_ERROR);
        assertThat(p.recheck(KEY, failed, RowSummary.EMPTY, Instant.ofEpochMilli(END))).isEqualTo(failed);
    }

    @Test
    void dueAt() {
        StatusPolicy p = StatusPolicy.defaults();
        Instant written = Instant.ofEpochMilli(END + 5 * M);
        assertThat(p.dueAt(KEY, SliceVerdict.COMPLETE, written)).isEmpty();
        assertThat(p.dueAt(KEY, SliceVerdict.MISSING, null)).contains(Instant.EPOCH);
        assertThat(p.dueAt(KEY, SliceVerdict.failed(SliceReason.NETWORK_UNAVAILABLE), written)).contains(Instant.EPOCH);
        assertThat(p.dueAt(KEY, new SliceVerdict(NEEDS_REFRESH, NONE), written)).contains(Instant.EPOCH);
        // partial: one interval later, clamped to at least a minute
        assertThat(p.dueAt(KEY, new SliceVerdict(PARTIAL, AWAITING_UPSTREAM), written)).contains(written.plusSeconds(60));
        assertThat(p.dueAt(KEY, new SliceVerdict(PARTIAL, STILL_FORMING), null)).contains(Instant.EPOCH);
        SliceKey hourly = new SliceKey("BTCUSDT", Interval.H4, S, 10);
        assertThat(p.recheckDelay(hourly)).isEqualTo(Duration.ofHours(1));
        // empty: final when written after the grace, else re-checked
        SliceVerdict empty = new SliceVerdict(EMPTY, NO_DATA);
        assertThat(p.dueAt(KEY, empty, Instant.ofEpochMilli(END + 1_500_001L))).isEqualTo(Optional.empty());
        assertThat(p.dueAt(KEY, empty, written)).contains(written.plusSeconds(60));
    }

    @Test
    void failedNeedsAFailureReason() {
        assertThat(SliceVerdict.failed(SliceReason.EXCEPTION).status()).isEqualTo(FAILED);
        assertThatThrownBy(() -> SliceVerdict.failed(SliceReason.NO_DATA)).hasMessageContaining("'no_data'");
    }

    @Test
    void rowSummaryCountsEachAnomalyOnce() {
        RowSummary r = RowSummary.of(KEY, new long[] {S, S, S + 3 * M, S + 2 * M, S + 20 * M});
        assertThat(r.count()).isEqualTo(5);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.gaps()).isEqualTo(2); // S -> S+3m, S+2m -> S+20m
        assertThat(r.unordered()).isEqualTo(1);
        assertThat(r.misplaced()).isEqualTo(1); // S+20m is outside
        assertThat(r.firstOpenMs()).isEqualTo(S);
        assertThat(r.lastOpenMs()).isEqualTo(S + 20 * M);
    }

    @Test
    void wireCodesAreLowercase() {
        assertThat(SliceStatus.CODEC.codes()).containsExactly("missing", "complete", "partial", "empty", "failed",
                "needs_refresh");
        assertThat(SliceReason.CODEC.codes()).containsExactly("none", "still_forming", "awaiting_upstream",
                "historical_sparsity", "no_data", "http_error", "network_unavailable", "invalid_response", "exception");
    }
}
