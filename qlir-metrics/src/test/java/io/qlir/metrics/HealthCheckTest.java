package io.qlir.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.binance.JobFailureKind;
import io.qlir.binance.JobPhase;
import io.qlir.binance.JobState;
import io.qlir.core.Interval;
import io.qlir.data.manifest.FileStamp;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.testkit.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** /health: stalls and failures make a job DEGRADED, a fresh write makes it UP again; no job running is DOWN. */
class HealthCheckTest {

    static final FetchJob BTC = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1);
    static final long T10 = Instant.parse("2024-01-03T10:00:00Z").toEpochMilli();

    final ManualTime time = new ManualTime(Instant.parse("2024-01-03T10:00:30Z"));
    final QlirMetrics metrics = QlirMetrics.create(time.clock()).jobs(List.of(BTC));
    final AtomicReference<JobPhase> phase = new AtomicReference<>(JobPhase.SLEEPING);
    final HealthCheck health = HealthCheck.builder(metrics,
            () -> List.of(new JobState(BTC, phase.get(), 0, 0, 0, null, null))).cadence(Duration.ofSeconds(20)).build();

    @Test
    void defaultThresholdIsTheLongerOfThreeCadencesAndTwoIntervals() {
        assertThat(health.threshold(BTC)).isEqualTo(Duration.ofMinutes(2)); // 2 x 1m > 3 x 20s
        HealthCheck slowCadence = HealthCheck.builder(metrics, List::of).cadence(Duration.ofMinutes(5)).build();
        assertThat(slowCadence.threshold(BTC)).isEqualTo(Duration.ofMinutes(15));
        HealthCheck fixed = HealthCheck.builder(metrics, List::of).maxLag(Duration.ofSeconds(90)).build();
        assertThat(fixed.threshold(BTC)).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> HealthCheck.builder(metrics, List::of).maxLag(Duration.ZERO))
                .hasMessageContaining("must be positive");
    }

    @Test
    void aStalledJobIsDegradedUntilItWritesANewerCandle() {
        metrics.storeOpened(BTC, OptionalLong.of(T10)); // the 10:00 candle forms; the newest closed ended at 10:00
        HealthReport r = health.report();
        assertThat(r.status()).isEqualTo(HealthStatus.UP);
        assertThat(r.jobs()).singleElement().satisfies(j -> {
            assertThat(j.lagSeconds()).isEqualTo(30.0);
            assertThat(j.state()).isEqualTo("ok");
        });

        time.advance(Duration.ofMinutes(3)); // 10:03:30, nothing written: the 10:00 candle closed at 10:01
        r = health.report();
        assertThat(r.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(r.jobs().get(0).lagSeconds()).isEqualTo(150.0);
        assertThat(r.jobs().get(0).state()).isEqualTo("lagging");
        assertThat(r.status().httpStatus()).isEqualTo(200);

        metrics.sliceRecorded(BTC, written(T10 + 3 * 60_000), 3);
        r = health.report();
        assertThat(r.status()).isEqualTo(HealthStatus.UP);
        assertThat(r.jobs().get(0).lagSeconds()).isEqualTo(30.0);
        assertThat(r.jobs().get(0).lastWrite()).isEqualTo(time.now());
    }

    @Test
    void aFailingUpstreamIsDegradedAndRecoversWithTheNextWrite() {
        metrics.storeOpened(BTC, OptionalLong.of(T10));
        metrics.sliceRecorded(BTC, failed(), 0);
        metrics.jobFailed(BTC, JobFailureKind.SLICE, "HTTP 503 after 8 attempts");
        HealthReport r = health.report();
        assertThat(r.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(r.jobs().get(0).state()).isEqualTo("failing");
        assertThat(r.jobs().get(0).lastError()).isEqualTo("HTTP 503 after 8 attempts");

        metrics.sliceRecorded(BTC, written(T10), 1);
        assertThat(health.report().status()).isEqualTo(HealthStatus.UP);

        phase.set(JobPhase.BACKING_OFF);
        assertThat(health.report().status()).isEqualTo(HealthStatus.DEGRADED);
        phase.set(JobPhase.SLEEPING);
        assertThat(health.report().status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void noRunningJobIsDownWith503AndTheJsonSaysSo() {
        phase.set(JobPhase.FAILED);
        HealthReport r = health.report();
        assertThat(r.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(r.status().httpStatus()).isEqualTo(503);
        assertThat(r.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(r.toJson()).isEqualTo("{\"status\":\"DOWN\",\"pid\":" + r.pid() + ",\"jobs\":[{\"job\":"
                + "\"binance-klines-BTCUSDT-1m\",\"state\":\"failed\",\"lag_seconds\":null,\"last_write\":null,"
                + "\"last_error\":null}]}");
        assertThat(HealthCheck.builder(metrics, List::of).build().report().status()).isEqualTo(HealthStatus.DOWN);
    }

    /** A partial slice of BTCUSDT 1m whose newest candle opens at {@code lastOpen}. */
    static SliceEntry written(long lastOpen) {
        SliceKey key = new SliceKey("BTCUSDT", Interval.M1, T10, 1000);
        return new SliceEntry(key, new SliceVerdict(SliceStatus.PARTIAL, SliceReason.STILL_FORMING),
                new RowSummary((int) ((lastOpen - T10) / 60_000) + 1, T10, lastOpen, 0, 0, 0, 0),
                new FileStamp(100, 0, "x"), Instant.EPOCH, null, 200, null, false);
    }

    static SliceEntry failed() {
        SliceKey key = new SliceKey("BTCUSDT", Interval.M1, T10, 1000);
        return new SliceEntry(key, SliceVerdict.failed(SliceReason.HTTP_ERROR), null, null, Instant.EPOCH, null,
                503, "HTTP 503", false);
    }
}
