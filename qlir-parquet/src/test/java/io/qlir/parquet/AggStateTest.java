package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.testkit.ManualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rerun's shortcut ({@link AggState}) answers "nothing new" only when the full comparison would: the same
 * manifest, journal, layout and month files, before the forming candle closes. Each change that matters sends the
 * rerun back to the full comparison, and time alone still brings the newly closed candle into the current month.
 * The store: hourly candles from 2024-01-01, fetched at 2024-03-15T10:20 (the 10:00 candle still forming).
 */
class AggStateTest {

    private static final Instant FORMING_CLOSES = Instant.parse("2024-03-15T11:00:00Z");

    @TempDir
    Path root;
    ManualTime time;
    Path dir;

    @BeforeEach
    void fetchAndAggregate() throws Exception {
        time = new ManualTime(TestStores.NOW);
        TestStores.fetch(time.clock(), root);
        assertThat(agg().aggregate(TestStores.SERIES).written()).hasSize(3);
        dir = ParquetLayout.seriesDirectory(root, TestStores.SERIES);
    }

    private DatasetAggregator agg() {
        return DatasetAggregator.of(root).clock(time.clock());
    }

    private int currentAt(Instant now) throws Exception {
        return AggState.currentMonths(dir, AggState.Inputs.of(root, TestStores.SERIES), now.toEpochMilli());
    }

    @Test
    void aPassRecordsWhatItReadAndLeftAndARerunBeforeTheFormingCandleClosesNeedsNothingElse() throws Exception {
        assertThat(dir.resolve(AggState.FILE_NAME)).isRegularFile();
        assertThat(currentAt(TestStores.NOW)).isEqualTo(3);
        assertThat(currentAt(FORMING_CLOSES.minusMillis(1))).isEqualTo(3);
        assertThat(currentAt(FORMING_CLOSES)).as("the 10:00 candle has closed").isEqualTo(-1);

        AggregationResult again = agg().aggregate(TestStores.SERIES);
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.unchanged()).isEqualTo(3);
    }

    /**
     * Once the forming candle's close has passed, the shortcut no longer vouches: the full comparison runs. It finds
     * nothing new (the slice holds the candle as it was while forming, which is never a closed candle), and records
     * the state again, now valid until March is over.
     */
    @Test
    void afterTheFormingCandleClosesTheFullComparisonRunsAndRecordsTheStateUntilTheMonthEnds() throws Exception {
        time.advance(Duration.between(TestStores.NOW, FORMING_CLOSES));
        AggregationResult r = agg().aggregate(TestStores.SERIES);
        assertThat(r.nothingNew()).isTrue();
        assertThat(currentAt(FORMING_CLOSES)).isEqualTo(3);
        Instant april = Instant.parse("2024-04-01T00:00:00Z");
        assertThat(currentAt(april.minusMillis(1))).isEqualTo(3);
        assertThat(currentAt(april)).as("March is over: its sealing is decided again").isEqualTo(-1);
    }

    @Test
    void aChangedManifestOrJournalSendsTheRerunToTheFullComparison() throws Exception {
        Path journal = TestStores.SERIES.directory(root).resolve("manifest.journal");
        Files.writeString(journal, Files.exists(journal) ? Files.readString(journal) + "\n" : "\n");
        assertThat(currentAt(TestStores.NOW)).isEqualTo(-1);
    }

    @Test
    void aMonthFileChangedAddedOrRemovedSendsTheRerunToTheFullComparisonWhichRepairsIt() throws Exception {
        Path jan = ParquetLayout.monthFile(root, TestStores.SERIES, YearMonth.of(2024, 1));
        Path feb = ParquetLayout.monthFile(root, TestStores.SERIES, YearMonth.of(2024, 2));
        byte[] janBytes = Files.readAllBytes(jan);
        Files.copy(feb, jan, StandardCopyOption.REPLACE_EXISTING);
        assertThat(currentAt(TestStores.NOW)).as("January holds February's file").isEqualTo(-1);
        assertThat(agg().aggregate(TestStores.SERIES).written()).containsExactly(YearMonth.of(2024, 1));
        assertThat(Files.readAllBytes(jan)).isEqualTo(janBytes);
        assertThat(currentAt(TestStores.NOW)).isEqualTo(3);

        Path stray = Files.createDirectories(dir.resolve("month=2023-12"));
        Files.copy(feb, stray.resolve(ParquetLayout.FILE_NAME));
        assertThat(currentAt(TestStores.NOW)).as("a month folder the state does not list").isEqualTo(-1);
        assertThat(agg().aggregate(TestStores.SERIES).removed()).containsExactly(YearMonth.of(2023, 12));

        Files.delete(feb);
        assertThat(currentAt(TestStores.NOW)).as("a month file gone").isEqualTo(-1);
        assertThat(agg().aggregate(TestStores.SERIES).written()).containsExactly(YearMonth.of(2024, 2));
    }

    @Test
    void aTornOrForeignStateIsIgnoredAndWrittenAgain() throws Exception {
        Path state = dir.resolve(AggState.FILE_NAME);
        Files.writeString(state, "{\"format\":1,\"valid_until");
        assertThat(currentAt(TestStores.NOW)).isEqualTo(-1);
        Files.writeString(state, Files.readString(state).isEmpty() ? "" : "{\"format\":1,\"layout\":\"plain-zstd\","
                + "\"valid_until_ms\":9223372036854775807}");
        assertThat(currentAt(TestStores.NOW)).as("another layout's state").isEqualTo(-1);

        assertThat(agg().aggregate(TestStores.SERIES).nothingNew()).isTrue();
        assertThat(currentAt(TestStores.NOW)).isEqualTo(3);
    }

    @Test
    void aPassWhoseInputsChangedWhileItReadThemLeavesNoState() throws Exception {
        AggState.Inputs before = AggState.Inputs.of(root, TestStores.SERIES);
        AggState.Inputs after = new AggState.Inputs(before.manifest(),
                new AggState.Digest(before.journal().size() + 1, before.journal().crc()));
        AggState.record(dir, before, after, List.of(), List.of(), TestStores.SERIES, TestStores.NOW.toEpochMilli());
        assertThat(dir.resolve(AggState.FILE_NAME)).doesNotExist();
        assertThat(currentAt(TestStores.NOW)).isEqualTo(-1);
    }
}
