package io.qlir.parquet;

import io.qlir.data.file.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The {@code month=<YYYY-MM>} folders of a series in the dataset. */
final class MonthFolders {

    private static final String PREFIX = "month=";

    private MonthFolders() {
    }

    /** The month folders of a series folder, sorted; empty when the folder does not exist. */
    static List<Path> list(Path seriesDir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(seriesDir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(seriesDir, PREFIX + "*")) {
            for (Path p : ds) {
                if (Files.isDirectory(p)) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The month of a folder, or null when its name is not {@code month=<YYYY-MM>}. */
    static YearMonth month(Path monthDir) {
        String name = monthDir.getFileName().toString();
        try {
            return name.startsWith(PREFIX) ? YearMonth.parse(name.substring(PREFIX.length())) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Deletes the temp files an interrupted atomic write left in a month folder (they were never the truth). */
    static void deleteTempFiles(Path monthDir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(monthDir)) {
            for (Path p : ds) {
                if (AtomicFiles.isTempFile(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
