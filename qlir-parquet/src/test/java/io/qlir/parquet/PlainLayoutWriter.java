package io.qlir.parquet;

import io.qlir.data.file.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Month files of the {@code plain-zstd} layout, as the builds before {@code delta-zstd} wrote them: parquet-java's
 * record writer, one record per row through a {@code RecordConsumer}, every column PLAIN (dictionary and
 * BYTE_STREAM_SPLIT off), ZSTD, statistics and page checksums on. The tests use it to show that the reader still
 * reads that layout and that the aggregator rewrites it.
 */
final class PlainLayoutWriter {

    private PlainLayoutWriter() {
    }

    static void write(Path target, CandleColumns cols, int from, int to, Map<String, String> metadata)
            throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.write(target, out -> {
            try (ParquetWriter<Integer> w = new Builder(new MonthWriter.StreamFile(out, target), cols, metadata)
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(ZstdCodecs.INSTANCE)
                    .withCompressionCodec(CompressionCodecName.ZSTD)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withStatisticsEnabled(true)
                    .withDictionaryEncoding(false)
                    .withByteStreamSplitEncoding(false)
                    .withPageWriteChecksumEnabled(true)
                    .build()) {
                for (int i = from; i < to; i++) {
                    w.write(i);
                }
            }
        });
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final CandleColumns cols;
        private final Map<String, String> metadata;

        Builder(OutputFile file, CandleColumns cols, Map<String, String> metadata) {
            super(file);
            this.cols = cols;
            this.metadata = metadata;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
            return new RowSupport(cols, metadata);
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
            return new RowSupport(cols, metadata);
        }
    }

    /** Writes one row of the arrays per record (the record is the row index). */
    private static final class RowSupport extends WriteSupport<Integer> {
        private final CandleColumns cols;
        private final Map<String, String> metadata;
        private RecordConsumer consumer;

        RowSupport(CandleColumns cols, Map<String, String> metadata) {
            this.cols = cols;
            this.metadata = metadata;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(CandleSchema.SCHEMA, new HashMap<>(metadata));
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(CandleSchema.SCHEMA, new HashMap<>(metadata));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Integer row) {
            int i = row;
            RecordConsumer rc = consumer;
            rc.startMessage();
            for (int c = 0; c < CandleSchema.columns().size(); c++) {
                rc.startField(CandleSchema.columns().get(c), c);
                if (cols.longs[c] != null) {
                    rc.addLong(cols.longs[c][i]);
                } else {
                    rc.addDouble(cols.doubles[c][i]);
                }
                rc.endField(CandleSchema.columns().get(c), c);
            }
            rc.endMessage();
        }
    }
}
