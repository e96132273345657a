package io.qlir.data.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Where a store is read from: the local data root, or a copy of one elsewhere (an {@code s3://BUCKET/PREFIX}
 * mirror made by {@code qlir push}). Every reader of the store ({@link SliceReader}, the manifest loader, the
 * validator, the candle loader) reads through one; writers never do (they need fsync, rename and locks, which only
 * the local file system gives).
 *
 * <p>Files are addressed by {@link Path}s resolved from {@link #root()}, exactly as on disk, so the same layout code
 * serves both: a local source's root is the data root; a remote source's root is the empty relative path and it
 * maps {@code binance/klines/raw/...} to an object key. Whole files are read into memory (slice files are small);
 * nothing is cached on disk. Sources for other schemes are found with {@link ServiceLoader}
 * ({@code META-INF/services/io.qlir.data.manifest.StoreSourceProvider}; qlir-s3 provides {@code s3://}).
 * <pre>{@code
 * try (StoreSource store = StoreSource.open("s3://research/qlir")) {
 *     SliceReader reader = SliceReader.open(store, series);
 * }
 * }</pre>
 */
public interface StoreSource extends AutoCloseable {

    /**
     * The local data root as a source.
     *
     * @param dataRoot the data root
     * @return a source reading files under it
     */
    static StoreSource local(Path dataRoot) {
        return new LocalStoreSource(Objects.requireNonNull(dataRoot, "dataRoot"));
    }

    /**
     * Whether a data root text names a remote store ({@code scheme://...}, for example {@code s3://b/p}); local
     * paths never do.
     *
     * @param root the data root as given
     * @return true for a URL-like root
     */
    static boolean isRemote(String root) {
        return root != null && root.trim().matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    }

    /**
     * Opens a data root given as text: a local path, or a remote root served by a {@link StoreSourceProvider} on
     * the class path, with its settings from the process environment (for {@code s3://}: {@code QLIR_S3_ENDPOINT},
     * {@code AWS_REGION}, the standard AWS credential chain).
     *
     * @param root a path or a URL such as {@code s3://research/qlir}
     * @return the source; close it when done
     * @throws IllegalArgumentException when no provider on the class path reads the root's scheme (naming the
     *     scheme and what is available), or the URL is not valid for its scheme
     * @throws IOException when the remote store cannot be opened (the message names the URL)
     */
    static StoreSource open(String root) throws IOException {
        return open(root, System.getenv());
    }

    /**
     * Opens a data root given as text, taking a remote store's settings from the given environment instead of the
     * process's.
     *
     * @param root a path or a URL such as {@code s3://research/qlir}
     * @param environment variables such as {@code QLIR_S3_ENDPOINT}, {@code AWS_REGION},
     *     {@code AWS_ACCESS_KEY_ID}
     * @return the source; close it when done
     * @throws IllegalArgumentException when no provider on the class path reads the root's scheme
     * @throws IOException when the remote store cannot be opened
     */
    static StoreSource open(String root, Map<String, String> environment) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(environment, "environment");
        if (!isRemote(root)) {
            return local(Path.of(root));
        }
        String url = root.trim();
        String scheme = url.substring(0, url.indexOf("://"));
        List<String> known = new ArrayList<>();
        ClassLoader loader = StoreSource.class.getClassLoader();
        for (StoreSourceProvider p : ServiceLoader.load(StoreSourceProvider.class, loader)) {
            if (p.scheme().equalsIgnoreCase(scheme)) {
                return p.open(url, environment);
            }
            known.add(p.scheme() + "://");
        }
        throw new IllegalArgumentException("cannot read data root '" + url + "': no reader for " + scheme
                + ":// on the class path; valid: a local folder" + (known.isEmpty() ? "" : " or " + known)
                + ("s3".equals(scheme) ? " (qlir-s3 reads s3:// roots)" : ""));
    }

    /**
     * The path the store's files are resolved from.
     *
     * @return the data root for a local source; the empty relative path for a remote one
     */
    Path root();

    /**
     * Whether the files are on the local file system (only then may a reader use other local forms of the data,
     * such as the Parquet dataset).
     *
     * @return true for the local source
     */
    boolean isLocal();

    /**
     * Names a file or folder for messages.
     *
     * @param path a path resolved from {@link #root()}
     * @return for example {@code /data/qlir/binance/...} or {@code s3://research/qlir/binance/...}
     */
    String describe(Path path);

    /**
     * Opens a file for streaming (the manifest of a large series is tens of megabytes).
     *
     * @param file a path resolved from {@link #root()}
     * @return its content; close it
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws IOException when it cannot be opened
     */
    InputStream open(Path file) throws IOException;

    /**
     * Reads a whole file.
     *
     * @param file a path resolved from {@link #root()}
     * @return its bytes
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws IOException when it cannot be read
     */
    byte[] read(Path file) throws IOException;

    /**
     * Whether a file exists.
     *
     * @param file a path resolved from {@link #root()}
     * @return true for a regular file (an object)
     * @throws IOException when the store cannot be asked
     */
    boolean isFile(Path file) throws IOException;

    /**
     * Whether a folder exists (for an object store: some object's key starts with it).
     *
     * @param dir a path resolved from {@link #root()}
     * @return true when it holds anything
     * @throws IOException when the store cannot be asked
     */
    boolean isDirectory(Path dir) throws IOException;

    /**
     * Lists a folder's direct children once, with size and modification time (no file is opened); folders are
     * the entries that are not regular files.
     *
     * @param dir a path resolved from {@link #root()}
     * @return the children, in no particular order; empty when the folder does not exist
     * @throws IOException when the folder cannot be listed
     */
    List<Layout.Listed> list(Path dir) throws IOException;

    /** Releases connections; the local source holds none. */
    @Override
    void close();
}
