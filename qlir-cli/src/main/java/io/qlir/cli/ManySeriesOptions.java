package io.qlir.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --symbols A,B,... | --all [--threads N] [--quiet]}: the series of the store a command runs on at once, each
 * on its own core ({@code indicators}). With {@code --symbols}, {@code --interval} (and {@code --endpoint},
 * {@code --limit}) say which series of each symbol; with {@code --all}, every series of the store, narrowed by
 * whichever of {@code --interval}, {@code --endpoint} and {@code --limit} are given.
 */
final class ManySeriesOptions {

    @Option(names = "--symbols", paramLabel = "SYMBOLS", split = ",", converter = Converters.SymbolConverter.class,
            description = "Several series of the store at once, for example BTCUSDT,ETHUSDT (with --interval), each"
                    + " derived on its own core and written to its own file in --out DIR.")
    List<String> symbols;

    @Option(names = "--all",
            description = "Every series of the store (narrowed by --interval, --endpoint and --limit when given),"
                    + " each written to its own file in --out DIR.")
    boolean all;

    @Option(names = "--threads", paramLabel = "N",
            description = "With --symbols or --all: series derived at once (and held in memory). Default: the"
                    + " number of processors.")
    Integer threads;

    @Option(names = "--quiet", description = "With --symbols or --all: no progress bar on stderr.")
    boolean quiet;

    /** Whether many series were asked for. */
    boolean requested() {
        return all || symbols != null;
    }

    /** Checks the options among themselves; call only when {@link #requested()}. */
    void validate() throws BadInputException {
        if (all && symbols != null) {
            throw new BadInputException("--symbols and --all are mutually exclusive: give --symbols A,B,... for some"
                    + " series, or --all for every series of the store");
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads " + threads + " is out of range; give 1 or more");
        }
    }

    /** The pool size: {@code --threads}, or one thread per processor. */
    int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
