package io.qlir.data.manifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the one "no such series" error: names the path and says what is there instead. */
final class MissingSeries {

    private static final int MAX_LISTED = 25;

    private MissingSeries() {
    }

    /** Throws {@link NoSuchSeriesException} when the source's root or the series' directory does not exist. */
    static void check(StoreSource source, SliceSeries series) throws IOException {
        Path dataRoot = source.root();
        if (source.isLocal() && !source.isDirectory(dataRoot)) {
            throw new NoSuchSeriesException(series, "data root " + source.describe(dataRoot)
                    + (source.isFile(dataRoot) ? " is not a directory" : " does not exist")
                    + "; valid: the data root a fetch wrote into");
        }
        Path dir = series.directory(dataRoot);
        if (source.isDirectory(dir)) {
            return;
        }
        Path raw = dataRoot.resolve(series.venue()).resolve(series.endpoint()).resolve("raw");
        throw new NoSuchSeriesException(series, "no " + series + " data: " + source.describe(dir)
                + " does not exist; " + describe(source, raw, series));
    }

    private static String describe(StoreSource source, Path raw, SliceSeries series) throws IOException {
        List<String> found = new ArrayList<>();
        for (String symbol : folders(source, raw)) {
            List<String> series2 = new ArrayList<>();
            for (String interval : folders(source, raw.resolve(symbol))) {
                for (String limit : folders(source, raw.resolve(symbol).resolve(interval))) {
                    series2.add(interval + "/" + limit);
                }
            }
            found.add(symbol + " " + series2);
        }
        if (found.isEmpty()) {
            List<String> endpoints = folders(source, source.root().resolve(series.venue()));
            return "there is no " + series.venue() + "/" + series.endpoint() + " data under "
                    + source.describe(source.root()) + (endpoints.isEmpty() ? "" : " (" + series.venue()
                    + " endpoints there: " + endpoints + ")") + (source.isLocal() ? "; fetch it first"
                    : "; push a data root holding it there first (qlir push --to " + source.describe(source.root())
                    + ")");
        }
        int more = found.size() - MAX_LISTED;
        return "found under " + source.describe(raw) + ": " + String.join("; ",
                found.subList(0, Math.min(MAX_LISTED, found.size()))) + (more > 0 ? "; and " + more + " more" : "");
    }

    /** The names of a folder's subfolders, sorted; none when it cannot be listed. */
    static List<String> folders(StoreSource source, Path dir) {
        try {
            return source.list(dir).stream().filter(l -> !l.regularFile()).map(Layout.Listed::name).sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
