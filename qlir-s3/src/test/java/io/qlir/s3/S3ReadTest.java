package io.qlir.s3;

import static io.qlir.s3.S3Fixtures.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.qlir.binance.Binance;
import io.qlir.binance.Endpoint;
import io.qlir.binance.load.CandleLoader;
import io.qlir.binance.load.LoadResult;
import io.qlir.core.Candles;
import io.qlir.core.Interval;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.NoSuchSeriesException;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreSource;
import io.qlir.data.validate.ManifestValidator;
import io.qlir.data.validate.Rule;
import io.qlir.data.validate.ValidationMode;
import io.qlir.data.validate.ValidationReport;
import io.qlir.testkit.BinanceRecordings;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reading a pushed store back through {@code s3://} (S3Mock on loopback): the loader, the reader and the validator
 * give what they give on the local root, cell for cell; a byte changed in the bucket behind qlir's back is found by
 * a deep validation; a missing bucket, an empty prefix, refused access and an unreachable endpoint are one line
 * naming the URL; throttling is retried.
 */
class S3ReadTest {

    @RegisterExtension
    static final S3MockExtension MOCK = S3Fixtures.mock();

    @TempDir
    static Path tmp;

    static Path root;
    static S3Client raw;
    static final S3Location AT = S3Location.parse("s3://" + BUCKET + "/read");

    @BeforeAll
    static void pushTheRecordedStore() throws Exception {
        root = RecordedStore.write(tmp.resolve("data"));
        raw = S3Fixtures.raw(MOCK);
        try (S3Pusher pusher = S3Fixtures.pusher(MOCK).build()) {
            pusher.push(root, AT, PushFilter.all());
        }
    }

    @AfterAll
    static void close() {
        raw.close();
    }

    private static S3StoreSource.Builder source() {
        return S3StoreSource.builder().settings(S3Fixtures.settings(MOCK)).credentials(S3Fixtures.credentials())
                .sleeper(d -> { }).random(new java.util.Random(7));
    }

    @Test
    void candlesLoadedFromTheBucketEqualTheLocalOnesCellForCellAndTheRecording() throws Exception {
        CandleLoader local = CandleLoader.of(root, RecordedStore.SERIES).clock(RecordedStore.CLOCK);
        try (S3StoreSource s3 = source().open(AT)) {
            CandleLoader remote = CandleLoader.of(s3, RecordedStore.SERIES).clock(RecordedStore.CLOCK);
            LoadResult fromS3 = remote.load();
            assertSameCells(fromS3.candles(), local.load().candles());
            assertThat(fromS3.candles().rowCount()).isEqualTo(499); // the last candle was forming: left out
            assertThat(fromS3.formingLeftOut()).isEqualTo(1);
            assertThat(fromS3.rowsRead()).isEqualTo(500);
            // the independent reference: the recording as Binance sent it
            Table recorded = BinanceRecordings.candles(BinanceRecordings.SPOT_30M).dropRange(499, 500);
            assertSameCells(fromS3.candles(), recorded);

            Instant from = Instant.ofEpochMilli(RecordedStore.ROWS.get(150).get(0).asLong());
            Instant to = Instant.ofEpochMilli(RecordedStore.ROWS.get(260).get(0).asLong());
            assertSameCells(remote.between(from, to).reindex(true).load().candles(),
                    local.between(from, to).reindex(true).load().candles());
            assertSameCells(remote.includeForming(true).load().candles(),
                    local.includeForming(true).load().candles());
        }
    }

    @Test
    void storeSourceOpenFindsTheS3ReaderAndBinanceLoadsThroughIt() throws Exception {
        Map<String, String> env = Map.of("QLIR_S3_ENDPOINT", "http://127.0.0.1:" + MOCK.getHttpPort(),
                "AWS_ACCESS_KEY_ID", "test-key", "AWS_SECRET_ACCESS_KEY", "test-secret");
        try (StoreSource s3 = StoreSource.open("s3://" + BUCKET + "/read", env)) {
            assertThat(s3).isInstanceOf(S3StoreSource.class);
            assertThat(s3.isLocal()).isFalse();
            LoadResult r = Binance.loader(s3, Endpoint.KLINES, "BTCUSDT", Interval.M30).limit(100)
                    .clock(RecordedStore.CLOCK).load();
            assertSameCells(r.candles(), Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M30).limit(100)
                    .clock(RecordedStore.CLOCK).load().candles());
            SliceReader reader = SliceReader.open(s3, RecordedStore.SERIES);
            assertThat(reader.manifest().entries()).isEqualTo(SliceReader.open(root, RecordedStore.SERIES)
                    .manifest().entries());
            assertThat(s3.describe(reader.directory())).isEqualTo("s3://" + BUCKET
                    + "/read/binance/klines/raw/BTCUSDT/30m/limit=100");
        }
    }

    @Test
    void validationOverTheBucketEqualsTheLocalOneAndDeepFindsAnObjectChangedBehindQlirsBack() throws Exception {
        S3Location copy = S3Location.parse("s3://" + BUCKET + "/tampered");
        try (S3Pusher pusher = S3Fixtures.pusher(MOCK).build()) {
            pusher.push(root, copy, PushFilter.all());
        }
        try (S3StoreSource s3 = source().open(copy)) {
            for (ValidationMode mode : ValidationMode.values()) {
                ValidationReport local = ManifestValidator.validate(root, RecordedStore.SERIES, mode);
                ValidationReport remote = ManifestValidator.validate(s3, RecordedStore.SERIES, mode);
                assertThat(remote.errors()).as(mode + ": " + remote.describe()).isEqualTo(local.errors()).isEmpty();
                assertThat(remote.countsByRule()).isEqualTo(local.countsByRule());
                assertThat(remote.filesRead()).isEqualTo(local.filesRead());
                assertThat(remote.summary()).isEqualTo(local.summary());
            }
            // one digit of one price changed in the bucket: same size, so the listing cannot tell
            String sliceKey = SliceReader.open(root, RecordedStore.SERIES).entries(Long.MIN_VALUE, Long.MAX_VALUE)
                    .get(1).key().canonical();
            Path file = Layout.sliceFile(RecordedStore.SERIES.directory(s3.root()), SliceReader.open(root,
                    RecordedStore.SERIES).entries(Long.MIN_VALUE, Long.MAX_VALUE).get(1).key());
            String key = copy.key(file.toString().replace('\\', '/'));
            String text = raw.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
            String price = RecordedStore.ROWS.get(120).get(4).asText(); // a close inside the second slice
            assertThat(text).contains("\"" + price + "\"");
            String changed = price.substring(0, price.length() - 1) + (price.endsWith("1") ? "2" : "1");
            S3Fixtures.overwrite(raw, copy, file.toString(), text.replace("\"" + price + "\"", "\"" + changed + "\""));
            assertThat(raw.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray())
                    .hasSize(text.getBytes(StandardCharsets.UTF_8).length);

            ValidationReport metadata = ManifestValidator.validate(s3, RecordedStore.SERIES, ValidationMode.METADATA);
            assertThat(metadata.errors()).as("the listing shows the same size").isEmpty();
            ValidationReport deep = ManifestValidator.validate(s3, RecordedStore.SERIES, ValidationMode.DEEP);
            // the data no longer hashes to the meta's nor to the manifest's data_sha256; nothing else is wrong
            assertThat(deep.errors()).hasSize(2).allSatisfy(v -> {
                assertThat(v.rule()).isEqualTo(Rule.DATA_HASH);
                assertThat(v.sliceKey()).isEqualTo(sliceKey);
            });
            assertThat(ManifestValidator.validate(root, RecordedStore.SERIES, ValidationMode.DEEP).errors())
                    .as("the local store is untouched").isEmpty();
            assertThatThrownBy(() -> CandleLoader.of(s3, RecordedStore.SERIES).clock(RecordedStore.CLOCK).load())
                    .hasMessageContaining("s3://" + BUCKET + "/tampered/binance/klines/raw/BTCUSDT/30m/limit=100")
                    .hasMessageContaining("is damaged");
        }
    }

    @Test
    void aMissingBucketAnEmptyPrefixAndAMissingSeriesAreOneLineNamingTheUrl() throws Exception {
        String url = "http://127.0.0.1:" + MOCK.getHttpPort();
        assertThatThrownBy(() -> source().open(S3Location.parse("s3://no-such-bucket/read")))
                .isInstanceOf(S3ReadException.class)
                .hasMessage("no bucket 'no-such-bucket' at " + url + "/no-such-bucket (check bucket no-such-bucket got"
                        + " HTTP 404); create it first or check --data-root")
                .satisfies(e -> assertThat(((S3ReadException) e).kind())
                        .isEqualTo(S3PushException.Kind.NO_SUCH_BUCKET));
        assertThatThrownBy(() -> source().open(S3Location.parse("s3://" + BUCKET + "/nothing-here")))
                .isInstanceOf(S3ReadException.class)
                .hasMessage("nothing under s3://" + BUCKET + "/nothing-here (bucket '" + BUCKET + "' exists); valid: a"
                        + " prefix a data root was pushed to, with 'qlir push --to s3://" + BUCKET + "/nothing-here'")
                .satisfies(e -> assertThat(((S3ReadException) e).nothingThere()).isTrue());
        try (S3StoreSource s3 = source().open(AT)) {
            SliceSeries eth = new SliceSeries("binance", "klines", "ETHUSDT", Interval.M30, 100);
            assertThatThrownBy(() -> SliceReader.open(s3, eth)).isInstanceOf(NoSuchSeriesException.class)
                    .hasMessageContaining("s3://" + BUCKET + "/read/binance/klines/raw/ETHUSDT/30m/limit=100 does not"
                            + " exist")
                    .hasMessageContaining("found under s3://" + BUCKET + "/read/binance/klines/raw: BTCUSDT"
                            + " [30m/limit=100]");
        }
    }

    @Test
    void refusedAccessAndAnUnreachableEndpointAreOneLineAndThrottlingIsRetried() throws Exception {
        FaultyHttpClient wire = new FaultyHttpClient().fail(r -> r.encodedPath().endsWith("/manifest.json"),
                FaultyHttpClient.Fault.ACCESS_DENIED, 1);
        try (S3StoreSource s3 = source().httpClient(wire).open(AT)) {
            assertThatThrownBy(() -> SliceReader.open(s3, RecordedStore.SERIES))
                    .isInstanceOf(S3ReadException.class)
                    .hasMessageStartingWith("credentials refused by http://127.0.0.1:" + MOCK.getHttpPort() + "/"
                            + BUCKET + " (HTTP 403 AccessDenied)")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        FaultyHttpClient slow = new FaultyHttpClient().fail(r -> r.encodedPath().contains("/responses/"),
                FaultyHttpClient.Fault.SLOW_DOWN, 2);
        try (S3StoreSource s3 = source().httpClient(slow).open(AT)) {
            Table t = CandleLoader.of(s3, RecordedStore.SERIES).clock(RecordedStore.CLOCK).load().candles();
            assertThat(slow.faultsDone).hasSize(2);
            assertSameCells(t, CandleLoader.of(root, RecordedStore.SERIES).clock(RecordedStore.CLOCK).load()
                    .candles());
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        S3Settings nowhere = S3Settings.aws("us-east-1")
                .withEndpoint(java.net.URI.create("http://127.0.0.1:" + closed));
        assertThatThrownBy(() -> S3StoreSource.builder().settings(nowhere).credentials(S3Fixtures.credentials())
                .retry(io.qlir.data.retry.RetryPolicy.noRetries())
                .open(AT))
                .isInstanceOf(S3ReadException.class)
                .hasMessageStartingWith("cannot reach http://127.0.0.1:" + closed + "/" + BUCKET);
    }

    /** Every column, every row: the same names, types and values. */
    static void assertSameCells(Table actual, Table expected) {
        assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> a = actual.column(c);
            Column<?> e = expected.column(c);
            assertThat(a.type()).as(e.name()).isEqualTo(e.type());
            for (int r = 0; r < expected.rowCount(); r++) {
                Object av = a.get(r);
                Object ev = e.get(r);
                if (av instanceof Double d && ev instanceof Double x && d.isNaN() && x.isNaN()) {
                    continue;
                }
                assertThat(av).as(e.name() + " row " + r).isEqualTo(ev);
            }
        }
        assertThat(expected.column(Candles.OPEN_TIME).size()).isEqualTo(actual.rowCount());
    }
}
