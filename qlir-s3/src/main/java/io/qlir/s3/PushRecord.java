package io.qlir.s3;

import io.qlir.data.file.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The local record of what was pushed to one location: per key, the SHA-256, size and ETag of the object put.
 *
 * <p>One line per object ({@code sha256 TAB size TAB etag TAB key}), appended and forced to disk after each upload,
 * so a push killed at any point keeps what it finished; a torn last line is ignored on load. {@link #compact()}
 * rewrites it atomically with one line per key. It lives at {@code <dataRoot>/.qlir-push/<bucket>/<prefix>.tsv},
 * a dot folder that push itself never mirrors.
 */
final class PushRecord implements AutoCloseable {

    /** The folder under the data root; a dot name, so the walk of the data root skips it. */
    static final String FOLDER = ".qlir-push";

    /** What the record says about one key. */
    record Pushed(String sha256, long size, String etag) {
    }

    private final Path file;
    private final Map<String, Pushed> byKey;
    private FileChannel out;

    private PushRecord(Path file, Map<String, Pushed> byKey) {
        this.file = file;
        this.byKey = byKey;
    }

    static Path fileOf(Path dataRoot, S3Location to) {
        String name = to.prefix().isEmpty() ? "_root" : to.prefix().replace('/', '~');
        return dataRoot.resolve(FOLDER).resolve(to.bucket()).resolve(name + ".tsv");
    }

    static PushRecord open(Path dataRoot, S3Location to) throws IOException {
        Path f = fileOf(dataRoot, to);
        Map<String, Pushed> map = new HashMap<>();
        if (Files.exists(f)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] p = line.split("\t", -1);
                if (p.length != 4 || p[0].length() != 64) {
                    continue; // a line torn by a kill: the object is pushed again
                }
                try {
                    map.put(p[3], new Pushed(p[0], Long.parseLong(p[1]), p[2]));
                } catch (NumberFormatException torn) {
                    // same as above
                }
            }
        }
        return new PushRecord(f, map);
    }

    Optional<Pushed> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    void forget(String key) {
        byKey.remove(key);
    }

    void add(String key, Pushed p) throws IOException {
        byKey.put(key, p);
        if (out == null) {
            Files.createDirectories(file.getParent());
            out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        String line = p.sha256() + "\t" + p.size() + "\t" + p.etag() + "\t" + key + "\n";
        AtomicFiles.writeFully(out, ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        out.force(false);
    }

    void compact() throws IOException {
        closeOut();
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(byKey).forEach((k, p) -> sb.append(p.sha256()).append('\t').append(p.size()).append('\t')
                .append(p.etag()).append('\t').append(k).append('\n'));
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void closeOut() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeOut();
    }
}
