package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.qlir.cli.logging.Logging;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 §4.12: a server that is reached but refuses the interval ({@code --interval 1M} against a Binance-like
 * server that does not serve monthly candles: {@code 400 {"code":-1120,"msg":"Invalid interval."}}) is bad input
 * that says what the server answered, not "cannot reach Binance". The server is a bare local HTTP server that
 * answers every kline request so, and 404 to everything else.
 */
class FetchIntervalRefusedTest {

    @TempDir
    Path temp;

    private HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        Logging.stopFiles();
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        asked.add(path + "?" + x.getRequestURI().getQuery());
        boolean klines = path.equals("/api/v3/klines");
        byte[] body = (klines ? "{\"code\":-1120,\"msg\":\"Invalid interval.\"}" : "{\"code\":-1,\"msg\":\"nothing\"}")
                .getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(klines ? 400 : 404, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void anIntervalTheServerRefusesIsBadInputNamingWhatItAnswered() {
        Path root = temp.resolve("data");
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        CliRunner.Result r = new CliRunner(temp).run("fetch", "--data-root", root.toString(), "--symbol", "BTCUSDT",
                "--interval", "1M", "--base-url", base, "--retry-max-attempts", "1");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(Exit.BAD_INPUT);
        assertThat(r.err()).contains("--interval:", "refused the first-candle probe", "-1120", "Invalid interval")
                .doesNotContain("cannot reach");
        assertThat(asked).as("the probe was asked once, for monthly candles")
                .filteredOn(q -> q.startsWith("/api/v3/klines")).hasSize(1)
                .allMatch(q -> q.contains("interval=1M"));
        assertThat(root).as("nothing is created for a refused series").doesNotExist();
    }
}
