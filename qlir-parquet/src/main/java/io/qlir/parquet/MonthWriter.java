package io.qlir.parquet;

import io.qlir.data.file.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
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
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes rows {@code [from, to)} of candle columns as one month file: the {@link CandleSchema} columns, PLAIN encoded
 * (Spark's vectorized reader refuses BYTE_STREAM_SPLIT, so the dataset uses only what every engine reads), ZSTD,
 * statistics on, the given key-value metadata, replaced atomically through {@link AtomicFiles} (temp file, fsync,
 * rename, fsync of the folder), so a reader sees the old file or the new one, never a torn one.
 */
final class MonthWriter {

    private MonthWriter() {
    }

    static void write(Path target, CandleColumns cols, int from, int to, Map<String, String> metadata)
            throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.write(target, out -> {
            try (ParquetWriter<Integer> w = new Builder(new StreamFile(out, target), cols, metadata)
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

    /** Parquet's output over the stream {@link AtomicFiles} hands out; closing it leaves the stream open. */
    private static final class StreamFile implements OutputFile {
        private final OutputStream out;
        private final Path target;

        StreamFile(OutputStream out, Path target) {
            this.out = out;
            this.target = target;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() {
                    return pos;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush(); // AtomicFiles closes, fsyncs and renames
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return target.toString();
        }
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
