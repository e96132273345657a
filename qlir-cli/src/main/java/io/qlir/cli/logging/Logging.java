package io.qlir.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.sift.MDCBasedDiscriminator;
import ch.qos.logback.classic.sift.SiftingAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import io.qlir.core.Interval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;

/**
 * Sets up qlir's logback output: human lines on stderr, and JSON lines in one file per job.
 *
 * <p>Why two steps: the console is usable from the first line of {@code main}, but files go under the data root,
 * which is only known after flags, environment and config file are resolved, and must not be touched before it is
 * known to be writable. So a command calls {@link #configureConsole} first and {@link #startFiles} once its data root
 * checked out. Library code never calls this class; it logs through SLF4J and puts the job name in the MDC
 * (key {@value #JOB_KEY}), which is how each line finds its file.
 * <pre>{@code
 * Logging.configureConsole(LogProfile.INFO);
 * Logging.startFiles(dataRoot.resolve("logs"), LogProfile.INFO);
 * try (var job = Logging.job(Logging.jobName("binance", "klines", "BTCUSDT", Interval.M1))) {
 *     log.info("fetching");      // -> logs/binance-klines-BTCUSDT-1m.log
 * }
 * }</pre>
 */
public final class Logging {

    /** The MDC key that names the job a log line belongs to, and so the file it lands in. */
    public static final String JOB_KEY = "job";

    /** The job of lines logged outside any job; they land in {@code qlir.log}. */
    public static final String DEFAULT_JOB = "qlir";

    /** The folder {@link #startFiles} writes to; null before it. */
    private static Path filesDir;

    /**
     * Marks a line for the job files only: for example a failure the command has already reported on stderr in
     * one sentence, whose stack trace still belongs in the file.
     */
    public static final Marker FILE_ONLY = new BasicMarkerFactory().getMarker("FILE_ONLY");
    // (not MarkerFactory: that would start SLF4J, and so logback, from inside this class's initializer)

    static final String CONSOLE_APPENDER = "console";
    static final String FILES_APPENDER = "files";
    /** Like the JSON lines, every console line carries the pid (a literal: it never changes in a process). */
    static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} " + ProcessHandle.current().pid() + " %-5level [%X{"
            + JOB_KEY + ":-" + DEFAULT_JOB + "}] %logger{0} - %msg%n";

    private Logging() {
    }

    /**
     * Replaces any logback setup with the console appender for a profile (on stderr); no file is written.
     *
     * @param profile how much reaches the console
     * @throws IllegalStateException when SLF4J is not bound to logback
     */
    public static void configureConsole(LogProfile profile) {
        configureConsole(context(), profile);
    }

    static synchronized void configureConsole(LoggerContext context, LogProfile profile) {
        Objects.requireNonNull(profile, "profile");
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(CONSOLE_PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE_APPENDER);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.addFilter(threshold(context, profile.consoleLevel()));
        ConsoleFilter filter = new ConsoleFilter(profile == LogProfile.DEBUG);
        filter.setContext(context);
        filter.start();
        console.addFilter(filter);
        console.start();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        root.setLevel(profile.consoleLevel());
    }

    /**
     * Starts the JSON-lines files: one file per job under {@code logDir}, named {@code <job>.log}.
     *
     * <p>Every line carries {@code timestamp} (ISO-8601 UTC), {@code level}, {@code pid}, {@code job},
     * {@code thread}, {@code logger} and {@code message}, plus any other MDC entries, SLF4J key-value pairs and a
     * {@code stack_trace}. Calling it again replaces the previous file setup.
     *
     * @param logDir the folder for the files; created when missing
     * @param profile which levels reach the files
     * @throws IOException when the folder cannot be created
     * @throws IllegalStateException when SLF4J is not bound to logback
     */
    public static synchronized void startFiles(Path logDir, LogProfile profile) throws IOException {
        Objects.requireNonNull(profile, "profile");
        Path dir = Files.createDirectories(logDir.toAbsolutePath().normalize());
        LoggerContext context = context();
        stopFiles(context);
        filesDir = dir;

        MDCBasedDiscriminator discriminator = new MDCBasedDiscriminator();
        discriminator.setContext(context);
        discriminator.setKey(JOB_KEY);
        discriminator.setDefaultValue(DEFAULT_JOB);
        discriminator.start();

        SiftingAppender files = new SiftingAppender();
        files.setContext(context);
        files.setName(FILES_APPENDER);
        files.setDiscriminator(discriminator);
        files.setAppenderFactory((ctx, job) -> jobAppender(ctx, dir, job));
        files.addFilter(threshold(context, profile.fileLevel()));
        files.start();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(files);
        Level console = profile.consoleLevel();
        Level file = profile.fileLevel();
        root.setLevel(file.isGreaterOrEqual(console) ? console : file);
    }

    /** Stops the job files, flushing and closing them; the console stays. Safe to call when none are open. */
    public static synchronized void stopFiles() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext) {
            stopFiles((LoggerContext) factory);
        }
    }

    /**
     * Whether job files are being written.
     *
     * @return true between {@link #startFiles} and {@link #stopFiles}
     */
    public static synchronized boolean filesStarted() {
        return filesStartedIn().isPresent();
    }

    /**
     * The file a line logged now on this thread goes to: its job's file ({@code <job>.log}), or {@code qlir.log}
     * outside any job. Error messages name it, so the user opens the file that holds the stack trace.
     *
     * @return the file, or empty when no files are being written
     */
    public static synchronized Optional<Path> currentFile() {
        String job = MDC.get(JOB_KEY);
        return filesStartedIn().map(dir -> jobFile(dir, job == null ? DEFAULT_JOB : job));
    }

    private static Optional<Path> filesStartedIn() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        boolean started = factory instanceof LoggerContext
                && ((LoggerContext) factory).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                        .getAppender(FILES_APPENDER) != null;
        return started ? Optional.ofNullable(filesDir) : Optional.empty();
    }

    /**
     * Puts a job name in the MDC of the current thread until the returned handle is closed.
     *
     * @param job the job name, for example from {@link #jobName}
     * @return the handle that removes it again (use with try-with-resources)
     */
    public static MDC.MDCCloseable job(String job) {
        return MDC.putCloseable(JOB_KEY, Objects.requireNonNull(job, "job"));
    }

    /**
     * Runs work with a job name in the MDC of the current thread, removing it afterwards (restoring an outer job).
     *
     * @param job the job name
     * @param work what to run
     * @param <T> the result type
     * @return what the work returned
     * @throws Exception what the work threw
     */
    public static <T> T inJob(String job, Callable<T> work) throws Exception {
        String outer = MDC.get(JOB_KEY);
        MDC.put(JOB_KEY, Objects.requireNonNull(job, "job"));
        try {
            return work.call();
        } finally {
            if (outer == null) {
                MDC.remove(JOB_KEY);
            } else {
                MDC.put(JOB_KEY, outer);
            }
        }
    }

    /**
     * The job name of one series of one venue, for example {@code binance-klines-BTCUSDT-1m}.
     *
     * <p>The interval is written as its folder name ({@code 1mo} for the month), so the month's log file never
     * collides with the minute's on a case-insensitive file system.
     *
     * @param venue for example {@code binance}
     * @param endpoint the endpoint's wire code, for example {@code klines}
     * @param symbol for example {@code BTCUSDT}
     * @param interval the candle interval
     * @return the job name
     */
    public static String jobName(String venue, String endpoint, String symbol, Interval interval) {
        return String.join("-", venue, endpoint, symbol, interval.folderName());
    }

    /**
     * The file a job's lines land in.
     *
     * @param logDir the log folder
     * @param job the job name (characters other than letters, digits, {@code . _ -} become {@code _})
     * @return {@code logDir/<job>.log}
     */
    public static Path jobFile(Path logDir, String job) {
        return logDir.resolve(fileStem(job) + ".log");
    }

    static String fileStem(String job) {
        String stem = job == null ? "" : job.replaceAll("[^A-Za-z0-9._-]", "_");
        if (stem.isEmpty() || stem.startsWith(".")) {
            stem = DEFAULT_JOB + stem;
        }
        return stem;
    }

    private static Appender<ILoggingEvent> jobAppender(ch.qos.logback.core.Context context, Path dir, String job) {
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("file-" + job);
        file.setFile(jobFile(dir, job).toString());
        file.setAppend(true);
        file.setEncoder(JsonLines.encoder(context));
        file.start();
        return file;
    }

    private static void stopFiles(LoggerContext context) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> files = root.getAppender(FILES_APPENDER);
        if (files != null) {
            root.detachAppender(files);
            files.stop();
        }
    }

    private static ThresholdFilter threshold(LoggerContext context, Level level) {
        ThresholdFilter filter = new ThresholdFilter();
        filter.setContext(context);
        filter.setLevel(level.levelStr.toLowerCase(Locale.ROOT));
        filter.start();
        return filter;
    }

    private static LoggerContext context() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            throw new IllegalStateException("qlir's logging needs logback as the SLF4J binding, found "
                    + factory.getClass().getName());
        }
        return (LoggerContext) factory;
    }
}
