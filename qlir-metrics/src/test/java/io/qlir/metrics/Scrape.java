package io.qlir.metrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;

/**
 * GETs from a {@link MetricsEndpoint}, and /metrics parsed by an independent Prometheus text parser. Public (in the
 * test jar) so the CLI's tests of {@code agg --follow --metrics-address} read /metrics the same way.
 */
public final class Scrape {

    /** Every sample by family name, then by its labels. */
    public final Map<String, Map<Map<String, String>, Double>> families = new HashMap<>();
    public final Map<String, String> types = new HashMap<>();

    private Scrape() {
    }

    public static HttpResponse<String> get(InetSocketAddress at, String path) {
        try {
            HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
            return http.send(HttpRequest.newBuilder(URI.create("http://" + MetricsEndpoint.describe(at) + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Scrape parse(String text) throws IOException {
        Scrape s = new Scrape();
        TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        MetricFamily f;
        while ((f = parser.parse()) != null) {
            s.types.put(f.getName(), f.getType().name());
            Map<Map<String, String>, Double> samples = s.families.computeIfAbsent(f.getName(), k -> new HashMap<>());
            for (Metric m : f.getMetrics()) {
                double v = m instanceof Counter c ? c.getValue() : m instanceof Gauge g ? g.getValue() : Double.NaN;
                samples.put(m.getLabels(), v);
            }
        }
        return s;
    }

    /** One sample's value; fails naming what is there when it is missing. */
    public double value(String family, String... labels) {
        Map<String, String> want = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            want.put(labels[i], labels[i + 1]);
        }
        Map<Map<String, String>, Double> samples = families.get(family);
        if (samples == null || !samples.containsKey(want)) {
            throw new AssertionError("no sample " + family + want + "; the family holds "
                    + (samples == null ? "nothing (families: " + families.keySet() + ")" : samples));
        }
        return samples.get(want);
    }

    /** The sum over a family's samples whose labels include the given ones. */
    public double sum(String family, String... labels) {
        Map<String, String> want = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            want.put(labels[i], labels[i + 1]);
        }
        return families.getOrDefault(family, Map.of()).entrySet().stream()
                .filter(e -> e.getKey().entrySet().containsAll(want.entrySet()))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
