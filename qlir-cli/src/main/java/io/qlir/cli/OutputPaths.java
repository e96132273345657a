package io.qlir.cli;

import io.qlir.data.manifest.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks, before any work, that a command's output can be written, so that a bad {@code --out} is one clear
 * message with exit 2 and nothing written, not a failure after minutes of loading.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /** An output folder: it or its nearest existing ancestor must be a writable folder. Creates nothing. */
    static void requireWritableFolder(Path dir, String flag) throws BadInputException {
        String problem = Session.writableProblem(dir);
        if (problem != null) {
            throw new BadInputException(flag + " " + dir + " cannot be written: " + problem
                    + "; choose a folder you can write");
        }
    }

    /** An output file: not a folder, and its folder writable (created if missing). Creates nothing. */
    static void requireWritableFile(Path file, String flag) throws BadInputException {
        if (Files.isDirectory(file)) {
            throw new BadInputException(flag + " " + file + " is a folder; give a file name, for example "
                    + file.resolve("out.csv"));
        }
        Path parent = file.toAbsolutePath().getParent();
        String problem = parent == null ? "it has no folder" : Session.writableProblem(parent);
        if (problem != null) {
            throw new BadInputException(flag + " " + file + " cannot be written: " + problem
                    + "; choose a file in a folder you can write");
        }
    }

    /**
     * Refuses a file that belongs to a slice store (its manifest, journal or lock, or anything in its
     * {@code responses/} or {@code quarantine/}): an export written there would destroy the index or the data.
     */
    static void requireOutsideStore(Path file, String flag) throws BadInputException {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        boolean storeFile = parent != null && Files.isDirectory(parent.resolve(Layout.RESPONSES))
                && (name.equals(Layout.MANIFEST) || name.equals(Layout.JOURNAL) || name.equals(Layout.LOCK));
        boolean inStoreFolder = parent != null && parent.getFileName() != null
                && (parent.getFileName().toString().equals(Layout.RESPONSES)
                || parent.getFileName().toString().equals(Layout.QUARANTINE))
                && Files.isDirectory(parent.resolveSibling(Layout.RESPONSES));
        if (storeFile || inStoreFolder) {
            throw new BadInputException(flag + " " + file + " is a file of a slice store (" + parent + "); writing "
                    + "there would destroy it: choose a file outside the store, for example candles.csv");
        }
    }

    /** A file that must end in {@code suffix} (case-insensitive), such as a PNG. */
    static void requireSuffix(Path file, String suffix, String flag) throws BadInputException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix)) {
            throw new BadInputException(flag + " " + file + " must end in " + suffix + ", for example chart"
                    + suffix);
        }
    }
}
