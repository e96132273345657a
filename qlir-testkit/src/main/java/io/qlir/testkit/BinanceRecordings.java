package io.qlir.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.core.Candles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The real Binance recordings every module's tests use, owned here once: raw {@code /api/v3/klines} rows exactly as
 * Binance sent them (prices and volumes are strings), recorded by third parties.
 * <ul>
 *   <li>{@value #SPOT_30M}: 500 contiguous 30m candles at BTCUSDT prices, 2019-04-11 14:00 to 2019-04-21 23:30 UTC,
 *       one default-limit page;</li>
 *   <li>{@value #SPOT_15M_A}, {@value #SPOT_15M_B}, {@value #SPOT_15M_C}: three overlapping 300-row 15m fetches
 *       (from 2018-02-18 14:15, 2018-02-19 14:00 and 2018-02-20 12:00 UTC); in each overlap only the earlier
 *       fetch's last row differs, a candle that was still forming when it was recorded (a's is open time
 *       1519232400000).</li>
 * </ul>
 * <pre>{@code
 * Table candles = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);
 * try (FakeBinance fake = FakeBinance.builder().replay("BTCUSDT", Interval.M15,
 *         BinanceRecordings.text(BinanceRecordings.SPOT_15M_A)).start()) { ... }
 * }</pre>
 */
public final class BinanceRecordings {

    /** 500 contiguous 30m candles from 2019-04-11 14:00 UTC. */
    public static final String SPOT_30M = "spot-30m-2019-04-11";
    /** The first of three overlapping 15m fetches; its last row was still forming. */
    public static final String SPOT_15M_A = "spot-15m-recording-a";
    /** The second 15m fetch, overlapping a by 205 rows. */
    public static final String SPOT_15M_B = "spot-15m-recording-b";
    /** The third 15m fetch, overlapping b. */
    public static final String SPOT_15M_C = "spot-15m-recording-c";
    /** Every recording: the three 15m fetches, then the 30m page. */
    public static final List<String> NAMES = List.of(SPOT_15M_A, SPOT_15M_B, SPOT_15M_C, SPOT_30M);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV_HEADER = String.join(",", Candles.COLUMNS);

    private BinanceRecordings() {
    }

    /**
     * A recording's file, byte for byte.
     *
     * @param name one of {@link #NAMES}
     * @return the JSON array's bytes
     * @throws IllegalArgumentException for another name
     */
    public static byte[] bytes(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no recording '" + name + "'; recordings: " + NAMES);
        }
        String path = "binance-real/" + name + ".json";
        try (InputStream in = BinanceRecordings.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("recording " + path + " is missing from qlir-testkit's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of {@link #pythonQlirSliceFile(Path)}'s slice: BTCUSDT 30m from 1554991200000, limit 500. */
    public static final String PYTHON_QLIR_SLICE_ID = "fed092777a733060bcb45c53241b43ad";

    /**
     * Copies the one slice file that the Python qlir wrote ({@code json.dump(indent=2)}, its own meta keys, ISO
     * times with {@code +00:00}) into a folder, under its own name, for tests that qlir for Java reads it as is.
     *
     * @param folder where to put it (a series' {@code responses/} folder, or any)
     * @return the file written
     * @throws IOException when it cannot be written
     */
    public static Path pythonQlirSliceFile(Path folder) throws IOException {
        String name = PYTHON_QLIR_SLICE_ID + ".json";
        try (InputStream in = BinanceRecordings.class.getResourceAsStream("python-qlir/" + name)) {
            if (in == null) {
                throw new IllegalStateException("python-qlir/" + name + " is missing from qlir-testkit's resources");
            }
            Path file = Files.createDirectories(folder).resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    /**
     * A recording's file as text.
     *
     * @param name one of {@link #NAMES}
     * @return the JSON array, as Binance sent it
     */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /**
     * A recording's raw rows as a JSON tree.
     *
     * @param name one of {@link #NAMES}
     * @return a fresh array of rows (the caller may change it)
     */
    public static ArrayNode rows(String name) {
        try {
            return (ArrayNode) JSON.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A recording as a candle table ({@link Candles#fromRawRows}).
     *
     * @param name one of {@link #NAMES}
     * @return the candles, oldest first
     */
    public static Table candles(String name) {
        try {
            return Candles.fromRawRows(JSON.readValue(bytes(name), new TypeReference<List<List<Object>>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a recording as a candle CSV (header {@link Candles#COLUMNS}, times in epoch millis, every value the
     * string Binance sent, the trailing "ignore" field dropped), for tests of CSV input.
     *
     * @param name one of {@link #NAMES}
     * @param file the file to write
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public static Path csv(String name, Path file) throws IOException {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (var row : rows(name)) {
            for (int i = 0; i < Candles.COLUMNS.size(); i++) {
                b.append(i == 0 ? "" : ",").append(row.get(i).asText());
            }
            b.append('\n');
        }
        return Files.writeString(file, b.toString());
    }
}
