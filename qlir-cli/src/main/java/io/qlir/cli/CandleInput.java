package io.qlir.cli;

import io.qlir.core.CandleCsv;
import io.qlir.core.CandleCsvRead;
import io.qlir.core.Candles;
import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.ops.dataset.DatasetFingerprint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Where a command's candles come from: {@code --input F.csv} (any OHLCV CSV: qlir's export, a Yahoo download, a ccxt
 * dump; read by {@link CandleCsv}, which says on stderr how it read the file), or a series of the store
 * ({@code --symbol S --interval I [--endpoint E] [--limit N]}); exactly one of the two.
 *
 * <p>The one option group of every command that computes over candles ({@code indicators}, {@code chart},
 * {@code study sma}, {@code pipelines run}), used as {@code @ArgGroup(validate = false)} and checked by
 * {@link #validate()} (so a mistake gets one message naming both ways). {@link #run} is their one template: a
 * stored series goes through {@link ReadOnlyStore#run}, a CSV file is read after the same session and checks.
 * <pre>{@code
 * @ArgGroup(validate = false, heading = CandleInput.HEADING)
 * CandleInput input = new CandleInput();
 * ...
 * input.validate();
 * return input.run(context, runtime, err, range.start, range.end, true, ReadOnlyStore.Checks.NONE, this::draw);
 * }</pre>
 */
final class CandleInput {

    /** The help heading of the group. */
    static final String HEADING = "%nCandles (a CSV file, or a series of the store):%n";

    @Option(names = "--input", paramLabel = "F.csv",
            description = "Candle CSV: qlir's export or any OHLCV CSV (a time column such as open_time, timestamp"
                    + " or Date, in ISO-8601 or epoch s/ms/us; the open/high/low/close/volume columns the ops read;"
                    + " ',' or ';' separated). How it was read is printed on stderr.")
    Path input;

    @Option(names = "--symbol", paramLabel = "SYMBOL", converter = Converters.SymbolConverter.class,
            description = SeriesOptions.SYMBOL_HELP + " With --interval: a series of the store.")
    String symbol;

    @Option(names = "--interval", paramLabel = "INTERVAL", converter = Converters.IntervalConverter.class,
            description = SeriesOptions.INTERVAL_HELP)
    Interval interval;

    @ArgGroup(validate = false)
    EndpointLimitOptions store = new EndpointLimitOptions();

    /** What was read: the candles, a name for titles and messages, and their fingerprint. */
    record Loaded(Table candles, String label, DatasetFingerprint fingerprint) {
    }

    /** The work done on the candles once read. */
    @FunctionalInterface
    interface Work<T> {
        T run(Loaded candles) throws Exception;
    }

    /** Checks that exactly one source is given, and the store options; call before doing anything. */
    void validate() throws BadInputException {
        boolean stored = symbol != null || interval != null;
        if (input != null && stored) {
            throw new BadInputException("--input and --symbol/--interval are mutually exclusive: give either --input"
                    + " F.csv or --symbol and --interval, not both");
        }
        if (input == null && (symbol == null || interval == null)) {
            throw new BadInputException("missing candles: give --symbol and --interval (a series of the store), or"
                    + " --input F.csv");
        }
        if (input == null) {
            store.validate();
        }
    }

    /** Whether the candles come from a CSV file. */
    boolean isCsv() {
        return input != null;
    }

    /** The stored series named; only when not {@link #isCsv()}. */
    SliceSeries sliceSeries() throws BadInputException {
        store.validate();
        return StoreLocator.series(store.endpoint, symbol, interval, store.limit);
    }

    /** A name for titles: the CSV's file name, or {@code BTCUSDT 1m klines}. */
    String label() {
        return isCsv() ? input.getFileName().toString()
                : symbol + " " + interval.wireCode() + " " + store.endpoint.wireCode();
    }

    /** A name for default output files: the CSV's file name without extension, or {@code BTCUSDT-1m}. */
    String stem() {
        if (!isCsv()) {
            return symbol + "-" + interval.folderName();
        }
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Opens the session, runs the command's checks, reads the candles with open times in {@code [from, to]}
     * (either may be null) and does the work: the stored series in its job's log context (read-only template),
     * the CSV file once the checks passed, saying on {@code notes} how it was read. With {@code requireRows}, a
     * stored range without a closed candle is bad input rather than an empty table.
     */
    <T> T run(CliContext context, RuntimeOptions runtime, PrintWriter notes, Instant from, Instant to,
              boolean requireRows, ReadOnlyStore.Checks checks, Work<T> work) throws Exception {
        if (!isCsv()) {
            return ReadOnlyStore.run(context, runtime, sliceSeries(), checks, (store, s) -> {
                StoredCandles c = StoredCandles.load(store, s, from, to, requireRows);
                return work.run(new Loaded(c.candles(), label(), c.fingerprint()));
            });
        }
        Session session = Session.open(context, runtime);
        checks.run(session);
        Table candles = between(readCsv(context, input, notes), from, to);
        return work.run(new Loaded(candles, label(), DatasetFingerprint.of(candles)));
    }

    /**
     * Reads a candle CSV named by {@code --input} (relative to the working directory), as one bad-input error, and
     * says on {@code notes} how it was read (time format, columns, gaps).
     */
    static Table readCsv(CliContext context, Path input, PrintWriter notes) throws BadInputException {
        Path file = context.workingDir().resolve(input);
        try {
            CandleCsvRead read = CandleCsv.standard().read(file);
            notes.println(read.describe());
            notes.flush();
            return read.candles();
        } catch (NoSuchFileException e) {
            throw new BadInputException("--input " + file + " does not exist", e);
        } catch (IOException e) {
            throw new BadInputException("--input " + file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--input: " + e.getMessage(), e);
        }
    }

    private static Table between(Table candles, Instant from, Instant to) {
        if (from == null && to == null) {
            return candles;
        }
        LongColumn open = candles.longColumn(Candles.OPEN_TIME);
        long a = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long b = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        return candles.where(open.isGreaterThanOrEqualTo(a).and(open.isLessThanOrEqualTo(b)));
    }
}
