package io.qlir.cli;

import io.qlir.cli.logging.Logging;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A test-only command built the way the store commands are (the shared option classes, then a {@link Session}
 * that checks the data root before anything is written), so the shared input checks are tested through picocli
 * exactly as {@code fetch} will use them. On success it logs one line in its series' job and prints the data root.
 */
@Command(name = "probe", mixinStandardHelpOptions = true)
final class ProbeCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    SeriesOptions series = new SeriesOptions();

    @Mixin
    TimeRangeOptions range = new TimeRangeOptions();

    @Mixin
    EndpointLimitOptions store = new EndpointLimitOptions();

    @ArgGroup(validate = false)
    RuntimeOptions runtime = new RuntimeOptions();

    @ArgGroup(validate = false)
    NetworkOptions network = new NetworkOptions();

    ProbeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        range.validate();
        store.validate();
        Session session = Session.open(context, runtime, network::addTo);
        Path root = session.writableDataRoot();
        try (MDC.MDCCloseable ignored = Logging.job(Logging.jobName("binance", store.endpoint.wireCode(), series.symbol,
                series.interval))) {
            LoggerFactory.getLogger(ProbeCommand.class).info("probing {} {} from {}", series.symbol,
                    series.interval, range.start().map(Object::toString).orElse("the start"));
        }
        spec.commandLine().getOut().println(root);
        return Exit.OK;
    }
}
