package io.qlir.parquet;

import io.qlir.core.Candles;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The column contract of a month file (see {@code docs/data-layout.md}): the candle columns of qlir-core's schema,
 * in its order, all required; times INT64 TIMESTAMP(MILLIS, UTC), {@code trades} INT64, the rest DOUBLE.
 */
final class CandleSchema {

    static final MessageType SCHEMA = build();

    /** Key-value metadata: the qlir version that wrote the file. */
    static final String KEY_VERSION = "qlir.version";
    /** Key-value metadata: the slices (ids, keys, data checksums) the month was made from, as JSON. */
    static final String KEY_LINEAGE = "qlir.lineage";
    /** Key-value metadata: "true" when every slice the month covers was complete when written. */
    static final String KEY_SEALED = "qlir.sealed";
    /**
     * Key-value metadata: the layout of the file's pages, {@link #LAYOUT}. The aggregator rewrites a file of another
     * layout: {@code plain-zstd} (every column PLAIN: longs cost as much to decompress as doubles) or none (the first
     * build's BYTE_STREAM_SPLIT doubles, which Spark cannot read).
     */
    static final String KEY_LAYOUT = "qlir.layout";
    /** The page layout this build writes: INT64 columns DELTA_BINARY_PACKED, DOUBLE columns PLAIN, all ZSTD. */
    static final String LAYOUT = "delta-zstd";
    /** Key-value metadata: the slice series (venue/endpoint symbol interval limit) the month came from. */
    static final String KEY_SERIES = "qlir.series";

    private CandleSchema() {
    }

    private static MessageType build() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (String c : Candles.COLUMNS) {
            if (c.equals(Candles.OPEN_TIME) || c.equals(Candles.CLOSE_TIME)) {
                b.required(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(c);
            } else if (Candles.LONG_COLUMNS.contains(c)) {
                b.required(PrimitiveTypeName.INT64).named(c);
            } else {
                b.required(PrimitiveTypeName.DOUBLE).named(c);
            }
        }
        return b.named("candle");
    }

    static List<String> columns() {
        return Candles.COLUMNS;
    }

    static boolean isLong(int column) {
        return Candles.LONG_COLUMNS.contains(Candles.COLUMNS.get(column));
    }
}
