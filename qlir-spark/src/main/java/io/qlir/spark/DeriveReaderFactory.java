package io.qlir.spark;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Sent to executors: makes one {@link SeriesChunkReader} per series. Reads are columnar, so Spark copies the values
 * out of qlir's arrays with its generated code; the row reader (for a caller that asks rows) walks the same batches.
 * Holds only the op text, the two schemas (as the files read, as Spark gets it) and two numbers, so it serializes small.
 */
final class DeriveReaderFactory implements PartitionReaderFactory {

    private static final long serialVersionUID = 1L;

    private final String opsText;
    private final StructType read;
    private final StructType schema;
    private final int chunkRows;
    private final int halo;

    DeriveReaderFactory(String opsText, StructType read, StructType schema, int chunkRows, int halo) {
        this.opsText = opsText;
        this.read = read;
        this.schema = schema;
        this.chunkRows = chunkRows;
        this.halo = halo;
    }

    @Override
    public boolean supportColumnarReads(InputPartition partition) {
        return true;
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
        return new SeriesChunkReader((SeriesInput) partition, opsText, read, schema, chunkRows, halo);
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        PartitionReader<ColumnarBatch> batches = createColumnarReader(partition);
        return new PartitionReader<>() {
            private Iterator<InternalRow> rows = Collections.emptyIterator();
            private InternalRow current;

            @Override
            public boolean next() throws IOException {
                while (!rows.hasNext()) {
                    if (!batches.next()) {
                        return false;
                    }
                    rows = batches.get().rowIterator();
                }
                current = rows.next();
                return true;
            }

            @Override
            public InternalRow get() {
                return current;
            }

            @Override
            public void close() throws IOException {
                batches.close();
            }
        };
    }
}
