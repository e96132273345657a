package io.qlir.ops.dataset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The SHA-256 hashes of fingerprints: over slice checksums, or over a table's content. */
final class Hashes {

    private Hashes() {
    }

    /** SHA-256 over each checksum's UTF-8 bytes followed by a newline, in order. */
    static String ofChecksums(List<String> checksums) {
        MessageDigest md = sha256();
        for (String c : checksums) {
            md.update(c.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * SHA-256 over every column's name and type, then its values: integers as 8-byte longs, decimals as their IEEE
     * bits (one canonical NaN), booleans as one byte (2 for missing), anything else as its string and a NUL.
     */
    static String ofTable(Table table) {
        MessageDigest md = sha256();
        ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
        for (Column<?> c : table.columns()) {
            md.update((c.name() + '\0' + c.type().name() + '\0').getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < c.size(); i++) {
                if (buf.remaining() < 8) {
                    flush(md, buf);
                }
                putValue(md, buf, c, i);
            }
            flush(md, buf);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void putValue(MessageDigest md, ByteBuffer buf, Column<?> c, int i) {
        if (c instanceof LongColumn l) {
            buf.putLong(l.getLong(i));
        } else if (c instanceof IntColumn n) {
            buf.putLong(n.getInt(i));
        } else if (c instanceof ShortColumn s) {
            buf.putLong(s.getShort(i));
        } else if (c instanceof DoubleColumn d) {
            buf.putLong(Double.doubleToLongBits(d.getDouble(i)));
        } else if (c instanceof FloatColumn f) {
            buf.putLong(Double.doubleToLongBits(f.getDouble(i)));
        } else if (c instanceof BooleanColumn b) {
            Boolean v = b.get(i);
            buf.put((byte) (v == null ? 2 : v ? 1 : 0));
        } else {
            flush(md, buf);
            md.update((c.getString(i) + '\0').getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void flush(MessageDigest md, ByteBuffer buf) {
        buf.flip();
        md.update(buf);
        buf.clear();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
