package io.qlir.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What {@code GET /health} answers: the overall status, the process id, and each job.
 * <pre>{@code
 * HealthReport r = health.report();
 * r.status();          // DEGRADED
 * r.toJson();          // {"status":"DEGRADED","pid":4242,"jobs":[{"job":"binance-klines-BTCUSDT-1m",...}]}
 * }</pre>
 *
 * @param status the overall status
 * @param pid the process id
 * @param jobs every job, in the server's order
 */
public record HealthReport(HealthStatus status, long pid, List<JobHealth> jobs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Freezes the job list.
     *
     * @param status the overall status
     * @param pid the process id
     * @param jobs every job
     */
    public HealthReport {
        Objects.requireNonNull(status, "status");
        jobs = List.copyOf(jobs);
    }

    /**
     * The JSON body of {@code /health}; a lag not yet known is {@code null}, times are ISO-8601 UTC.
     *
     * @return one line of JSON
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", status.name());
        root.put("pid", pid);
        ArrayNode list = root.putArray("jobs");
        for (JobHealth j : jobs) {
            ObjectNode n = list.addObject();
            n.put("job", j.job());
            n.put("state", j.state());
            if (Double.isNaN(j.lagSeconds())) {
                n.putNull("lag_seconds");
            } else {
                n.put("lag_seconds", j.lagSeconds());
            }
            n.put("last_write", j.lastWrite() == null ? null : j.lastWrite().toString());
            n.put("last_error", j.lastError());
        }
        return root.toString();
    }
}
