package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.validate.ValidationMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rows that do not match their request are never stored: the slice is {@code failed/invalid_response}, no file is
 * written, and the next run asks again.
 */
class InvalidResponseTest {

    static final long T0 = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();
    static final long M1 = 60_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(T0 + 25 * M1 + 30_000), ZoneOffset.UTC);
    static final FetchJob JOB = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1).withLimit(10);

    /** How the answer for the second slice is broken. */
    enum Broken {
        DUPLICATE_OPEN_TIME("the same time as"),
        UNSORTED("before row"),
        BEFORE_START_TIME("before startTime"),
        WRONG_CLOSE_TIME("closes at"),
        TOO_MANY_ROWS("11 rows for limit 10"),
        /** {@code 200 []} for a range inside the listed history (issue 13 §4.1): retried, then failed, due again. */
        EMPTY("no rows for"),
        /** An open above its high (issue 13 §4.4): refused, not stored. */
        OPEN_ABOVE_HIGH("open above high"),
        LOW_ABOVE_CLOSE("below low"),
        NEGATIVE_PRICE("a negative price");

        final String problem;

        Broken(String problem) {
            this.problem = problem;
        }
    }

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Broken.class)
    void rowsThatDoNotMatchTheirRequestAreRecordedAsInvalidResponseAndNeverStored(Broken broken) throws Exception {
        AtomicReference<Broken> mode = new AtomicReference<>(broken);
        againstServer(r -> answer(r, mode.get()), fetcher -> {
            FetchSummary s = fetcher.fetch(JOB);
            assertThat(s.attempted()).isEqualTo(3);
            assertThat(s.failed()).isEqualTo(1);
            assertThat(s.complete()).isEqualTo(1);
            assertThat(s.partial()).isEqualTo(1);
            SliceEntry bad = entry(1);
            assertThat(bad.status()).isEqualTo(SliceStatus.FAILED);
            assertThat(bad.reason()).isEqualTo(SliceReason.INVALID_RESPONSE);
            assertThat(bad.hasFile()).isFalse();
            assertThat(bad.error()).contains(broken.problem);
            assertThat(fetcher.fetch(JOB).failed()).as("the slice stays due and is reported again").isEqualTo(1);
            assertThat(Binance.validate(root, JOB, ValidationMode.DEEP).errors()).isEmpty();

            mode.set(null); // Binance behaves again: the failed slice is due, and only it (and the forming one)
            FetchSummary again = fetcher.fetch(JOB);
            assertThat(again.failed()).isZero();
            assertThat(entry(1).status()).isEqualTo(SliceStatus.COMPLETE);
            assertThat(Binance.validate(root, JOB, ValidationMode.DEEP).isClean()).isTrue();
        });
    }

    /**
     * Issue 13 §4.1, the extreme case: every ranged answer is {@code 200 []}, even for the slice holding the first
     * candle the probe has just seen and the one holding the newest. None of them is recorded empty (which would
     * never be due again): each is a failed attempt, reported, and asked again by the next run.
     */
    @Test
    void whenEveryRangeAnswersEmptyNoSliceInsideTheHistoryIsRecordedEmpty() throws Exception {
        againstServer(r -> r.getUrl().queryParameter("endTime") != null
                && !"0".equals(r.getUrl().queryParameter("startTime")) ? json("[]") : answer(r, null), fetcher -> {
            FetchSummary s = fetcher.fetch(JOB);
            // the history runs from T0 (the probe's first candle) to T0 + 25 min (the newest): slices 0, 1, 2
            assertThat(s.attempted()).isEqualTo(3);
            assertThat(s.failed()).isEqualTo(3);
            assertThat(s.complete() + s.partial()).isZero();
            for (int i = 0; i < 3; i++) {
                assertThat(entry(i).status()).as("slice " + i).isEqualTo(SliceStatus.FAILED);
                assertThat(entry(i).reason()).as("slice " + i).isEqualTo(SliceReason.INVALID_RESPONSE);
            }
            assertThat(fetcher.fetch(JOB).attempted()).as("all three stay due").isEqualTo(3);
            assertThat(Binance.validate(root, JOB, ValidationMode.DEEP).errors()).isEmpty();
        });
    }

    /** What a test does with a fetcher whose client talks to the local server. */
    private interface FetcherUse {
        void accept(BinanceFetcher fetcher) throws Exception;
    }

    /** Runs {@code use} with a fetcher against a local server that answers every request with {@code answers}. */
    private void againstServer(java.util.function.Function<RecordedRequest, MockResponse> answers, FetcherUse use)
            throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    return answers.apply(r);
                }
            });
            server.start();
            try (BinanceClient client = BinanceClient.builder().baseUrl(server.url("/").toString()).clock(CLOCK)
                    .retryPolicy(Stores.quickRetries()).build()) {
                use.accept(BinanceFetcher.builder(client, root).build());
            }
        }
    }

    private SliceEntry entry(int slice) throws Exception {
        return Manifest.load(root, JOB.series()).manifest().entries().get(slice);
    }

    private static MockResponse answer(RecordedRequest r, Broken broken) {
        String path = r.getUrl().encodedPath();
        if (path.endsWith("/time")) {
            return json("{\"serverTime\":" + CLOCK.millis() + "}");
        }
        if (r.getUrl().queryParameter("startTime") == null) { // the newest candle
            long newest = T0 + 25 * M1;
            return json("[" + row(newest, newest + M1 - 1) + "]");
        }
        long start = Long.parseLong(r.getUrl().queryParameter("startTime"));
        if (start == 0) {
            return json("[" + row(T0, T0 + M1 - 1) + "]");
        }
        long end = Math.min(Long.parseLong(r.getUrl().queryParameter("endTime")), CLOCK.millis());
        List<Long> opens = new ArrayList<>();
        for (long t = start; t <= end; t += M1) {
            opens.add(t);
        }
        boolean second = start == T0 + 10 * M1;
        if (broken != null && second) {
            switch (broken) {
                case DUPLICATE_OPEN_TIME -> opens.set(3, opens.get(2));
                case UNSORTED -> {
                    opens.set(3, opens.get(4));
                    opens.set(4, opens.get(3) - M1);
                }
                case BEFORE_START_TIME -> opens.add(0, start - M1);
                case TOO_MANY_ROWS -> opens.add(end + M1);
                case EMPTY -> opens.clear();
                default -> { }
            }
        }
        StringBuilder sb = new StringBuilder("[");
        for (long t : opens) {
            long close = broken == Broken.WRONG_CLOSE_TIME && second ? t + M1 : t + M1 - 1;
            String prices = "\"1.0\",\"2.0\",\"0.5\",\"1.5\"";
            if (second && t == start + 4 * M1 && broken != null) {
                prices = switch (broken) {
                    case OPEN_ABOVE_HIGH -> "\"2.5\",\"2.0\",\"0.5\",\"1.5\"";
                    case LOW_ABOVE_CLOSE -> "\"1.0\",\"2.0\",\"1.6\",\"1.5\"";
                    case NEGATIVE_PRICE -> "\"1.0\",\"2.0\",\"-0.5\",\"1.5\"";
                    default -> prices;
                };
            }
            sb.append(sb.length() > 1 ? "," : "").append(row(t, prices, close));
        }
        return json(sb.append(']').toString());
    }

    private static String row(long open, long close) {
        return row(open, "\"1.0\",\"2.0\",\"0.5\",\"1.5\"", close);
    }

    private static String row(long open, String prices, long close) {
        return "[" + open + "," + prices + ",\"10.0\"," + close + ",\"15.0\",3,\"5.0\",\"7.5\",\"0\"]";
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }
}
