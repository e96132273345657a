package io.qlir.cli;

import io.qlir.binance.Endpoint;
import io.qlir.core.Interval;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a series' slice directory under a data root, and when it is not there, says which series are, so that a
 * typo in {@code --symbol}, {@code --interval}, {@code --endpoint} or {@code --limit} gets a useful answer.
 */
final class StoreLocator {

    static final String VENUE = "binance";

    private StoreLocator() {
    }

    static SliceSeries series(Endpoint endpoint, String symbol, Interval interval, int limit) {
        return new SliceSeries(VENUE, endpoint.wireCode(), symbol, interval, limit);
    }

    /** The series' directory, which must exist. */
    static Path existing(Path dataRoot, SliceSeries series) throws BadInputException {
        try (StoreSource local = StoreSource.local(dataRoot)) {
            return existing(local, series);
        }
    }

    /** The series' directory in a store (the local root or a bucket), which must exist. */
    static Path existing(StoreSource store, SliceSeries series) throws BadInputException {
        Path dir = series.directory(store.root());
        try {
            if (store.isDirectory(dir)) {
                return dir;
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read " + store.describe(dir) + ": " + e.getMessage(), e);
        }
        List<String> present = seriesUnder(store).stream().map(StoreLocator::describe).toList();
        String root = store.describe(store.root());
        throw new BadInputException("no " + describe(series) + " under data root " + root + " ("
                + store.describe(dir) + " does not exist); "
                + (present.isEmpty() ? store.isLocal() ? "the data root holds no series yet: fetch one with"
                        + " 'qlir fetch'" : "no series was pushed there: push one with 'qlir push --to " + root + "'"
                        : "series present: " + String.join(", ", present)));
    }

    static String describe(SliceSeries s) {
        return s.symbol() + " " + s.interval().wireCode() + " " + s.endpoint() + " limit=" + s.limit();
    }

    /** Every series directory under the data root, described as {@code BTCUSDT 1m klines limit=1000}. */
    static List<String> list(Path dataRoot) {
        return seriesUnder(dataRoot).stream().map(StoreLocator::describe).toList();
    }

    /** Every series directory under the data root, in folder order (endpoint, symbol, interval, limit). */
    static List<SliceSeries> seriesUnder(Path dataRoot) {
        try (StoreSource local = StoreSource.local(dataRoot)) {
            return seriesUnder(local);
        }
    }

    /** Every series directory in a store, in folder order (endpoint, symbol, interval, limit). */
    static List<SliceSeries> seriesUnder(StoreSource store) {
        List<SliceSeries> out = new ArrayList<>();
        for (Path endpoint : children(store, store.root().resolve(VENUE))) {
            for (Path symbol : children(store, endpoint.resolve("raw"))) {
                for (Path interval : children(store, symbol)) {
                    for (Path limit : children(store, interval)) {
                        try {
                            out.add(SliceSeries.fromDirectory(limit));
                        } catch (IllegalArgumentException e) {
                            // not a slice directory: not listed
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<Path> children(StoreSource store, Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            for (Layout.Listed l : store.list(dir)) {
                if (!l.regularFile()) {
                    out.add(dir.resolve(l.name()));
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }
}
