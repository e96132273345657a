package io.qlir.cli;

import io.qlir.binance.Endpoint;
import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceSeries;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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
        Path dir = series.directory(dataRoot);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        List<String> present = list(dataRoot);
        throw new BadInputException("no " + describe(series) + " under data root " + dataRoot + " (" + dir
                + " does not exist); "
                + (present.isEmpty() ? "the data root holds no series yet: fetch one with 'qlir fetch'"
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
        List<SliceSeries> out = new ArrayList<>();
        for (Path endpoint : children(dataRoot.resolve(VENUE))) {
            for (Path symbol : children(endpoint.resolve("raw"))) {
                for (Path interval : children(symbol)) {
                    for (Path limit : children(interval)) {
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

    private static List<Path> children(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isDirectory)) {
            s.forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }
}
