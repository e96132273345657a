package io.qlir.cli;

import io.qlir.core.Candles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** Where a command's candles come from: {@code --input F.csv}, a candle CSV as {@code qlir candles export} writes. */
final class CandleInput {

    @Option(names = "--input", required = true, paramLabel = "F.csv",
            description = "Candle CSV with a header naming the candle columns (as 'qlir candles export' writes"
                    + " it); other columns are ignored.")
    Path input;

    Table read(CliContext context) throws BadInputException {
        Path file = context.workingDir().resolve(input);
        try {
            return Candles.fromCsv(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("--input " + file + " does not exist", e);
        } catch (IOException e) {
            throw new BadInputException("--input " + file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--input: " + e.getMessage(), e);
        }
    }
}
