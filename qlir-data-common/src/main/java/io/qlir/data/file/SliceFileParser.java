package io.qlir.data.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qlir.data.file.SliceScan.Problem;
import java.io.IOException;
import java.util.Arrays;

/** One streaming pass over a slice file's bytes; how much of the rows it keeps depends on {@link Rows}. */
final class SliceFileParser {

    enum Rows {
        /** Skip the rows (meta only). */
        SKIP,
        /** Read each row's open time, streaming when the row format allows it. */
        OPEN_TIMES,
        /** Keep the rows as a tree (and their open times). */
        TREE
    }

    /** A known defect of the file's content. */
    static final class Defect extends Exception {
        private static final long serialVersionUID = 1L;
        final Problem problem;

        Defect(Problem problem, String message) {
            super(message, null, false, false);
            this.problem = problem;
        }
    }

    record Result(SliceMeta meta, ArrayNode rows, long[] openTimes, int dataStart, int dataEnd) {
    }

    private SliceFileParser() {
    }

    static Result parse(byte[] bytes, RowFormat format, Rows rows) throws Defect {
        if (bytes.length == 0) {
            throw new Defect(Problem.ZERO_BYTE, "the file is empty (0 bytes)");
        }
        try (JsonParser p = Json.FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Defect(Problem.MALFORMED, "not a JSON object; valid: {\"meta\": {...}, \"data\": [...]}");
            }
            ObjectNode meta = null;
            ArrayNode tree = null;
            long[] opens = null;
            int dataStart = -1;
            int dataEnd = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("meta".equals(name)) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new Defect(Problem.BAD_META, "'meta' is not a JSON object");
                    }
                    meta = p.readValueAsTree();
                } else if ("data".equals(name)) {
                    if (t != JsonToken.START_ARRAY) {
                        throw new Defect(Problem.BAD_ROWS, "'data' is not a JSON array");
                    }
                    dataStart = (int) p.currentTokenLocation().getByteOffset();
                    Data data = readData(p, format, rows);
                    tree = data.tree();
                    opens = data.opens();
                    dataEnd = (int) p.currentLocation().getByteOffset();
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new Defect(Problem.MALFORMED, "unexpected content after the top-level object");
            }
            if (meta == null) {
                throw new Defect(Problem.BAD_META, "no 'meta' object");
            }
            if (dataStart < 0) {
                throw new Defect(Problem.BAD_ROWS, "no 'data' array");
            }
            return new Result(readMeta(meta), tree, opens, dataStart, dataEnd);
        } catch (JsonEOFException e) {
            throw new Defect(Problem.TRUNCATED, "the JSON ends early at byte " + bytes.length + " ("
                    + e.getOriginalMessage() + ")");
        } catch (JsonProcessingException e) {
            throw new Defect(Problem.MALFORMED, e.getOriginalMessage() + " at byte "
                    + e.getLocation().getByteOffset());
        } catch (IOException e) {
            throw new Defect(Problem.MALFORMED, e.toString());
        }
    }

    /** The data array as read: the tree (when kept) and the open times (unless skipped). */
    private record Data(ArrayNode tree, long[] opens) {
    }

    /** Reads the data array as asked: skipped, open times streamed, or a tree. */
    private static Data readData(JsonParser p, RowFormat format, Rows rows) throws IOException, Defect {
        if (rows == Rows.SKIP) {
            p.skipChildren();
            return new Data(null, null);
        }
        if (rows == Rows.OPEN_TIMES && format instanceof RowFormat.ArrayElement) {
            return new Data(null, streamOpenTimes(p, ((RowFormat.ArrayElement) format).index()));
        }
        ArrayNode tree = p.readValueAsTree();
        long[] opens = treeOpenTimes(tree, format);
        return new Data(rows == Rows.TREE ? tree : null, opens);
    }

    private static SliceMeta readMeta(ObjectNode meta) throws Defect {
        try {
            return MetaCodec.read(meta);
        } catch (IllegalArgumentException e) {
            throw new Defect(Problem.BAD_META, e.getMessage());
        }
    }

    private static long[] streamOpenTimes(JsonParser p, int index) throws IOException, Defect {
        long[] out = new long[1024];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                throw new Defect(Problem.BAD_ROWS, "row " + n + " is not a JSON array");
            }
            boolean found = false;
            int i = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (i == index) {
                    if (t != JsonToken.VALUE_NUMBER_INT) {
                        throw new Defect(Problem.BAD_ROWS, "row " + n + " has no integral open time at index " + index);
                    }
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n] = p.getLongValue();
                    found = true;
                } else {
                    p.skipChildren();
                }
                i++;
            }
            if (!found) {
                throw new Defect(Problem.BAD_ROWS, "row " + n + " has " + i + " elements; the open time is at index "
                        + index);
            }
            n++;
        }
        return Arrays.copyOf(out, n);
    }

    private static long[] treeOpenTimes(ArrayNode rows, RowFormat format) throws Defect {
        long[] out = new long[rows.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = rows.get(i);
            try {
                out[i] = format.openTime(row);
            } catch (IllegalArgumentException e) {
                throw new Defect(Problem.BAD_ROWS, "row " + i + ": " + e.getMessage());
            }
        }
        return out;
    }
}
