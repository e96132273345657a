package io.qlir.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.binance.Endpoint;
import io.qlir.binance.FetchJob;
import io.qlir.binance.JobFailureKind;
import io.qlir.binance.RequestOutcome;
import io.qlir.core.Interval;
import io.qlir.data.budget.WeightBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/metrics.md and the Grafana dashboard name exactly the series the registry exposes. */
class MetricsDocsTest {

    static final Path DOCS = Path.of("..", "docs");
    static final Pattern QLIR_SERIES = Pattern.compile("\\bqlir_[a-z_]+");

    @Test
    void everyQlirSeriesIsDocumentedAndEveryDashboardQueryNamesOne() throws Exception {
        FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1);
        QlirMetrics metrics = QlirMetrics.create(Clock.systemUTC()).jobs(List.of(job));
        metrics.bindBudget(WeightBudget.builder().build());
        metrics.requested("klines", RequestOutcome.RATE_LIMITED, 429, 2);
        metrics.jobFailed(job, JobFailureKind.SLICE, "x");
        metrics.aggMonthWritten(job);
        metrics.pushed(job, 3, true);
        metrics.sliceRecorded(job, HealthCheckTest.written(HealthCheckTest.T10), 1);
        Set<String> exposed = new TreeSet<>(Scrape.parse(metrics.scrape()).families.keySet());
        exposed.removeIf(n -> !n.startsWith("qlir_"));
        assertThat(exposed).containsExactlyInAnyOrder("qlir_requests_total", "qlir_request_weight_used",
                "qlir_request_weight_limit", "qlir_rate_limited_total", "qlir_retries_total",
                "qlir_slices_written_total", "qlir_candles_written_total", "qlir_job_lag_seconds",
                "qlir_job_failures_total", "qlir_agg_months_written_total", "qlir_push_objects_total",
                "qlir_push_failures_total");

        String doc = Files.readString(DOCS.resolve("metrics.md"));
        for (String series : exposed) {
            assertThat(doc).as("docs/metrics.md").contains("| `" + series + "` |");
        }
        assertThat(names(doc)).as("series docs/metrics.md names").isSubsetOf(exposed);

        JsonNode dashboard = new ObjectMapper().readTree(DOCS.resolve("grafana-qlir-serve.json").toFile());
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                queried.addAll(names(target.get("expr").asText()));
            }
        }
        assertThat(queried).as("series the dashboard queries").isSubsetOf(exposed)
                .contains("qlir_job_lag_seconds", "qlir_requests_total", "qlir_request_weight_used",
                        "qlir_request_weight_limit", "qlir_rate_limited_total", "qlir_slices_written_total",
                        "qlir_candles_written_total", "qlir_job_failures_total");
    }

    private static Set<String> names(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = QLIR_SERIES.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
