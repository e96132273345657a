package io.qlir.cli;

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

    /** A file that must end in {@code suffix} (case-insensitive), such as a PNG. */
    static void requireSuffix(Path file, String suffix, String flag) throws BadInputException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix)) {
            throw new BadInputException(flag + " " + file + " must end in " + suffix + ", for example chart"
                    + suffix);
        }
    }
}
