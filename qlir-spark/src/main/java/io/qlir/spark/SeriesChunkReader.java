package io.qlir.spark;

import io.qlir.core.Candles;
import io.qlir.core.Derived;
import io.qlir.ops.pipeline.Pipeline;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Derives one series in its task and hands Spark the result as column batches over qlir's own arrays: months are read
 * in month order into a {@link SeriesBuffer}, a chunk becomes a qlir candle table, the ops apply, and the chunk's rows
 * (its halo excluded) go out as one {@link ColumnarBatch} of {@link ArrayColumnVector}s. With {@code chunkRows = 0}
 * the chunk is the whole series (an op reads every earlier row); otherwise each chunk of {@code chunkRows} rows is
 * computed after the {@code halo} rows before it, and the buffer holds about one chunk and one month.
 */
final class SeriesChunkReader implements PartitionReader<ColumnarBatch> {

    private static final int KEYS = 2;

    private final SeriesInput input;
    private final Pipeline pipeline;
    private final StructType schema;
    private final int chunkRows;
    private final int halo;
    private final SeriesBuffer buffer;
    private int month;
    private int emitted;
    private ColumnarBatch batch;

    SeriesChunkReader(SeriesInput input, String opsText, StructType read, StructType schema, int chunkRows, int halo) {
        this.input = input;
        this.buffer = new SeriesBuffer(read);
        this.pipeline = Pipeline.parse("qlir-spark", opsText);
        this.schema = schema;
        this.chunkRows = chunkRows > 0 ? chunkRows : Integer.MAX_VALUE;
        this.halo = chunkRows > 0 ? halo : 0;
    }

    @Override
    public boolean next() {
        while (buffer.size() - emitted < chunkRows && month < input.months().size()) {
            buffer.appendMonth(input.months().get(month++));
        }
        if (buffer.size() == emitted) {
            batch = null;
            return false;
        }
        int take = Math.min(chunkRows, buffer.size() - emitted);
        int from = Math.max(0, emitted - halo);
        batch = derive(from, emitted + take, emitted - from);
        emitted += take;
        int drop = emitted - halo;
        if (drop > 0 && month < input.months().size()) {
            buffer.dropBefore(drop);
            emitted -= drop;
        }
        return true;
    }

    @Override
    public ColumnarBatch get() {
        return batch;
    }

    @Override
    public void close() {
        batch = null;
    }

    /** Derives rows {@code [from, to)} of the buffer and returns those from {@code from + skip} on as columns. */
    private ColumnarBatch derive(int from, int to, int skip) {
        SeriesBuffer.Cut cut = buffer.cut(from, to);
        Derived d;
        try {
            d = pipeline.apply(cut.table());
        } catch (RuntimeException e) {
            throw new IllegalStateException("qlir ops failed on the series " + input.describe() + ": "
                    + e.getMessage(), e);
        }
        StructField[] fields = schema.fields();
        ColumnVector[] cols = new ColumnVector[fields.length];
        cols[0] = ArrayColumnVector.constant(input.symbol());
        cols[1] = ArrayColumnVector.constant(input.interval());
        for (int c = 0; c < Candles.COLUMNS.size(); c++) {
            Object a = cut.columns()[c];
            cols[KEYS + c] = a instanceof double[] values ? ArrayColumnVector.doubles(values, skip)
                    : Candles.TRADES.equals(Candles.COLUMNS.get(c)) ? ArrayColumnVector.longs((long[]) a, skip)
                    : ArrayColumnVector.timestamps((long[]) a, skip);
        }
        for (int k = KEYS + Candles.COLUMNS.size(); k < fields.length; k++) {
            cols[k] = ArrayColumnVector.of(d.table(), fields[k].name(), fields[k].dataType(), skip);
        }
        return new ColumnarBatch(cols, to - from - skip);
    }
}
