package io.qlir.spark;

import static org.apache.spark.sql.functions.col;

import io.qlir.core.Candles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads qlir's dataset with no shuffle: every series is its own folder ({@code symbol=S/interval=I}) of month files
 * (docs/data-layout.md), so each series is read alone, coalesced to one partition (narrow) and sorted by open time
 * within it (a sort inside one partition, no exchange); unioned as RDDs they keep one partition per series.
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
     * Each series read alone into one partition, sorted by open time within it; columns as Spark reads them, without
     * {@code month}. They stay separate datasets: a Dataset union of single-partition children would be zipped into
     * one partition (Spark's {@code unionOutputPartitioning}), so the caller unions them as RDDs.
     */
    static List<Dataset<Row>> read(SparkSession spark, Path endpoint, List<Path> series) {
        List<Dataset<Row>> out = new ArrayList<>();
        for (Path s : series) {
            out.add(spark.read().option("basePath", endpoint.toString()).parquet(s.toString()).drop("month")
                    .coalesce(1).sortWithinPartitions(col(Candles.OPEN_TIME)));
        }
        return out;
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
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
