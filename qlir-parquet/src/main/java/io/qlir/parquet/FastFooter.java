package io.qlir.parquet;

import io.qlir.parquet.ThriftCompact.Unusual;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few footer fields the reader's fast path needs, parsed straight from a Parquet footer's Thrift compact bytes:
 * the row count, and for each row group the position, size and codec of each candle column's chunk. parquet-java's
 * footer path (its Thrift structures with every string interned, then its metadata model with statistics,
 * stringifiers and column orders) took about 60 µs per month file, more than a nanosecond per candle of a
 * one-minute month; this parse reads the same bytes and builds nothing it does not use.
 *
 * <p>It is an accelerator, not a second validator: {@link #parse} answers null for anything it does not recognise
 * as plainly qlir's (an encrypted footer, a nested or missing candle column, another type or repetition, a timestamp
 * unit other than milliseconds, a chunk in another file, an encoding or codec {@link PageDecoder} does not read, or
 * bytes it cannot parse), and the reader then takes parquet-java's path, which reads the file or says precisely
 * why not.
 * <pre>{@code
 * FastFooter f = FastFooter.parse(channel, file);   // null: use ParquetFileReader
 * }</pre>
 */
record FastFooter(long rows, List<Group> groups) {

    /** Parquet's enums as numbered in parquet.thrift. */
    private static final int TYPE_INT64 = 2;
    private static final int TYPE_DOUBLE = 5;
    private static final int REQUIRED = 0;
    private static final int CODEC_UNCOMPRESSED = 0;
    private static final int CODEC_ZSTD = 6;
    private static final int CONVERTED_TIMESTAMP_MILLIS = 9;
    private static final int CONVERTED_TIMESTAMP_MICROS = 10;
    /** PLAIN, RLE, BIT_PACKED, DELTA_BINARY_PACKED, BYTE_STREAM_SPLIT: the encodings {@link PageDecoder} reads. */
    private static final long READ_ENCODINGS = 1L | 1L << 3 | 1L << 4 | 1L << 5 | 1L << 9;
    private static final int MAX_FOOTER = 64 << 20;
    /** "PAR1" read as a little-endian int: the magic that ends a Parquet file. */
    private static final int PAR1 = 0x31524150;

    /** A column chunk: where its pages start, their bytes in all, and whether they are ZSTD (else uncompressed). */
    record Chunk(long start, long size, boolean zstd) {
    }

    /** A row group: its rows and the chunks of the candle columns, in {@link CandleSchema#columns()} order. */
    record Group(long rows, Chunk[] chunks) {
    }

    /** The footer of {@code file}, or null when the fast path should not read it (see the class comment). */
    static FastFooter parse(FileChannel ch, Path file) throws IOException {
        long size = ch.size();
        long length = length(ch, file, size);
        if (length <= 0 || length > MAX_FOOTER) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) length);
        PageDecoder.readFully(ch, file, bytes, size - 8 - length);
        try {
            return new Parse(bytes.array()).fileMetaData();
        } catch (Unusual e) {
            return null;
        }
    }

    /**
     * The length of the footer that ends a Parquet file of {@code size} bytes ({@code <footer><length>PAR1}), or -1
     * when the file does not end as an unencrypted Parquet file does ("PARE" ends an encrypted footer).
     */
    static long length(FileChannel ch, Path file, long size) throws IOException {
        if (size < 12) {
            return -1;
        }
        ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        PageDecoder.readFully(ch, file, tail, size - 8);
        long length = Integer.toUnsignedLong(tail.getInt(0));
        return tail.getInt(4) == PAR1 && length <= size - 12 ? length : -1;
    }

    /** One parse of the footer's bytes. */
    private static final class Parse extends ThriftCompact {
        private final List<String> names = CandleSchema.columns();

        Parse(byte[] b) {
            super(b, 0, b.length);
        }

        /** FileMetaData: 2 schema, 3 num_rows, 4 row_groups; 8 encryption_algorithm (a plaintext-footer file). */
        FastFooter fileMetaData() throws Unusual {
            long rows = -1;
            boolean schemaOk = false;
            List<Group> groups = null;
            for (Fields f = fields(); f.next(); ) {
                if (f.is(2, LIST)) {
                    schemaOk = schema();
                } else if (f.is(3, I64)) {
                    rows = i64();
                } else if (f.is(4, LIST)) {
                    groups = rowGroups();
                } else if (f.id == 8) {
                    throw new Unusual();
                } else {
                    skip(f.type);
                }
            }
            if (!schemaOk || rows < 0 || groups == null || sumOfRows(groups) != rows) {
                throw new Unusual(); // parquet-java counts the row groups' rows
            }
            return new FastFooter(rows, groups);
        }

        private static long sumOfRows(List<Group> groups) throws Unusual {
            long sum = 0;
            for (Group g : groups) {
                if (g.rows() < 0 || sum > Long.MAX_VALUE - g.rows()) {
                    throw new Unusual();
                }
                sum += g.rows();
            }
            return sum;
        }

        /** The schema's elements: a root whose children are flat, with every candle column as qlir writes it. */
        private boolean schema() throws Unusual {
            int n = listSize(STRUCT);
            boolean[] seen = new boolean[names.size()];
            int children = -1;
            for (int e = 0; e < n; e++) {
                Element el = element();
                if (e == 0) {
                    children = el.children;
                    if (children != n - 1) {
                        throw new Unusual(); // nested fields: parquet-java's path finds the columns by name
                    }
                    continue;
                }
                if (el.children > 0) {
                    throw new Unusual(); // a group: the root's child count no longer says where the columns are
                }
                int c = el.name == null ? -1 : names.indexOf(el.name);
                if (c < 0) {
                    continue; // an extra column, read by no one
                }
                if (el.repetition != REQUIRED || el.type != physicalType(c) || el.timestampUnit > 1 || seen[c]) {
                    throw new Unusual();
                }
                seen[c] = true;
            }
            for (boolean s : seen) {
                if (!s) {
                    throw new Unusual();
                }
            }
            return true;
        }

        private static int physicalType(int column) {
            return CandleSchema.isLong(column) ? TYPE_INT64 : TYPE_DOUBLE;
        }

        /** A SchemaElement's 1 type, 3 repetition_type, 4 name, 5 num_children, 6 converted_type, 10 logicalType. */
        private Element element() throws Unusual {
            Element el = new Element();
            for (Fields f = fields(); f.next(); ) {
                if (f.is(1, I32)) {
                    el.type = i32();
                } else if (f.is(3, I32)) {
                    el.repetition = i32();
                } else if (f.is(4, BINARY)) {
                    el.name = string();
                } else if (f.is(5, I32)) {
                    el.children = i32();
                } else if (f.is(6, I32)) {
                    int converted = i32();
                    if (converted == CONVERTED_TIMESTAMP_MICROS) {
                        el.timestampUnit = Math.max(el.timestampUnit, 2);
                    } else if (converted == CONVERTED_TIMESTAMP_MILLIS) {
                        el.timestampUnit = Math.max(el.timestampUnit, 1);
                    }
                } else if (f.is(10, STRUCT)) {
                    el.timestampUnit = Math.max(el.timestampUnit, logicalTimestampUnit());
                } else {
                    skip(f.type);
                }
            }
            return el;
        }

        /**
         * LogicalType, a union: 8 TIMESTAMP(1 isAdjustedToUTC, 2 unit: a union of 1 MILLIS, 2 MICROS, 3 NANOS).
         * Returns 0 for another logical type, 1 for milliseconds, 2 for a finer unit.
         */
        private int logicalTimestampUnit() throws Unusual {
            int unit = 0;
            for (Fields f = fields(); f.next(); ) {
                if (f.is(8, STRUCT)) {
                    for (Fields timestamp = fields(); timestamp.next(); ) {
                        if (timestamp.is(2, STRUCT)) {
                            unit = unionField() == 1 ? 1 : 2;
                        } else {
                            skip(timestamp.type);
                        }
                    }
                } else {
                    skip(f.type);
                }
            }
            return unit;
        }

        /** The id of the one field a union struct has set (its value skipped). */
        private int unionField() throws Unusual {
            int set = 0;
            for (Fields f = fields(); f.next(); ) {
                set = f.id;
                skip(f.type);
            }
            return set;
        }

        /** The row groups: 1 columns, 3 num_rows. */
        private List<Group> rowGroups() throws Unusual {
            int n = listSize(STRUCT);
            List<Group> out = new ArrayList<>(n);
            for (int g = 0; g < n; g++) {
                long rows = -1;
                Chunk[] chunks = new Chunk[names.size()];
                for (Fields f = fields(); f.next(); ) {
                    if (f.is(1, LIST)) {
                        int columns = listSize(STRUCT);
                        for (int c = 0; c < columns; c++) {
                            columnChunk(chunks);
                        }
                    } else if (f.is(3, I64)) {
                        rows = i64();
                    } else {
                        skip(f.type);
                    }
                }
                if (rows < 0 || Arrays.asList(chunks).contains(null)) {
                    throw new Unusual();
                }
                out.add(new Group(rows, chunks));
            }
            return out;
        }

        /** A ColumnChunk: 1 file_path (elsewhere), 3 meta_data, 8 and 9 (encrypted columns). */
        private void columnChunk(Chunk[] into) throws Unusual {
            for (Fields f = fields(); f.next(); ) {
                if (f.is(3, STRUCT)) {
                    columnMetaData(into);
                } else if (f.id == 1 || f.id == 8 || f.id == 9) {
                    throw new Unusual();
                } else {
                    skip(f.type);
                }
            }
        }

        /**
         * ColumnMetaData: 1 type, 2 encodings, 3 path_in_schema, 4 codec, 7 total_compressed_size, 9 data_page_offset,
         * 11 dictionary_page_offset.
         */
        private void columnMetaData(Chunk[] into) throws Unusual {
            int column = -1;
            int type = -1;
            int codec = -1;
            long size = -1;
            long data = -1;
            long dictionary = 0;
            for (Fields f = fields(); f.next(); ) {
                if (f.is(1, I32)) {
                    type = i32();
                } else if (f.is(2, LIST)) {
                    int n = listSize(I32);
                    for (int i = 0; i < n; i++) {
                        int encoding = i32();
                        if (encoding < 0 || encoding > 63 || (READ_ENCODINGS & 1L << encoding) == 0) {
                            throw new Unusual();
                        }
                    }
                } else if (f.is(3, LIST)) {
                    int n = listSize(BINARY);
                    String first = n > 0 ? string() : null;
                    for (int i = 1; i < n; i++) {
                        skip(BINARY);
                    }
                    column = n == 1 ? names.indexOf(first) : -1;
                } else if (f.is(4, I32)) {
                    codec = i32();
                } else if (f.is(7, I64)) {
                    size = i64();
                } else if (f.is(9, I64)) {
                    data = i64();
                } else if (f.is(11, I64)) {
                    dictionary = i64();
                } else {
                    skip(f.type);
                }
            }
            if (column < 0) {
                return; // an extra column
            }
            if ((codec != CODEC_ZSTD && codec != CODEC_UNCOMPRESSED) || type != physicalType(column) || size < 0
                    || data < 0 || into[column] != null) {
                throw new Unusual();
            }
            // parquet-java's ColumnChunkMetaData.getStartingPos: a dictionary page, when there is one, comes first
            long start = dictionary > 0 && dictionary < data ? dictionary : data;
            into[column] = new Chunk(start, size, codec == CODEC_ZSTD);
        }
    }

    /** The fields of a SchemaElement the parse checks. */
    private static final class Element {
        int type = -1;
        int repetition = -1;
        String name;
        int children;
        int timestampUnit;
    }
}
