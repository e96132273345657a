package research;

import io.qlir.binance.Binance;
import io.qlir.binance.Endpoint;
import io.qlir.binance.load.LoadResult;
import io.qlir.charts.CandleChartOptions;
import io.qlir.charts.Charts;
import io.qlir.charts.StudyChartOptions;
import io.qlir.core.CandleCsv;
import io.qlir.core.CandleCsvRead;
import io.qlir.core.Candles;
import io.qlir.core.Derived;
import io.qlir.core.Interval;
import io.qlir.core.catalogue.OpLanguage;
import io.qlir.ops.study.SmaPersistence;
import io.qlir.ops.study.Studies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/**
 * A research starter on qlir: loads candles, runs the SMA persistence study and a few indicators, prints a summary,
 * and writes {@code out/indicators.csv}, {@code out/candles.png} and {@code out/sma-persistence.png}.
 *
 * <pre>
 * mvn -B -ntp compile exec:java                                        # the demo store under ./demo/data
 * mvn -B -ntp compile exec:java -Dexec.args="--data-root ~/qlir-data --symbol BTCUSDT --interval 1h"
 * mvn -B -ntp compile exec:java -Dexec.args="--csv my-candles.csv"     # any OHLCV CSV instead of a store
 * </pre>
 */
public final class ResearchStarter {

    private static final String INDICATORS = "sma(close,14,50); arp(14); range_shock(14); rsi(close,14)";

    private ResearchStarter() {
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        Table candles = o.csv != null ? fromCsv(o.csv) : fromStore(o);

        // The study: how long does the close stay on one side of its SMA?
        SmaPersistence study = Studies.smaPersistence(candles, "close", 10, 20, 50);
        // Indicators, in the op language (the same text works in pipelines and on the command line).
        Derived derived = OpLanguage.parseAll(INDICATORS).stream()
                .reduce((Derived) null, (d, op) -> d == null ? op.apply(candles) : d.then(op), (a, b) -> b);

        Table t = derived.table();
        int last = t.rowCount() - 1;
        System.out.printf("%d candles, %s .. %s%n", t.rowCount(), Candles.openInstant(t, 0),
                Candles.openInstant(t, last));
        System.out.printf("last close %.2f, SMA14 %.2f, SMA50 %.2f, ARP14 %.4f, RSI14 %.1f%n",
                t.doubleColumn("close").getDouble(last), t.doubleColumn("close_sma_14").getDouble(last),
                t.doubleColumn("close_sma_50").getDouble(last), t.doubleColumn("arp_14").getDouble(last),
                t.doubleColumn("close_rsi_14").getDouble(last));
        System.out.println("new columns and the rows each one read:");
        System.out.println(derived.explain());
        System.out.println("SMA persistence (run lengths in bars, above / below the SMA):");
        System.out.println(study.summary().printAll());

        Path out = Files.createDirectories(Path.of("out"));
        t.write().csv(out.resolve("indicators.csv").toFile());
        Charts.writePng(Charts.candles(candles, CandleChartOptions.builder().title(o.title())
                .ops("sma(close,14,50); range_shock(14)").build()), out.resolve("candles.png"));
        Charts.writePng(Charts.smaPersistence(study, StudyChartOptions.defaults()), out.resolve("sma-persistence.png"));
        System.out.println("wrote out/indicators.csv, out/candles.png, out/sma-persistence.png");
    }

    private static Table fromStore(Options o) throws IOException {
        if (!Files.isDirectory(o.dataRoot)) {
            throw new IllegalArgumentException("no store at " + o.dataRoot.toAbsolutePath() + ": make the demo's"
                    + " with ./qlir demo --out demo (in your qlir clone, then copy or point --data-root at"
                    + " demo/data), or give --data-root DIR or --csv FILE");
        }
        LoadResult r = Binance.loader(o.dataRoot, Endpoint.KLINES, o.symbol, o.interval)
                .limit(o.limit > 0 ? o.limit : storedLimit(o)).load();
        System.out.println("loaded " + r.describe());
        return r.candles();
    }

    private static Table fromCsv(Path csv) throws IOException {
        CandleCsvRead r = CandleCsv.standard().read(csv);
        System.out.println(r.describe());
        return r.candles();
    }

    /** The slice size of the series on disk (folders limit=N): the demo writes 100, qlir fetch 1000. */
    private static int storedLimit(Options o) throws IOException {
        Path series = o.dataRoot.resolve(Path.of("binance", "klines", "raw", o.symbol, o.interval.folderName()));
        if (Files.isDirectory(series)) {
            try (Stream<Path> dirs = Files.list(series)) {
                var limits = dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("limit="))
                        .map(n -> Integer.parseInt(n.substring(6))).toList();
                if (limits.size() == 1) {
                    return limits.get(0);
                }
            }
        }
        return 1000;
    }

    /** {@code --data-root DIR --symbol S --interval I --limit N | --csv FILE}. */
    private static final class Options {
        Path dataRoot = Path.of("demo", "data");
        String symbol = "BTCUSDT";
        Interval interval = Interval.M30;
        int limit;
        Path csv;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--data-root" -> o.dataRoot = Path.of(v.replaceFirst("^~", System.getProperty("user.home")));
                    case "--symbol" -> o.symbol = v;
                    case "--interval" -> o.interval = Interval.parse(v);
                    case "--limit" -> o.limit = Integer.parseInt(v);
                    case "--csv" -> o.csv = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --data-root DIR, --symbol S, --interval I, --limit N or --csv FILE");
                }
            }
            return o;
        }

        String title() {
            return csv != null ? csv.getFileName().toString() : symbol + " " + interval.wireCode();
        }
    }
}
