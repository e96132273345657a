package io.qlir.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the series of qlir's dataset: every series is its own folder ({@code symbol=S/interval=I}) of month files
 * (docs/data-layout.md), each sorted by open time, so a series read month by month needs neither a shuffle nor a sort.
 */
final class SeriesFolders {

    private SeriesFolders() {
    }

    /**
     * The series folders of one endpoint folder, in name order, each holding at least one Parquet file.
     *
     * @throws IllegalArgumentException when there is none
     */
    static List<Path> list(Path endpoint) {
        List<Path> found = new ArrayList<>();
        for (Path symbol : children(endpoint, "symbol=")) {
            for (Path interval : children(symbol, "interval=")) {
                if (holdsParquet(interval)) {
                    found.add(interval);
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(endpoint + " holds no series folder symbol=S/interval=I with Parquet "
                    + "files; give an endpoint folder of the dataset qlir agg writes (for example parquet/binance/"
                    + "klines)");
        }
        return found;
    }

    /**
     * A series folder's Parquet files, grouped by month in month order ({@code month=YYYY-MM} sorts as time does),
     * each month's files in name order; files outside any month folder form one group of their own, first.
     */
    static List<List<String>> months(Path series) {
        List<List<String>> out = new ArrayList<>();
        List<String> loose = parquetFiles(series);
        if (!loose.isEmpty()) {
            out.add(loose);
        }
        for (Path month : children(series, "month=")) {
            List<String> files = parquetFiles(month);
            if (!files.isEmpty()) {
                out.add(files);
            }
        }
        return out;
    }

    private static List<String> parquetFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> isData(p.getFileName().toString())).sorted()
                    .map(p -> p.toAbsolutePath().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean isData(String name) {
        return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
    }

    private static List<Path> children(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder; give an endpoint folder of the dataset qlir "
                    + "agg writes (for example parquet/binance/klines)");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith(prefix)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean holdsParquet(Path dir) {
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
