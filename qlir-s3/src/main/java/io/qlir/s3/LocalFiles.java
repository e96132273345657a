package io.qlir.s3;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files of a data root a push mirrors: slice files, manifests and journals, and the Parquet dataset. Skipped:
 * every dot name ({@code .lock}, temp files {@code .x.tmp}, the {@code .qlir-push} record), {@code quarantine/}
 * (damaged files kept for inspection) and {@code logs/}.
 */
final class LocalFiles {

    /** A file to mirror. */
    record LocalFile(String relativePath, Path path, boolean index) {
    }

    private LocalFiles() {
    }

    static List<LocalFile> walk(Path dataRoot, PushFilter filter) throws IOException {
        List<LocalFile> out = new ArrayList<>();
        if (!Files.isDirectory(dataRoot)) {
            throw new IOException("no data root at " + dataRoot + "; valid: a folder holding <venue>/<endpoint>/raw/...");
        }
        Files.walkFileTree(dataRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(dataRoot)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                boolean skip = name.startsWith(".") || "quarantine".equals(name)
                        || "logs".equals(name) && dir.getParent().equals(dataRoot);
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && !name.startsWith(".")) {
                    String rel = dataRoot.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    if (filter.matches(rel)) {
                        out.add(new LocalFile(rel, file, isIndex(name)));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof java.nio.file.NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // replaced or removed by a writer while walking
                }
                throw exc;
            }
        });
        out.sort(Comparator.comparing(LocalFile::relativePath));
        return out;
    }

    /** Manifests, journals and dataset metadata ({@code _xxx}) name other files: they go last. */
    static boolean isIndex(String fileName) {
        return fileName.startsWith("manifest.") || fileName.startsWith("_");
    }
}
