package io.qlir.data.manifest;

import io.qlir.core.Interval;
import io.qlir.data.slice.SliceGrid;
import io.qlir.data.slice.SliceKey;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which slices one directory holds: (venue, endpoint, symbol, interval, limit), and where that directory is.
 *
 * <p>The venue module names its venue and endpoint ({@code "binance"}, {@code "klines"}); the store only uses them
 * as folder names and records them. The directory is
 * {@code <dataRoot>/<venue>/<endpoint>/raw/<SYMBOL>/<interval folder>/limit=<limit>}, where the interval folder of
 * {@code 1M} is {@code 1mo}.
 * <pre>{@code
 * SliceSeries s = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M1, 1000);
 * Path dir = s.directory(dataRoot);   // <root>/binance/klines/raw/BTCUSDT/1m/limit=1000
 * }</pre>
 *
 * @param venue the venue folder, for example {@code binance}
 * @param endpoint the endpoint folder, for example {@code klines} or {@code uiklines}
 * @param symbol the instrument, for example {@code BTCUSDT}
 * @param interval the candle interval
 * @param limit candles per slice
 */
public record SliceSeries(String venue, String endpoint, String symbol, Interval interval, int limit) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");

    /**
     * Checks the parts.
     *
     * @param venue the venue folder: lowercase letters, digits, {@code _} or {@code -}
     * @param endpoint the endpoint folder: lowercase letters, digits, {@code _} or {@code -}
     * @param symbol the instrument (as in a {@link SliceKey})
     * @param interval the candle interval
     * @param limit candles per slice (at least 1)
     * @throws IllegalArgumentException naming the bad part and what would be valid
     */
    public SliceSeries {
        checkName("venue", venue);
        checkName("endpoint", endpoint);
        new SliceKey(symbol, Objects.requireNonNull(interval, "interval"), 0, limit); // checks symbol and limit
    }

    private static void checkName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("bad " + what + " '" + value
                    + "'; valid: lowercase letters, digits, '_' or '-', for example " + ("venue".equals(what)
                    ? "binance" : "klines"));
        }
    }

    /**
     * Reads a series back from a slice directory's path (the last six folders).
     *
     * @param dir a directory {@code .../<venue>/<endpoint>/raw/<SYMBOL>/<interval folder>/limit=<limit>}
     * @return the series
     * @throws IllegalArgumentException naming the path and the expected layout
     */
    public static SliceSeries fromDirectory(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        int n = d.getNameCount();
        String expected = "; valid: <dataRoot>/<venue>/<endpoint>/raw/<SYMBOL>/<interval>/limit=<limit>";
        if (n < 6 || !"raw".equals(d.getName(n - 4).toString()) || !d.getName(n - 1).toString().startsWith("limit=")) {
            throw new IllegalArgumentException("not a slice directory: " + dir + expected);
        }
        try {
            return new SliceSeries(d.getName(n - 6).toString(), d.getName(n - 5).toString(), d.getName(n - 3).toString(),
                    Interval.fromFolderName(d.getName(n - 2).toString()),
                    Integer.parseInt(d.getName(n - 1).toString().substring("limit=".length())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a slice directory: " + dir + " (" + e.getMessage() + ")" + expected, e);
        }
    }

    /**
     * The directory of this series under a data root.
     *
     * @param dataRoot the data root
     * @return {@code <dataRoot>/<venue>/<endpoint>/raw/<SYMBOL>/<interval folder>/limit=<limit>}
     */
    public Path directory(Path dataRoot) {
        return dataRoot.resolve(venue).resolve(endpoint).resolve("raw").resolve(symbol).resolve(interval.folderName())
                .resolve("limit=" + limit);
    }

    /**
     * Whether a slice key belongs to this series (same symbol, interval and limit).
     *
     * @param key a slice key
     * @return true when it does
     */
    public boolean contains(SliceKey key) {
        return key.symbol().equals(symbol) && key.interval() == interval && key.limit() == limit;
    }

    /**
     * The slice of this series that starts at a time.
     *
     * @param startMs the slice start
     * @return the key
     */
    public SliceKey key(long startMs) {
        return new SliceKey(symbol, interval, startMs, limit);
    }

    /**
     * The grid of this series for an anchor.
     *
     * @param anchorMs the open time of the first candle
     * @return the grid
     */
    public SliceGrid grid(long anchorMs) {
        return new SliceGrid(symbol, interval, limit, anchorMs);
    }

    /**
     * A short description for logs and errors.
     *
     * @return for example {@code binance/klines BTCUSDT 1m limit=1000}
     */
    @Override
    public String toString() {
        return venue + "/" + endpoint + " " + symbol + " " + interval.wireCode() + " limit=" + limit;
    }
}
