package io.qlir.cli;

import io.qlir.cli.config.RuntimeConfig;
import io.qlir.cli.config.Setting;
import io.qlir.cli.logging.Logging;
import io.qlir.data.manifest.StoreSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of every command: resolve the {@link RuntimeConfig}, set up the console for its log profile, and, for
 * commands that touch the store, check the data root before anything is written to it. File logging starts only
 * once the data root (and log folder) are known to be writable, so bad input leaves the disk untouched.
 * <pre>{@code
 * Session session = Session.open(context, runtime, network::addTo);
 * Path root = session.writableDataRoot();      // BadInputException (exit 2) when it is not
 * }</pre>
 */
final class Session {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final RuntimeConfig config;

    private Session(RuntimeConfig config) {
        this.config = config;
    }

    @SafeVarargs
    static Session open(CliContext context, RuntimeOptions runtime, Consumer<RuntimeConfig.Resolver>... more)
            throws BadInputException {
        RuntimeConfig.Resolver resolver = RuntimeConfig.resolver()
                .environment(context.environment())
                .workingDir(context.workingDir())
                .homeDir(context.homeDir());
        runtime.addTo(resolver);
        for (Consumer<RuntimeConfig.Resolver> m : more) {
            m.accept(resolver);
        }
        RuntimeConfig config;
        try {
            config = resolver.resolve();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        Logging.configureConsole(config.logProfile());
        return new Session(config);
    }

    RuntimeConfig config() {
        return config;
    }

    /**
     * The data root, created if missing, for a command that writes to the store; starts the job log files.
     *
     * @throws BadInputException when the data root or log folder cannot be written (nothing has been written then)
     */
    Path writableDataRoot() throws BadInputException {
        Path root = checkWritableDataRoot();
        try {
            Files.createDirectories(root);
            Logging.startFiles(config.logDir(), config.logProfile());
        } catch (IOException e) {
            throw new BadInputException("cannot create " + e.getMessage() + " under the data root " + root + " ("
                    + config.origin(Setting.DATA_ROOT).describe() + ")", e);
        }
        LOG.debug("data root {} ({}), logs in {}", root, config.origin(Setting.DATA_ROOT).describe(),
                config.logDir());
        return root;
    }

    /**
     * Checks that the data root and log folder can be created and written, writing nothing.
     *
     * @throws BadInputException when either cannot be written
     */
    Path checkWritableDataRoot() throws BadInputException {
        requireWritable(config.dataRoot(), Setting.DATA_ROOT, "data root");
        requireWritable(config.logDir(), Setting.LOG_DIR, "log folder");
        return config.dataRoot();
    }

    /**
     * The data root of a command that only reads the store; it must exist. Nothing is written.
     *
     * @throws BadInputException when the data root is not an existing folder
     */
    Path existingDataRoot() throws BadInputException {
        Path root = config.dataRoot();
        if (!Files.isDirectory(root)) {
            throw new BadInputException("data root " + root + " (" + config.origin(Setting.DATA_ROOT).describe()
                    + ") does not exist; fetch data into it first with 'qlir fetch', or choose another with"
                    + " --data-root or QLIR_DATA_ROOT");
        }
        return root;
    }

    /**
     * The store a command that only reads reads: the existing local data root, or the bucket an
     * {@code s3://BUCKET/PREFIX} data root names (when the session was opened with
     * {@link RuntimeConfig.Resolver#acceptRemoteDataRoot()}). Nothing is written; close it when done.
     *
     * @throws BadInputException when the local root does not exist, or the bucket cannot be read (one line naming
     *     the URL)
     */
    StoreSource readableStore(CliContext context) throws BadInputException {
        if (config.remoteDataRoot().isPresent()) {
            return S3Options.reader(context, config, config.remoteDataRoot().get());
        }
        return StoreSource.local(existingDataRoot());
    }

    /**
     * Starts the job log files of a command that only reads, once its input checked out, when the log folder is
     * writable; a read-only store is read console-only, and so is a bucket unless a log folder was given.
     */
    void startReadOnlyFileLogging() {
        if (config.remoteDataRoot().isPresent()
                && config.origin(Setting.LOG_DIR).source() == io.qlir.cli.config.Origin.Source.DEFAULT) {
            return;
        }
        if (writableProblem(config.logDir()) == null) {
            try {
                Logging.startFiles(config.logDir(), config.logProfile());
            } catch (IOException e) {
                LOG.debug("no log files: {}", e.toString());
            }
        }
    }

    private void requireWritable(Path dir, Setting setting, String what) throws BadInputException {
        String problem = writableProblem(dir);
        if (problem != null) {
            throw new BadInputException(what + " " + dir + " (" + config.origin(setting).describe()
                    + ") is not writable: " + problem + "; choose a writable folder with " + setting.flag() + " or "
                    + setting.envVar());
        }
    }

    /** Why {@code dir} could not be created or written, or null when it can. Writes nothing. */
    static String writableProblem(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return "no part of the path exists";
        }
        if (!Files.isDirectory(p)) {
            return p + " is a file, not a folder";
        }
        if (!Files.isWritable(p)) {
            return p.equals(dir) ? "no write permission" : "no write permission on " + p;
        }
        return null;
    }
}
