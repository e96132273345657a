package io.qlir.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.qlir.core.Interval;
import io.qlir.emulator.BinanceError;
import io.qlir.emulator.BinanceRules;
import io.qlir.emulator.KlinesCheck;
import io.qlir.emulator.KlinesRequest;
import io.qlir.emulator.RecordedKlines;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for Binance's public REST API that replays recorded klines, on loopback only: what
 * {@code qlir demo} fetches from, so the whole real pipeline runs with no network.
 *
 * <p>It answers {@code /api/v3/klines} and {@code /api/v3/uiKlines} the way Binance does, by the same rules as the
 * testkit's fake ({@link BinanceRules}: symbol, interval, startTime, endTime, limit up to 1000; newest rows when no
 * startTime; rows from the recording, byte for byte),
 * plus {@code /api/v3/time}, {@code /api/v3/ping} and {@code /api/v3/exchangeInfo} (the recorded symbols, TRADING).
 * "Now" is a {@link Clock}: no candle that opens after it is served, so with a clock inside the last recorded
 * candle that candle is served as still forming, as Binance serves the current candle. Bad requests get Binance's
 * error JSON ({@code {"code":-1121,"msg":"Invalid symbol."}}); each kline request costs weight 2, reported in
 * {@code X-MBX-USED-WEIGHT-1M}. A valid interval that was not recorded answers an empty array.
 * <pre>{@code
 * try (ReplayServer server = ReplayServer.start(List.of(ReplayServer.demoRecording()), clock)) {
 *     URI base = server.baseUrl();     // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class ReplayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayServer.class);
    private static final String DEMO_RESOURCE = "BTCUSDT-30m-2019-04-11.json";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, RecordedKlines> bySeries = new HashMap<>();
    private final Map<String, RecordedKlines> bySymbol = new HashMap<>();
    private final Clock clock;
    private final AtomicInteger klineRequests = new AtomicInteger();
    private long weightMinute = -1;
    private int weightUsed;

    private ReplayServer(List<RecordedKlines> recordings, Clock clock) throws IOException {
        this.clock = Objects.requireNonNull(clock, "clock");
        for (RecordedKlines r : recordings) {
            bySeries.put(r.symbol() + ":" + r.interval().wireCode(), r);
            bySymbol.putIfAbsent(r.symbol(), r);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4, task -> {
            Thread t = new Thread(task, "qlir-replay");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * The recording bundled for {@code qlir demo}: 500 real Binance spot 30m candles at BTCUSDT prices, from
     * 2019-04-11 14:00 to 2019-04-21 23:30 UTC, contiguous.
     *
     * @return the recording
     */
    public static RecordedKlines demoRecording() {
        try (InputStream in = ReplayServer.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo recording " + DEMO_RESOURCE + " is missing from the class path");
            }
            return RecordedKlines.parse("BTCUSDT", Interval.M30, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param recordings the series to serve (one per symbol and interval)
     * @param clock "now" for the server: candles opening later are not served
     * @return the running server; close it to stop it
     * @throws IOException when no loopback port can be bound
     */
    public static ReplayServer start(List<RecordedKlines> recordings, Clock clock) throws IOException {
        ReplayServer s = new ReplayServer(recordings, clock);
        s.server.start();
        LOG.debug("replay server on {} serving {}", s.baseUrl(), s.bySeries.keySet());
        return s;
    }

    /**
     * The base URL to give a Binance client.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI baseUrl() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    /**
     * How many kline requests (klines and uiKlines) were answered, errors included.
     *
     * @return the count
     */
    public int klineRequests() {
        return klineRequests.get();
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            switch (path) {
                case BinanceRules.KLINES, BinanceRules.UI_KLINES -> klines(exchange, query);
                case BinanceRules.TIME -> send(exchange, 200, "{\"serverTime\":" + clock.millis() + "}", path);
                case BinanceRules.PING -> send(exchange, 200, "{}", path);
                case BinanceRules.EXCHANGE_INFO -> send(exchange, 200, exchangeInfo(), path);
                default -> send(exchange, 404, BinanceError.notFound(path).json(), path);
            }
        }
    }

    private void klines(HttpExchange exchange, Map<String, String> q) throws IOException {
        klineRequests.incrementAndGet();
        KlinesCheck check = BinanceRules.checkKlines(q, bySymbol::containsKey);
        if (check instanceof KlinesCheck.Rejected r) {
            send(exchange, r.error().httpStatus(), r.error().json(), BinanceRules.KLINES);
            return;
        }
        KlinesRequest request = ((KlinesCheck.Accepted) check).request();
        RecordedKlines r = bySeries.get(request.symbol() + ":" + request.interval().wireCode());
        send(exchange, 200, r == null ? "[]" : r.rows(request, clock.millis()), BinanceRules.KLINES);
    }

    private String exchangeInfo() {
        String symbols = bySymbol.keySet().stream().sorted()
                .map(s -> "{\"symbol\":\"" + s + "\",\"status\":\"TRADING\"}")
                .collect(Collectors.joining(","));
        return "{\"timezone\":\"UTC\",\"serverTime\":" + clock.millis() + ",\"rateLimits\":[{\"rateLimitType\":"
                + "\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000}],\"symbols\":["
                + symbols + "]}";
    }

    /** Sends a JSON answer, charging the weight of the path. */
    private void send(HttpExchange exchange, int status, String body, String path) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.getResponseHeaders().set("X-MBX-USED-WEIGHT-1M", Integer.toString(spend(BinanceRules.weight(path))));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Weight used in the current minute of the wall clock (the budget is real time, not replay time). */
    private synchronized int spend(int weight) {
        long minute = System.currentTimeMillis() / 60_000;
        if (minute != weightMinute) {
            weightMinute = minute;
            weightUsed = 0;
        }
        weightUsed += weight;
        return weightUsed;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }
}
