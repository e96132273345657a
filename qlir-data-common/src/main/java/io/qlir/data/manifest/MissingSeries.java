package io.qlir.data.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds the one "no such series" error: names the path and says what is there instead. */
final class MissingSeries {

    private static final int MAX_LISTED = 25;

    private MissingSeries() {
    }

    /** Throws {@link NoSuchSeriesException} when the data root or the series' directory does not exist. */
    static void check(Path dataRoot, SliceSeries series) {
        if (!Files.isDirectory(dataRoot)) {
            throw new NoSuchSeriesException(series, "data root " + dataRoot.toAbsolutePath() + (Files.exists(dataRoot)
                    ? " is not a directory" : " does not exist") + "; valid: the data root a fetch wrote into");
        }
        Path dir = series.directory(dataRoot);
        if (Files.isDirectory(dir)) {
            return;
        }
        Path raw = dataRoot.resolve(series.venue()).resolve(series.endpoint()).resolve("raw");
        throw new NoSuchSeriesException(series, "no " + series + " data: " + dir.toAbsolutePath() + " does not exist; "
                + describe(dataRoot, raw, series));
    }

    private static String describe(Path dataRoot, Path raw, SliceSeries series) {
        List<String> found = new ArrayList<>();
        for (Path symbol : list(raw)) {
            List<String> series2 = new ArrayList<>();
            for (Path interval : list(symbol)) {
                for (Path limit : list(interval)) {
                    series2.add(interval.getFileName() + "/" + limit.getFileName());
                }
            }
            found.add(symbol.getFileName() + " " + series2);
        }
        if (found.isEmpty()) {
            List<String> endpoints = new ArrayList<>();
            for (Path e : list(dataRoot.resolve(series.venue()))) {
                endpoints.add(e.getFileName().toString());
            }
            return "there is no " + series.venue() + "/" + series.endpoint() + " data under " + dataRoot
                    .toAbsolutePath() + (endpoints.isEmpty() ? "" : " (" + series.venue() + " endpoints there: "
                    + endpoints + ")") + "; fetch it first";
        }
        int more = found.size() - MAX_LISTED;
        return "found under " + raw.toAbsolutePath() + ": " + String.join("; ",
                found.subList(0, Math.min(MAX_LISTED, found.size()))) + (more > 0 ? "; and " + more + " more" : "");
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
