package io.qlir.cli;

import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --start T --end T}: an inclusive range of candle open times. Each bound is an ISO-8601 instant, an ISO
 * date (midnight UTC) or epoch millis; either may be left out.
 */
final class TimeRangeOptions {

    @Option(names = "--start", paramLabel = "TIME", converter = Converters.TimeConverter.class,
            description = "First open time to include: 2024-01-01T00:00:00Z, 2024-01-01 (midnight UTC)"
                    + " or epoch millis.")
    Instant start;

    @Option(names = "--end", paramLabel = "TIME", converter = Converters.TimeConverter.class,
            description = "Last open time to include, same forms as --start.")
    Instant end;

    Optional<Instant> start() {
        return Optional.ofNullable(start);
    }

    Optional<Instant> end() {
        return Optional.ofNullable(end);
    }

    /** Checks the bounds against each other; call before doing anything. */
    void validate() throws BadInputException {
        if (start != null && end != null && start.isAfter(end)) {
            throw new BadInputException("--start " + start + " is after --end " + end
                    + "; both are inclusive open times, so --start must not be later than --end");
        }
    }
}
