package io.qlir.data.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** The data root on the local file system: what every reader read before sources existed. */
final class LocalStoreSource implements StoreSource {

    private final Path root;

    LocalStoreSource(Path root) {
        this.root = root;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    @Override
    public String describe(Path path) {
        return path.toAbsolutePath().toString();
    }

    @Override
    public InputStream open(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    @Override
    public boolean isFile(Path file) {
        return Files.isRegularFile(file);
    }

    @Override
    public boolean isDirectory(Path dir) {
        return Files.isDirectory(dir);
    }

    @Override
    public List<Layout.Listed> list(Path dir) throws IOException {
        List<Layout.Listed> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                out.add(new Layout.Listed(p.getFileName().toString(), a.isDirectory() ? 0 : a.size(),
                        a.lastModifiedTime().toMillis(), a.isRegularFile()));
            }
        }
        return out;
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
