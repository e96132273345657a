package io.qlir.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results into the Markdown of {@code docs/benchmarks.md}: the ratios to peers first (each measured
 * in the same run), then every score. Scores are the median of the measured iterations (robust to a stalled
 * iteration on a shared machine) beside the minimum and JMH's mean; {@code CPU time} is the CPU time per operation
 * from {@link CpuTimeProfiler} when it ran, in the score's unit.
 * <pre>
 * java -cp qlir-bench/target/qlir-benchmarks.jar io.qlir.bench.Report results.json [more.json ...]
 * </pre>
 */
public final class Report {

    /** One ratio line: how many times {@code slower} takes as long as {@code faster}. */
    record Ratio(String label, String peer, String qlir, String target) {
    }

    static final List<Ratio> RATIOS = List.of(
            new Ratio("SMA 6 windows, 10M rows: TA-Lib / qlir one call", "sma.SmaBenchmark.taLib",
                    "sma.SmaBenchmark.qlirOneCall", ">= 1.5"),
            new Ratio("SMA 6 windows, 10M rows: six single-window calls / one call", "sma.SmaBenchmark.qlirSixCalls",
                    "sma.SmaBenchmark.qlirOneCall", ">= 1.25 (one call <= 0.8x)"),
            new Ratio("SMA 6 windows, 10M rows: running-sum loop / qlir", "sma.SmaBenchmark.runningSum",
                    "sma.SmaBenchmark.qlirOneCall", ""),
            new Ratio("SMA 6 windows, 10M rows: memory floor / qlir", "sma.SmaBenchmark.memoryFloor",
                    "sma.SmaBenchmark.qlirOneCall", "(< 1: qlir slower than the floor)"),
            new Ratio("SMA 6 windows, 10M rows: one-pass memory floor / qlir", "sma.SmaBenchmark.memoryFloorOnePass",
                    "sma.SmaBenchmark.qlirOneCall", "(< 1: qlir slower than the floor)"),
            new Ratio("SMA 6 windows, 1M rows: TA-Lib / qlir", "sma.SmaPeersBenchmark.taLib",
                    "sma.SmaPeersBenchmark.qlirOneCall", ""),
            new Ratio("SMA 6 windows, 1M rows: Tablesaw rolling(w).mean() / qlir", "sma.SmaPeersBenchmark.tablesaw",
                    "sma.SmaPeersBenchmark.qlirOneCall", ""),
            new Ratio("SMA 6 windows, 1M rows: ta4j SMAIndicator / qlir", "sma.SmaPeersBenchmark.ta4j",
                    "sma.SmaPeersBenchmark.qlirOneCall", ""),
            twin("EMA 20", "Ema"), twin("ATR 14", "Atr"), twin("Bollinger 20/2 (BBANDS)", "Bollinger", "Bbands"),
            twin("RSI 14", "Rsi"), twin("MACD 12/26/9", "Macd"),
            ta4j("ATR 14", "Atr"), ta4j("Bollinger 20/2", "Bollinger"), ta4j("EMA 20", "Ema"), ta4j("RSI 14", "Rsi"),
            ta4j("MACD 12/26/9", "Macd"));

    private static Ratio twin(String what, String name) {
        return twin(what, name, name);
    }

    private static Ratio twin(String what, String qlir, String taLib) {
        return new Ratio(what + ", 10M rows: TA-Lib / qlir", "indicators.IndicatorBenchmark.taLib" + taLib,
                "indicators.IndicatorBenchmark.qlir" + qlir, ">= 1");
    }

    private static Ratio ta4j(String what, String name) {
        return new Ratio(what + ", 1M rows: ta4j / qlir", "indicators.IndicatorPeersBenchmark.ta4j" + name,
                "indicators.IndicatorPeersBenchmark.qlir" + name, "");
    }

    /** One benchmark's numbers. */
    record Score(String name, String params, String unit, double median, double min, double mean, double error,
            Map<String, Double> secondary) {
    }

    private Report() {
    }

    /**
     * Prints the report of one or more JMH JSON result files. A benchmark that appears in several files (the store's
     * warm and cold runs) is listed once per file, the later ones named with their file's name; ratios use the first.
     *
     * @param args the files
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Report results.json [more.json ...]");
            System.exit(2);
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String a : args) {
            String stem = Path.of(a).getFileName().toString().replaceFirst("\\.json$", "");
            for (JsonNode b : json.readTree(Files.readString(Path.of(a)))) {
                Score s = score(b);
                String key = s.name() + s.params();
                if (scores.containsKey(key)) {
                    s = new Score(s.name() + " [" + stem + "]", s.params(), s.unit(), s.median(), s.min(), s.mean(),
                            s.error(), s.secondary());
                    key = s.name() + s.params();
                }
                scores.put(key, s);
            }
        }
        print(scores, System.out);
    }

    static Score score(JsonNode b) {
        String name = b.get("benchmark").asText().replace("io.qlir.bench.", "");
        StringBuilder params = new StringBuilder();
        if (b.has("params")) {
            b.get("params").fields().forEachRemaining(e -> params.append(params.length() == 0 ? " (" : ", ")
                    .append(e.getKey()).append('=').append(e.getValue().asText()));
            if (params.length() > 0) {
                params.append(')');
            }
        }
        JsonNode pm = b.get("primaryMetric");
        List<Double> raw = new ArrayList<>();
        if (pm.has("rawData")) {
            for (JsonNode fork : pm.get("rawData")) {
                for (JsonNode v : fork) {
                    raw.add(v.asDouble());
                }
            }
        }
        double[] sorted = raw.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Double> secondary = new LinkedHashMap<>();
        JsonNode pct = pm.get("scorePercentiles");
        if (sorted.length == 0 && pct != null) {
            // sample-time mode: the score is a distribution; report its median, minimum and tail as counters
            sorted = new double[] {pct.get("0.0").asDouble(), pct.get("50.0").asDouble()};
            secondary.put("p50", pct.get("50.0").asDouble());
            secondary.put("p99", pct.get("99.0").asDouble());
            secondary.put("p99.9", pct.get("99.9").asDouble());
        }
        double median = pct != null && !pm.has("rawData") ? pct.get("50.0").asDouble() : median(sorted);
        double cpuScale = nanosPer(pm.get("scoreUnit").asText());
        if (b.has("secondaryMetrics")) {
            // CPU time is measured in ns per operation; shown in the score's own unit
            // auxiliary counters are gauges of one iteration, which JMH sums over iterations: show their mean
            b.get("secondaryMetrics").fields().forEachRemaining(e -> secondary.put(e.getKey(),
                    e.getKey().equals("cpu.ns/op") ? e.getValue().get("score").asDouble() / cpuScale
                            : meanOfRaw(e.getValue())));
        }
        return new Score(name, params.toString(), pm.get("scoreUnit").asText(), median,
                sorted.length == 0 ? Double.NaN : sorted[0], pm.get("score").asDouble(),
                pm.get("scoreError").asDouble(), secondary);
    }

    static double meanOfRaw(JsonNode metric) {
        double sum = 0;
        int n = 0;
        for (JsonNode fork : metric.get("rawData")) {
            for (JsonNode v : fork) {
                sum += v.asDouble();
                n++;
            }
        }
        return n == 0 ? metric.get("score").asDouble() : sum / n;
    }

    static double nanosPer(String unit) {
        return switch (unit) {
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            case "ns/op" -> 1;
            default -> Double.NaN;
        };
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static void print(Map<String, Score> scores, PrintStream out) {
        out.println("| ratio (peer time / qlir time; > 1 means qlir is faster) | wall, median | CPU time | target |");
        out.println("|---|---:|---:|---|");
        for (Ratio r : RATIOS) {
            Score peer = scores.get(r.peer());
            Score qlir = scores.get(r.qlir());
            if (peer == null || qlir == null) {
                continue;
            }
            Double pc = peer.secondary().get("cpu.ns/op");
            Double qc = qlir.secondary().get("cpu.ns/op");
            String cpu = pc == null || qc == null ? "" : fmt(pc / qc) + "x";
            out.printf(Locale.ROOT, "| %s | %sx | %s | %s |%n", r.label(), fmt(peer.median() / qlir.median()), cpu,
                    r.target());
        }
        out.println();
        out.println("| benchmark | median | min | mean ± error | CPU time | unit | counters |");
        out.println("|---|---:|---:|---:|---:|---|---|");
        for (Score s : scores.values()) {
            StringBuilder counters = new StringBuilder();
            s.secondary().forEach((k, v) -> {
                if (!k.equals("cpu.ns/op") && !k.matches("·?p\\d\\.\\d+")) {
                    counters.append(counters.length() == 0 ? "" : ", ").append(k).append('=').append(fmt(v));
                }
            });
            Double cpu = s.secondary().get("cpu.ns/op");
            out.printf(Locale.ROOT, "| %s%s | %s | %s | %s ± %s | %s | %s | %s |%n", s.name(), s.params(),
                    fmt(s.median()), fmt(s.min()), fmt(s.mean()), fmt(s.error()), cpu == null ? "" : fmt(cpu),
                    s.unit(), counters);
        }
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String f = a >= 1000 ? "%,.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }

}
