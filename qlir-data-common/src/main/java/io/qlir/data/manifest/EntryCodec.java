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
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            throw new BadEntry(null, "an entry is not a JSON object");
        }
        Fields v = new Fields();
        int seen = 0;
        List<String> unknown = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            Integer index = INDEX.get(name);
            if (index == null) {
                unknown.add(name);
                p.skipChildren();
                continue;
            }
            seen |= 1 << index;
            v.set(index, p, t);
        }
        String key = v.text[0];
        if (seen != ALL || !unknown.isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < FIELDS.size(); i++) {
                if ((seen & (1 << i)) == 0) {
                    missing.add(FIELDS.get(i));
                }
            }
            throw new BadEntry(key, "entry does not have the manifest entry shape: "
                    + (missing.isEmpty() ? "" : "missing " + missing + " ") + (unknown.isEmpty() ? "" : "unknown " + unknown));
        }
        return v.build();
    }

    /** Raw field values of one entry while it is read. */
    private static final class Fields {
        final String[] text = new String[FIELDS.size()];
        final Long[] num = new Long[FIELDS.size()];
        final boolean[] bool = new boolean[FIELDS.size()];
        String badType;

        void set(int i, JsonParser p, JsonToken t) throws IOException {
            switch (t) {
                case VALUE_NULL:
                    return;
                case VALUE_STRING:
                    text[i] = p.getText();
                    return;
                case VALUE_NUMBER_INT:
                    num[i] = p.getLongValue();
                    return;
                case VALUE_TRUE:
                case VALUE_FALSE:
                    bool[i] = t == JsonToken.VALUE_TRUE;
                    num[i] = 1L; // marks "present"
                    return;
                default:
                    p.skipChildren();
                    badType = FIELDS.get(i);
            }
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
                SliceVerdict verdict = new SliceVerdict(SliceStatus.CODEC.decode(text[2]),
                        SliceReason.CODEC.decode(text[3]));
                RowSummary rows = null;
                FileStamp file = null;
                if (num[4] != null) {
                    if (num[12] == null || num[13] == null) {
                        throw new BadEntry(keyText, "entry has n_items but no file_size/file_mtime_ms");
                    }
                    rows = new RowSummary(num[4].intValue(), orZero(num[5]), orZero(num[6]), intOf(num[7]),
                            intOf(num[8]), intOf(num[9]), intOf(num[10]));
                    file = new FileStamp(num[12], num[13], text[14]);
                } else if (num[12] != null) {
                    throw new BadEntry(keyText, "entry has a file_size but no n_items");
                }
                SliceEntry e = new SliceEntry(key, verdict, rows, file, time(text[16], "completed_at", keyText),
                        time(text[15], "requested_at", keyText), num[17] == null ? null : num[17].intValue(),
                        text[19], bool[18]);
                return new Read(e, text[1], text[11]);
            } catch (IllegalArgumentException e) {
                throw new BadEntry(keyText, e.getMessage());
            }
        }

        private static long orZero(Long v) {
            return v == null ? 0 : v;
        }

        private static int intOf(Long v) {
            return v == null ? 0 : v.intValue();
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
