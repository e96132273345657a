package io.qlir.data.manifest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The one entry shape, read and written with Jackson streaming (no tree per entry). */
final class EntryCodec {

    static final List<String> FIELDS = List.of("slice_comp_key", "slice_id", "slice_status", "slice_status_reason",
            "n_items", "received_first_open", "received_last_open", "gaps", "duplicates", "unordered", "misplaced",
            "relative_path", "file_size", "file_mtime_ms", "data_sha256", "requested_at", "completed_at", "http_status",
            "off_grid", "error");
    private static final int ALL = (1 << FIELDS.size()) - 1;
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < FIELDS.size(); i++) {
            INDEX.put(FIELDS.get(i), i);
        }
    }

    /** A shape or value error in one entry; the message names the field. */
    static final class BadEntry extends Exception {
        private static final long serialVersionUID = 1L;
        final String sliceKey;

        BadEntry(String sliceKey, String message) {
            super(message, null, false, false);
            this.sliceKey = sliceKey;
        }
    }

    /** An entry as read, with the two fields the record derives instead of storing. */
    record Read(SliceEntry entry, String sliceId, String relativePath) {
    }

    private EntryCodec() {
    }

    static void write(JsonGenerator g, SliceEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("slice_comp_key", e.key().canonical());
        g.writeStringField("slice_id", e.id().hex());
        g.writeStringField("slice_status", e.verdict().status().wireCode());
        g.writeStringField("slice_status_reason", e.verdict().reason().wireCode());
        RowSummary r = e.rows();
        boolean rows = r != null;
        number(g, "n_items", rows ? (long) r.count() : null);
        number(g, "received_first_open", rows && r.count() > 0 ? r.firstOpenMs() : null);
        number(g, "received_last_open", rows && r.count() > 0 ? r.lastOpenMs() : null);
        number(g, "gaps", rows ? (long) r.gaps() : null);
        number(g, "duplicates", rows ? (long) r.duplicates() : null);
        number(g, "unordered", rows ? (long) r.unordered() : null);
        number(g, "misplaced", rows ? (long) r.misplaced() : null);
        FileStamp f = e.file();
        string(g, "relative_path", e.relativePath());
        number(g, "file_size", f == null ? null : f.size());
        number(g, "file_mtime_ms", f == null ? null : f.mtimeMs());
        string(g, "data_sha256", f == null ? null : f.dataSha256());
        string(g, "requested_at", e.requestedAt() == null ? null : e.requestedAt().toString());
        string(g, "completed_at", e.completedAt() == null ? null : e.completedAt().toString());
        number(g, "http_status", e.httpStatus() == null ? null : (long) e.httpStatus());
        g.writeBooleanField("off_grid", e.offGrid());
        string(g, "error", e.error());
        g.writeEndObject();
    }

    /** Reads one entry object; the parser is on its START_OBJECT and ends on its END_OBJECT. */
    static Read read(JsonParser p) throws IOException, BadEntry {
        return read(p, true);
    }

    /**
     * Reads one entry object. Without {@code keepDerived} the two fields the entry derives from its key
     * ({@code slice_id}, {@code relative_path}) are checked for shape but not materialized (reconcile of 170,000
     * entries does not need them).
     */
    static Read read(JsonParser p, boolean keepDerived) throws IOException, BadEntry {
        return read(p, keepDerived, new Fields());
    }

    /** Reads entries one after another, reusing its scratch space (one reader per manifest load). */
    static final class Reader {
        private final boolean keepDerived;
        private final Fields fields = new Fields();

        Reader(boolean keepDerived) {
            this.keepDerived = keepDerived;
        }

        Read read(JsonParser p) throws IOException, BadEntry {
            fields.reset();
            return EntryCodec.read(p, keepDerived, fields);
        }
    }

    private static Read read(JsonParser p, boolean keepDerived, Fields v) throws IOException, BadEntry {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            throw new BadEntry(null, "an entry is not a JSON object");
        }
        int seen = 0;
        List<String> unknown = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            Integer index = INDEX.get(name);
            if (index == null) {
                unknown = unknown == null ? new ArrayList<>() : unknown;
                unknown.add(name);
                p.skipChildren();
                continue;
            }
            seen |= 1 << index;
            v.set(index, p, t, keepDerived || (index != SLICE_ID && index != RELATIVE_PATH));
        }
        String key = v.text[0];
        if (seen != ALL || unknown != null) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < FIELDS.size(); i++) {
                if ((seen & (1 << i)) == 0) {
                    missing.add(FIELDS.get(i));
                }
            }
            throw new BadEntry(key, "entry does not have the manifest entry shape: "
                    + (missing.isEmpty() ? "" : "missing " + missing + " ") + (unknown == null ? "" : "unknown " + unknown));
        }
        return v.build();
    }

    private static final int SLICE_ID = 1;
    private static final int STATUS = 2;
    private static final int REASON = 3;
    private static final int RELATIVE_PATH = 11;
    private static final int REQUESTED_AT = 15;
    private static final int COMPLETED_AT = 16;
    private static final char[][] STATUS_CODES = codes(SliceStatus.CODEC.codes());
    private static final char[][] REASON_CODES = codes(SliceReason.CODEC.codes());
    private static final SliceVerdict[][] VERDICTS = new SliceVerdict[SliceStatus.values().length][];

    static {
        for (SliceStatus s : SliceStatus.values()) {
            VERDICTS[s.ordinal()] = new SliceVerdict[SliceReason.values().length];
            for (SliceReason r : SliceReason.values()) {
                VERDICTS[s.ordinal()][r.ordinal()] = new SliceVerdict(s, r);
            }
        }
    }

    private static char[][] codes(List<String> codes) {
        char[][] out = new char[codes.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = codes.get(i).toCharArray();
        }
        return out;
    }

    /** The index of the wire code the parser's current string equals, or -1 (then it is read as text). */
    private static int code(JsonParser p, char[][] codes) throws IOException {
        char[] a = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        for (int c = 0; c < codes.length; c++) {
            if (codes[c].length == len && java.util.Arrays.equals(codes[c], 0, len, a, off, off + len)) {
                return c;
            }
        }
        return -1;
    }

    /** Raw field values of one entry while it is read (numbers unboxed; a bit per field that was not null). */
    private static final class Fields {
        final String[] text = new String[FIELDS.size()];
        final long[] num = new long[FIELDS.size()];
        final Instant[] times = new Instant[2];
        int present;
        boolean offGrid;
        String badType;

        void reset() {
            java.util.Arrays.fill(text, null);
            times[0] = null;
            times[1] = null;
            present = 0;
            offGrid = false;
            badType = null;
        }

        void set(int i, JsonParser p, JsonToken t, boolean keepText) throws IOException {
            switch (t) {
                case VALUE_NULL:
                    return;
                case VALUE_STRING:
                    present |= 1 << i;
                    if (i == STATUS || i == REASON) {
                        int code = code(p, i == STATUS ? STATUS_CODES : REASON_CODES);
                        if (code >= 0) {
                            num[i] = code;
                            return;
                        }
                    } else if (i == REQUESTED_AT || i == COMPLETED_AT) {
                        Instant at = null;
                        try {
                            at = Instants.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        } catch (DateTimeParseException e) {
                            // read as text: build() reports it with the field name
                        }
                        if (at != null) {
                            times[i - REQUESTED_AT] = at;
                            return;
                        }
                    }
                    if (keepText) {
                        text[i] = p.getText();
                    }
                    return;
                case VALUE_NUMBER_INT:
                    num[i] = p.getLongValue();
                    present |= 1 << i;
                    return;
                case VALUE_TRUE:
                case VALUE_FALSE:
                    offGrid = t == JsonToken.VALUE_TRUE;
                    present |= 1 << i;
                    return;
                default:
                    p.skipChildren();
                    badType = FIELDS.get(i);
            }
        }

        private boolean has(int i) {
            return (present & (1 << i)) != 0;
        }

        private long orZero(int i) {
            return has(i) ? num[i] : 0;
        }

        private Long longOrNull(int i) {
            return has(i) ? num[i] : null;
        }

        Read build() throws BadEntry {
            String keyText = text[0];
            if (badType != null) {
                throw new BadEntry(keyText, "field '" + badType + "' has the wrong JSON type");
            }
            if (keyText == null) {
                throw new BadEntry(null, "entry has no slice_comp_key");
            }
            try {
                SliceKey key = SliceKey.parse(keyText);
                SliceStatus status = text[STATUS] != null ? SliceStatus.CODEC.decode(text[STATUS])
                        : has(STATUS) ? SliceStatus.values()[(int) num[STATUS]] : SliceStatus.CODEC.decode(null);
                SliceReason reason = text[REASON] != null ? SliceReason.CODEC.decode(text[REASON])
                        : has(REASON) ? SliceReason.values()[(int) num[REASON]] : SliceReason.CODEC.decode(null);
                SliceVerdict verdict = VERDICTS[status.ordinal()][reason.ordinal()];
                RowSummary rows = null;
                FileStamp file = null;
                if (has(4)) {
                    if (!has(12) || !has(13)) {
                        throw new BadEntry(keyText, "entry has n_items but no file_size/file_mtime_ms");
                    }
                    rows = new RowSummary((int) num[4], orZero(5), orZero(6), (int) orZero(7), (int) orZero(8),
                            (int) orZero(9), (int) orZero(10));
                    file = new FileStamp(num[12], num[13], text[14]);
                } else if (has(12)) {
                    throw new BadEntry(keyText, "entry has a file_size but no n_items");
                }
                Long http = longOrNull(17);
                Instant completedAt = times[1] != null ? times[1] : time(text[COMPLETED_AT], "completed_at", keyText);
                Instant requestedAt = times[0] != null ? times[0] : time(text[REQUESTED_AT], "requested_at", keyText);
                SliceEntry e = new SliceEntry(key, verdict, rows, file, completedAt, requestedAt,
                        http == null ? null : http.intValue(), text[19], offGrid);
                return new Read(e, text[SLICE_ID], text[RELATIVE_PATH]);
            } catch (IllegalArgumentException e) {
                throw new BadEntry(keyText, e.getMessage());
            }
        }

        private static Instant time(String s, String field, String key) throws BadEntry {
            if (s == null) {
                return null;
            }
            try {
                return Instants.parse(s);
            } catch (DateTimeParseException e) {
                throw new BadEntry(key, "field '" + field + "' is not an ISO-8601 instant: '" + s + "'");
            }
        }
    }

    private static void number(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }
}
