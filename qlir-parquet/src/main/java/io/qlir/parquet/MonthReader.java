package io.qlir.parquet;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a month file straight into primitive arrays: column by column, row group by row group, reading the column
 * chunks from the file and decoding their pages directly ({@link PageDecoder}) when every chunk uses encodings and a
 * codec qlir writes, and through Parquet's column readers otherwise (no record assembly, no object per row either
 * way). The file's schema must be {@link CandleSchema}'s
 * (columns found by name, so a file with extra columns reads too); anything else is refused, naming the file.
 *
 * <p>Two footer paths, one answer: qlir's own files (and any plain flat file of the candle columns) are planned
 * from {@link FastFooter}, which parses only the chunk positions; whatever it declines goes through parquet-java's
 * {@code ParquetFileReader}, whose metadata model also names what is wrong with a file qlir cannot read.
 */
final class MonthReader {

    /** A converter that assembles nothing: column readers are used alone, value by value. */
    static final GroupConverter NO_RECORDS = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
            return new PrimitiveConverter() {
            };
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    };

    private MonthReader() {
    }

    /**
     * One set of read options for every file: built on a plain configuration, because the default builder makes a
     * Hadoop {@code Configuration}, which parses Hadoop's XML defaults (tens of milliseconds) every time.
     */
    private static final ParquetReadOptions OPTIONS = ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(ZstdCodecs.INSTANCE).build();

    static ParquetReadOptions options() {
        return OPTIONS;
    }

    /** Only the footer's key-value metadata and the row count. */
    static Footer footer(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), options())) {
            return new Footer(r.getFooter().getFileMetaData().getKeyValueMetaData(), r.getRecordCount());
        }
    }

    /** A month file's footer: key-value metadata and row count. */
    record Footer(Map<String, String> metadata, long rows) {
    }

    /** Reads a whole month file into new columns. */
    static CandleColumns read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            FastFooter f = FastFooter.parse(ch, file);
            if (f != null) {
                CandleColumns out = CandleColumns.unallocated(rowCount(file, f.rows()));
                readChunks(ch, file, f.groups(), out, 0);
                out.allocateAll(); // a file without row groups
                return out;
            }
        }
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), options())) {
            CandleColumns out = CandleColumns.unallocated(rowCount(file, r.getRecordCount()));
            readRows(file, r, out, 0);
            out.allocateAll();
            return out;
        }
    }

    /**
     * Reads a month file's rows into {@code out} from row {@code at} (a series read into one set of arrays, no
     * copy per month); returns the number of rows read.
     */
    static int readInto(Path file, CandleColumns out, int at) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            FastFooter f = FastFooter.parse(ch, file);
            if (f != null) {
                int n = fits(file, rowCount(file, f.rows()), out, at);
                readChunks(ch, file, f.groups(), out, at);
                return n;
            }
        }
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), options())) {
            int n = fits(file, rowCount(file, r.getRecordCount()), out, at);
            readRows(file, r, out, at);
            return n;
        }
    }

    private static int fits(Path file, int n, CandleColumns out, int at) throws IOException {
        if (n > out.size - at) {
            throw new IOException("Parquet file " + file + " has " + n + " rows, more than the " + (out.size - at)
                    + " left for it (the file changed since its footer was read)");
        }
        return n;
    }

    private static int rowCount(Path file, long total) throws IOException {
        if (total > Integer.MAX_VALUE) {
            throw new IOException("Parquet file " + file + " has " + total + " rows; valid: at most "
                    + Integer.MAX_VALUE + " (one series-month)");
        }
        return (int) total;
    }

    private static void readRows(Path file, ParquetFileReader r, CandleColumns out, int from) throws IOException {
        MessageType schema = r.getFooter().getFileMetaData().getSchema();
        ColumnDescriptor[] descs = descriptors(file, schema);
        List<BlockMetaData> blocks = r.getRowGroups();
        List<FastFooter.Group> groups = new ArrayList<>(blocks.size());
        for (BlockMetaData block : blocks) {
            FastFooter.Chunk[] chunks = new FastFooter.Chunk[descs.length];
            for (int c = 0; c < descs.length; c++) {
                ColumnChunkMetaData m = chunk(block, descs[c]);
                if (!PageDecoder.handles(m)) {
                    readWithColumnReaders(file, r, schema, descs, out, from);
                    return;
                }
                chunks[c] = new FastFooter.Chunk(m.getStartingPos(), m.getTotalSize(),
                        m.getCodec() == CompressionCodecName.ZSTD);
            }
            groups.add(new FastFooter.Group(block.getRowCount(), chunks));
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            readChunks(ch, file, groups, out, from);
        }
    }

    /** Every column chunk of every row group straight into the arrays ({@link PageDecoder}). */
    private static void readChunks(FileChannel ch, Path file, List<FastFooter.Group> groups, CandleColumns out,
                                   int from) throws IOException {
        int at = from;
        for (FastFooter.Group g : groups) {
            for (int c = 0; c < g.chunks().length; c++) {
                out.allocate(c);
                int read = PageDecoder.read(ch, file, g.chunks()[c], out.longs[c], out.doubles[c], at);
                if (read != g.rows()) {
                    throw new IOException("Parquet file " + file + ": column '" + names(c) + "' has " + read
                            + " values in a row group of " + g.rows() + " rows");
                }
            }
            at += (int) g.rows();
        }
    }

    /** Every column through Parquet's column readers (a file with encodings {@link PageDecoder} does not read). */
    private static void readWithColumnReaders(Path file, ParquetFileReader r, MessageType schema,
                                              ColumnDescriptor[] descs, CandleColumns out, int from) throws IOException {
        String createdBy = r.getFooter().getFileMetaData().getCreatedBy();
        int at = from;
        PageReadStore pages;
        while ((pages = r.readNextRowGroup()) != null) {
            int n = (int) pages.getRowCount();
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, NO_RECORDS, schema, createdBy);
            for (int c = 0; c < descs.length; c++) {
                out.allocate(c);
                readWithColumnReader(store.getColumnReader(descs[c]), out, c, at, n);
            }
            at += n;
        }
    }

    /** The slow path for encodings {@link PageDecoder} does not read: Parquet's column reader, value by value. */
    private static void readWithColumnReader(ColumnReader cr, CandleColumns out, int c, int at, int n) {
        if (out.longs[c] != null) {
            long[] a = out.longs[c];
            for (int i = at; i < at + n; i++) {
                a[i] = cr.getLong();
                cr.consume();
            }
        } else {
            double[] a = out.doubles[c];
            for (int i = at; i < at + n; i++) {
                a[i] = cr.getDouble();
                cr.consume();
            }
        }
    }

    private static String names(int c) {
        return CandleSchema.columns().get(c);
    }

    private static ColumnChunkMetaData chunk(BlockMetaData group, ColumnDescriptor d) throws IOException {
        for (ColumnChunkMetaData m : group.getColumns()) {
            if (java.util.Arrays.equals(m.getPath().toArray(), d.getPath())) {
                return m;
            }
        }
        throw new IOException("row group without column " + String.join(".", d.getPath()));
    }

    private static ColumnDescriptor[] descriptors(Path file, MessageType schema) throws IOException {
        List<String> names = CandleSchema.columns();
        ColumnDescriptor[] out = new ColumnDescriptor[names.size()];
        for (int c = 0; c < out.length; c++) {
            String name = names.get(c);
            if (!schema.containsField(name)) {
                throw new IOException("Parquet file " + file + " has no column '" + name + "'; valid: a qlir "
                        + "month file with columns " + names);
            }
            ColumnDescriptor d = schema.getColumnDescription(new String[] {name});
            boolean wantLong = CandleSchema.isLong(c);
            String type = d.getPrimitiveType().getPrimitiveTypeName().name();
            if (!type.equals(wantLong ? "INT64" : "DOUBLE") || d.getMaxDefinitionLevel() != 0) {
                throw new IOException("Parquet file " + file + ": column '" + name + "' is "
                        + d.getPrimitiveType() + "; valid: required " + (wantLong ? "INT64" : "DOUBLE"));
            }
            LogicalTypeAnnotation logical = d.getPrimitiveType().getLogicalTypeAnnotation();
            if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t
                    && t.getUnit() != LogicalTypeAnnotation.TimeUnit.MILLIS) {
                throw new IOException("Parquet file " + file + ": column '" + name + "' is " + logical + "; valid: "
                        + "INT64 TIMESTAMP(MILLIS, UTC) or plain INT64 epoch milliseconds");
            }
            out[c] = d;
        }
        return out;
    }
}
