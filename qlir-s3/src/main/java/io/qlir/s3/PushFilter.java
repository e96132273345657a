package io.qlir.s3;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which files of a data root a push takes: all of them, or those of one endpoint, symbol and/or interval.
 *
 * <p>Slice directories are matched by position
 * ({@code <venue>/<endpoint>/raw/<SYMBOL>/<interval folder>/limit=N/...}); files under {@code parquet/} match when
 * their folders name the endpoint, the symbol and the interval folder, bare or as {@code key=value}
 * ({@code symbol=BTCUSDT}, {@code interval=1m}).
 * <pre>{@code
 * PushFilter one = PushFilter.all().withSymbol("BTCUSDT").withInterval("1m");
 * one.matches("binance/klines/raw/BTCUSDT/1m/limit=1000/manifest.json");   // true
 * }</pre>
 *
 * @param endpoint the endpoint folder, for example {@code klines}, or empty for all
 * @param symbol the symbol, for example {@code BTCUSDT}, or empty for all
 * @param intervalFolder the interval folder, for example {@code 1m} or {@code 1mo}, or empty for all
 */
public record PushFilter(Optional<String> endpoint, Optional<String> symbol, Optional<String> intervalFolder) {

    /**
     * Checks for nulls.
     *
     * @param endpoint the endpoint folder or empty
     * @param symbol the symbol or empty
     * @param intervalFolder the interval folder or empty
     */
    public PushFilter {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(intervalFolder, "intervalFolder");
    }

    /**
     * The filter that takes every file.
     *
     * @return the filter
     */
    public static PushFilter all() {
        return new PushFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * This filter limited to one endpoint.
     *
     * @param endpointFolder for example {@code klines}
     * @return a new filter
     */
    public PushFilter withEndpoint(String endpointFolder) {
        return new PushFilter(Optional.of(endpointFolder), symbol, intervalFolder);
    }

    /**
     * This filter limited to one symbol.
     *
     * @param sym for example {@code BTCUSDT}
     * @return a new filter
     */
    public PushFilter withSymbol(String sym) {
        return new PushFilter(endpoint, Optional.of(sym), intervalFolder);
    }

    /**
     * This filter limited to one interval.
     *
     * @param folder the interval's folder name, for example {@code 1m} or {@code 1mo}
     * @return a new filter
     */
    public PushFilter withInterval(String folder) {
        return new PushFilter(endpoint, symbol, Optional.of(folder));
    }

    /**
     * Whether a file belongs to the push.
     *
     * @param relativePath the path under the data root with {@code /} separators
     * @return true when every given part matches
     */
    public boolean matches(String relativePath) {
        List<String> parts = Arrays.asList(relativePath.split("/"));
        if (!parts.isEmpty() && "parquet".equals(parts.get(0))) {
            return named(parts, endpoint, "endpoint") && named(parts, symbol, "symbol")
                    && named(parts, intervalFolder, "interval");
        }
        if (parts.size() < 7 || !"raw".equals(parts.get(2))) {
            return endpoint.isEmpty() && symbol.isEmpty() && intervalFolder.isEmpty();
        }
        return endpoint.map(parts.get(1)::equals).orElse(true) && symbol.map(parts.get(3)::equals).orElse(true)
                && intervalFolder.map(parts.get(4)::equals).orElse(true);
    }

    private static boolean named(List<String> folders, Optional<String> wanted, String key) {
        return wanted.isEmpty() || folders.contains(wanted.get()) || folders.contains(key + "=" + wanted.get());
    }
}
