package io.qlir.parquet;

import java.nio.charset.StandardCharsets;

/**
 * A reader of Thrift's compact protocol over a byte array, for the Parquet structure qlir's reader parses itself
 * ({@link FastFooter}): field headers, varints, strings and a skip of any value. Parquet's own Thrift path interns
 * every string it reads and builds every field of every structure; this one builds nothing the caller does not ask
 * for. Anything malformed, too deep or out of range is {@link Unusual}, which the caller answers by taking
 * parquet-java's path. (Page headers stay with parquet-java's parser: parsing them here measured no faster.)
 * <pre>{@code
 * for (Fields f = fields(); f.next(); ) { if (f.is(3, I64)) { rows = i64(); } else { skip(f.type); } }
 * }</pre>
 */
class ThriftCompact {

    /** Thrift compact types (the low nibble of a field header). */
    static final int BOOL_TRUE = 1;
    static final int BOOL_FALSE = 2;
    static final int I8 = 3;
    static final int I16 = 4;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int DOUBLE = 7;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int SET = 10;
    static final int MAP = 11;
    static final int STRUCT = 12;

    /** Nesting deeper than this in a skipped value is not a structure qlir's fast paths read. */
    private static final int MAX_DEPTH = 32;

    final byte[] b;
    int pos;
    private final int end;
    private int depth;

    /** Reads {@code b} from {@code from}; past {@code end} everything is {@link Unusual}. */
    ThriftCompact(byte[] b, int from, int end) {
        this.b = b;
        this.pos = from;
        this.end = end;
    }

    /** Thrown for anything the fast paths leave to parquet-java. */
    static final class Unusual extends Exception {
        private static final long serialVersionUID = 1L;

        Unusual() {
            super(null, null, false, false);
        }
    }

    /** The fields of the struct that starts at the position, read one header at a time. */
    Fields fields() {
        return new Fields();
    }

    /** A struct's fields: {@link #next} reads a field's header; the caller reads or skips its value. */
    final class Fields {
        private int last;
        /** The current field's id. */
        int id;
        /** The current field's compact type. */
        int type;

        /** Reads the next field's header; false at the struct's end. */
        boolean next() throws Unusual {
            int h = u8();
            if (h == 0) {
                return false;
            }
            type = h & 0x0F;
            int delta = h >>> 4;
            id = delta != 0 ? last + delta : (short) i64();
            last = id;
            return true;
        }

        /** Whether the current field is {@code fieldId} of {@code fieldType}. */
        boolean is(int fieldId, int fieldType) {
            return id == fieldId && type == fieldType;
        }
    }

    /** A list header whose elements must be of {@code elementType}; returns the list's size. */
    int listSize(int elementType) throws Unusual {
        int h = u8();
        int n = h >>> 4;
        if (n == 15) {
            n = size();
        }
        if (n > 0 && (h & 0x0F) != elementType) {
            throw new Unusual();
        }
        return n;
    }

    /** A string (UTF-8 binary). */
    String string() throws Unusual {
        int n = size();
        if (n > end - pos) {
            throw new Unusual();
        }
        String s = new String(b, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** Skips a value of a compact type (nested lists, sets, maps and structs included). */
    void skip(int type) throws Unusual {
        if (++depth > MAX_DEPTH) {
            throw new Unusual();
        }
        switch (type) {
            case BOOL_TRUE, BOOL_FALSE -> { } // a field's boolean lives in its header
            case I8 -> pos++;
            case I16, I32, I64 -> raw();
            case DOUBLE -> pos += 8;
            case BINARY -> {
                int n = size(); // not "pos += size()": that adds to the position from before the length
                pos += n;
            }
            case LIST, SET -> {
                int h = u8();
                int n = h >>> 4 == 15 ? size() : h >>> 4;
                int element = h & 0x0F;
                for (int i = 0; i < n; i++) {
                    skipElement(element);
                }
            }
            case MAP -> {
                int n = size();
                if (n > 0) {
                    int kv = u8();
                    for (int i = 0; i < n; i++) {
                        skipElement(kv >>> 4);
                        skipElement(kv & 0x0F);
                    }
                }
            }
            case STRUCT -> {
                for (Fields f = fields(); f.next(); ) {
                    skip(f.type);
                }
            }
            default -> throw new Unusual();
        }
        depth--;
        if (pos > end) {
            throw new Unusual();
        }
    }

    /** In a collection a boolean is a byte of its own. */
    private void skipElement(int type) throws Unusual {
        if (type == BOOL_TRUE || type == BOOL_FALSE) {
            pos++;
        } else {
            skip(type);
        }
    }

    /** The next byte. */
    int u8() throws Unusual {
        if (pos >= end) {
            throw new Unusual();
        }
        return b[pos++] & 0xFF;
    }

    /** An i32 value: a zigzag varint. */
    int i32() throws Unusual {
        long v = i64();
        if (v != (int) v) {
            throw new Unusual();
        }
        return (int) v;
    }

    /** An i64 value: a zigzag varint. */
    long i64() throws Unusual {
        long raw = raw();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /**
     * A size or length: a plain varint. Every element of a collection and every byte of a string takes at least a
     * byte, so a size past the bytes left is malformed (and would otherwise size an allocation).
     */
    int size() throws Unusual {
        long v = raw();
        if (v < 0 || v > end - pos) {
            throw new Unusual();
        }
        return (int) v;
    }

    /** A varint of at most ten bytes. */
    private long raw() throws Unusual {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int x = u8();
            v |= (long) (x & 0x7F) << shift;
            if (x < 0x80) {
                return v;
            }
        }
        throw new Unusual();
    }
}
