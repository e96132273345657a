package io.qlir.cli;

import io.qlir.cli.config.RuntimeConfig;
import io.qlir.core.Interval;
import io.qlir.s3.PushFilter;
import io.qlir.s3.PushReport;
import io.qlir.s3.S3Location;
import io.qlir.s3.S3PushException;
import io.qlir.s3.S3Pusher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qlir push --to s3://BUCKET/PREFIX}: mirrors the local data root (slice files, manifests, the Parquet
 * dataset) to S3-compatible object storage, uploading only what changed. Takes no lock: it reads the store as
 * loaders do, so a running {@code serve} is never blocked.
 */
@Command(name = "push",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Mirror the data root to S3-compatible object storage under s3://BUCKET/PREFIX/, with the same relative"
                    + " paths. Only files whose SHA-256 differs from what was pushed (or whose object changed in"
                    + " the bucket) are uploaded; a killed push resumes when run again.",
            "",
            "Credentials come from the standard AWS chain: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE,"
                    + " instance roles."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  qlir push --to s3://research/qlir",
            "  qlir push --to s3://research/qlir --symbol BTCUSDT --interval 1m",
            "  QLIR_S3_ENDPOINT=http://127.0.0.1:9000 qlir push --to s3://qlir"
        })
final class PushCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "s3://BUCKET/PREFIX",
            description = "Where to mirror the data root.")
    String to;

    @Option(names = "--symbol", paramLabel = "SYMBOL", converter = Converters.SymbolConverter.class,
            description = "Push only this symbol's files.")
    String symbol;

    @Option(names = "--interval", paramLabel = "INTERVAL", converter = Converters.IntervalConverter.class,
            description = "Push only this interval's files.")
    Interval interval;

    @Option(names = "--endpoint", paramLabel = "ENDPOINT",
            description = "Push only this Binance endpoint's files: klines or uiklines.")
    String endpoint;

    @ArgGroup(validate = false, heading = "%nS3 options:%n")
    S3Options s3 = new S3Options();

    @ArgGroup(validate = false, heading = "%nRuntime options:%n")
    RuntimeOptions runtime = new RuntimeOptions();

    PushCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        S3Location target = S3Options.target("--to", to);
        Session session = Session.open(context, runtime, s3::addTo);
        Path root = session.existingDataRoot();
        session.startReadOnlyFileLogging();
        RuntimeConfig config = session.config();
        PushFilter filter = PushFilter.all();
        if (endpoint != null) {
            filter = filter.withEndpoint(endpoint);
        }
        if (symbol != null) {
            filter = filter.withSymbol(symbol);
        }
        if (interval != null) {
            filter = filter.withInterval(interval.folderName());
        }
        try (S3Pusher pusher = S3Options.pusher(context, config)) {
            PushReport report = pusher.push(root, target, filter);
            spec.commandLine().getOut().println(report.summaryLine());
            spec.commandLine().getOut().flush();
            return Exit.OK;
        } catch (S3PushException e) {
            spec.commandLine().getErr().println("qlir push: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return e.kind() == S3PushException.Kind.FAILED ? Exit.FAILURE : Exit.BAD_INPUT;
        }
    }
}
