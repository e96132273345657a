package io.qlir.cli;

import io.qlir.binance.load.CandleLoader;
import io.qlir.binance.load.LoadResult;
import io.qlir.core.CandleCsv;
import io.qlir.core.CandleCsvRead;
import io.qlir.core.Candles;
import io.qlir.data.manifest.SliceSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Where a command's candles come from: {@code --input F.csv} (any OHLCV CSV: qlir's export, a Yahoo download, a ccxt
 * dump; read by {@link CandleCsv}, which says on stderr how it read the file), or the store ({@code --symbol S --interval I [--endpoint E] [--limit N]}). Used as an exclusive
 * {@code @ArgGroup}: exactly one of the two.
 */
final class CandleInput {

    @Option(names = "--input", required = true, paramLabel = "F.csv",
            description = "Candle CSV: qlir's export or any OHLCV CSV (a time column such as open_time, timestamp"
                    + " or Date, in ISO-8601 or epoch s/ms/us; the open/high/low/close/volume columns the ops read;"
                    + " ',' or ';' separated). How it was read is printed on stderr.")
    Path input;

    @ArgGroup(exclusive = false, multiplicity = "1")
    StoreSelection store;

    /** {@code --symbol S --interval I [--endpoint E] [--limit N]}: a series of the store. */
    static final class StoreSelection {

        @ArgGroup(exclusive = false, multiplicity = "1")
        SeriesOptions series;

        @ArgGroup(exclusive = false)
        StoreOptions options = new StoreOptions();

        SliceSeries sliceSeries() {
            return StoreLocator.series(options.endpoint, series.symbol, series.interval, options.limit);
        }
    }

    /** What was read, and a name for it in titles and messages. */
    record Loaded(Table candles, String label, LoadResult store) {
    }

    /** Reads the candles with open times in {@code [from, to]} (either may be null); CSV notes go to {@code notes}. */
    Loaded read(CliContext context, Session session, Instant from, Instant to, PrintWriter notes)
            throws BadInputException {
        if (input != null) {
            return new Loaded(between(readCsv(context, input, notes), from, to), input.getFileName().toString(),
                    null);
        }
        store.options.validate();
        Path root = session.existingDataRoot();
        SliceSeries series = store.sliceSeries();
        StoreLocator.existing(root, series);
        session.startReadOnlyFileLogging();
        try {
            LoadResult r = CandleLoader.of(root, series).from(from).to(to).load();
            return new Loaded(r.candles(), store.series.symbol + " " + store.series.interval.wireCode() + " "
                    + store.options.endpoint.wireCode(), r);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("cannot read " + StoreLocator.describe(series) + ": "
                    + e.getCause().getMessage(), e);
        }
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
