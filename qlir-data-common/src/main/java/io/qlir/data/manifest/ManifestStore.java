package io.qlir.data.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.core.Interval;
import io.qlir.data.file.AtomicFiles;
import io.qlir.data.manifest.ManifestLoad.Kind;
import io.qlir.data.manifest.ManifestLoad.Problem;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;

/** Reads and writes {@code manifest.json}, and replays {@code manifest.journal} over it. */
final class ManifestStore {

    static final String FORMAT = "qlir-manifest";
    static final int VERSION = 1;
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonFactory FACTORY = MAPPER.getFactory();

    private ManifestStore() {
    }

    /** The manifest.json header as read. */
    private static final class Header {
        String format;
        Long version;
        String venue;
        String endpoint;
        String symbol;
        String interval;
        Long limit;
        Long anchor;
        JsonNode summary;
        final List<EntryCodec.Read> entries = new ArrayList<>();

        SliceSeries series() {
            try {
                return new SliceSeries(venue, endpoint, symbol, Interval.parse(interval),
                        limit == null ? 0 : limit.intValue());
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    static ManifestLoad load(Path dir) throws IOException {
        return load(dir, true);
    }

    static ManifestLoad load(Path dir, boolean checkInvariants) throws IOException {
        return load(StoreSource.local(dir), dir, checkInvariants);
    }

    /** Reads a directory's manifest and journal through a source (the whole manifest in memory, then parsed). */
    static ManifestLoad load(StoreSource source, Path dir, boolean checkInvariants) throws IOException {
        List<Problem> problems = new ArrayList<>();
        InputStream manifest = openIfPresent(source, dir.resolve(Layout.MANIFEST));
        boolean found = manifest != null;
        boolean foreign = false;
        Header h = null;
        if (found) {
            try (InputStream in = manifest) {
                h = readHeader(in, problems, checkInvariants);
            } catch (JsonProcessingException e) {
                problems.add(new Problem(Kind.STRUCTURE, Layout.MANIFEST, null, "not valid JSON: "
                        + e.getOriginalMessage() + " at byte " + e.getLocation().getByteOffset()));
                foreign = true;
            }
            if (h != null && (!FORMAT.equals(h.format) || h.version == null || h.version != VERSION)) {
                problems.add(new Problem(Kind.STRUCTURE, Layout.MANIFEST, null, "not a qlir manifest (format '"
                        + h.format + "', version " + h.version + "; valid: format '" + FORMAT + "', version " + VERSION
                        + "); written by another tool?"));
                foreign = true;
            }
        }
        SliceSeries fromPath = seriesFromPath(dir);
        SliceSeries series = fromPath;
        if (h != null && !foreign) {
            SliceSeries declared = h.series();
            if (declared == null) {
                problems.add(new Problem(Kind.STRUCTURE, Layout.MANIFEST, null,
                        "header does not name a valid series (venue, endpoint, symbol, interval, limit)"));
            } else if (fromPath != null && !declared.equals(fromPath)) {
                problems.add(new Problem(Kind.INVARIANT, Layout.MANIFEST, null, "header names series " + declared
                        + " but the directory is " + fromPath));
            } else {
                series = declared;
            }
        }
        if (series == null) {
            return new ManifestLoad(null, found, foreign, 0, problems);
        }
        TreeMap<Long, SliceEntry> entries = new TreeMap<>();
        if (h != null && !foreign) {
            for (int i = 0; i < h.entries.size(); i++) {
                apply(series, h.entries.get(i), Layout.MANIFEST + " slices[", i, entries, checkInvariants,
                        problems, true);
            }
            if (checkInvariants) {
                checkSummary(h.summary, entries, problems);
            }
        }
        int lines = replayJournal(readIfPresent(source, dir.resolve(Layout.JOURNAL)), series, entries,
                checkInvariants, problems);
        Long anchor = h != null && !foreign ? h.anchor : null;
        return new ManifestLoad(new Manifest(series, anchor, entries), found, foreign, lines, problems);
    }

    private static SliceSeries seriesFromPath(Path dir) {
        try {
            return SliceSeries.fromDirectory(dir);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Header readHeader(InputStream in, List<Problem> problems, boolean keepDerived) throws IOException {
        Header h = new Header();
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new Problem(Kind.STRUCTURE, Layout.MANIFEST, null, "not a JSON object"));
                return h;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "format": h.format = t == JsonToken.VALUE_STRING ? p.getText() : null; break;
                    case "version": h.version = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null; break;
                    case "venue": h.venue = text(p, t); break;
                    case "endpoint": h.endpoint = text(p, t); break;
                    case "symbol": h.symbol = text(p, t); break;
                    case "interval": h.interval = text(p, t); break;
                    case "limit": h.limit = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null; break;
                    case "grid_anchor_ms": h.anchor = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null; break;
                    case "summary": h.summary = p.readValueAsTree(); break;
                    case "slices": readEntries(p, t, h, problems, keepDerived); break;
                    default: p.skipChildren();
                }
            }
        }
        return h;
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        return t == JsonToken.VALUE_STRING ? p.getText() : null;
    }

    private static void readEntries(JsonParser p, JsonToken t, Header h, List<Problem> problems, boolean keepDerived)
            throws IOException {
        if (t != JsonToken.START_ARRAY) {
            problems.add(new Problem(Kind.STRUCTURE, Layout.MANIFEST, null, "'slices' is not an array"));
            p.skipChildren();
            return;
        }
        int i = 0;
        EntryCodec.Reader reader = new EntryCodec.Reader(keepDerived);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            try {
                h.entries.add(reader.read(p));
            } catch (EntryCodec.BadEntry e) {
                problems.add(new Problem(Kind.STRUCTURE, Layout.MANIFEST + " slices[" + i + "]", e.sliceKey,
                        e.getMessage()));
            }
            i++;
        }
    }

    /** Adds one entry read from {@code file} at {@code index}; the "where" text is built only for a problem. */
    private static void apply(SliceSeries series, EntryCodec.Read read, String file, int index,
                              Map<Long, SliceEntry> entries, boolean checkInvariants, List<Problem> problems,
                              boolean duplicatesAreProblems) {
        SliceEntry e = read.entry();
        if (!series.contains(e.key())) {
            problems.add(new Problem(Kind.INVARIANT, where(file, index), e.key().canonical(), "entry is not a slice of "
                    + series + "; left out"));
            return;
        }
        if (checkInvariants) {
            String id = e.id().hex();
            if (!id.equals(read.sliceId())) {
                problems.add(new Problem(Kind.INVARIANT, where(file, index), e.key().canonical(), "slice_id '"
                        + read.sliceId() + "' is not the hash of the key; expected '" + id + "'"));
            }
            if (!isRelativePathOf(read.relativePath(), e)) {
                problems.add(new Problem(Kind.INVARIANT, where(file, index), e.key().canonical(), "relative_path '"
                        + read.relativePath() + "'; expected '" + e.relativePath() + "'"));
            }
        }
        if (entries.put(e.key().startMs(), e) != null && duplicatesAreProblems) {
            problems.add(new Problem(Kind.STRUCTURE, where(file, index), e.key().canonical(),
                    "a second entry for the same slice"));
        }
    }

    private static String where(String file, int index) {
        return file.endsWith("[") ? file + index + "]" : file + index;
    }

    /** Whether a stored relative path is {@code responses/<id>.json} of the entry (null when it has no file). */
    private static boolean isRelativePathOf(String stored, SliceEntry e) {
        if (!e.hasFile()) {
            return stored == null;
        }
        String id = e.id().hex();
        int prefix = Layout.RESPONSES.length() + 1;
        return stored != null && stored.length() == prefix + id.length() + 5 && stored.startsWith(Layout.RESPONSES)
                && stored.charAt(prefix - 1) == '/' && stored.regionMatches(prefix, id, 0, id.length())
                && stored.endsWith(".json");
    }

    private static void checkSummary(JsonNode summary, Map<Long, SliceEntry> entries, List<Problem> problems) {
        ManifestSummary actual = ManifestSummary.of(entries.values());
        if (summary == null || !summary.isObject()) {
            problems.add(new Problem(Kind.STRUCTURE, Layout.MANIFEST, null, "no 'summary' object"));
            return;
        }
        JsonNode byStatus = summary.path("by_status");
        boolean same = summary.path("total").asLong(-1) == actual.total();
        long sum = 0;
        for (SliceStatus s : SliceStatus.values()) {
            long n = byStatus.path(s.wireCode()).asLong(-1);
            sum += n;
            same &= n == actual.count(s);
        }
        if (!same) {
            problems.add(new Problem(Kind.STRUCTURE, Layout.MANIFEST, null, "stored summary " + summary
                    + " disagrees with the entries: " + actual.describe()));
        } else if (sum != actual.total()) {
            problems.add(new Problem(Kind.STRUCTURE, Layout.MANIFEST, null, "stored summary counts do not sum to total"));
        }
    }

    /** A file opened, or null when it does not exist. */
    private static InputStream openIfPresent(StoreSource source, Path file) throws IOException {
        try {
            return source.open(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    /** A file's bytes, or null when it does not exist. */
    private static byte[] readIfPresent(StoreSource source, Path file) throws IOException {
        try {
            return source.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static int replayJournal(byte[] bytes, SliceSeries series, Map<Long, SliceEntry> entries,
                                     boolean checkInvariants, List<Problem> problems) throws IOException {
        if (bytes == null) {
            return 0;
        }
        int lines = 0;
        int start = 0;
        int lineNo = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            lineNo++;
            if (i > start) {
                String where = Layout.JOURNAL + " line " + lineNo;
                try (JsonParser p = FACTORY.createParser(bytes, start, i - start)) {
                    p.nextToken();
                    EntryCodec.Read read = EntryCodec.read(p);
                    if (p.nextToken() != null) {
                        throw new EntryCodec.BadEntry(read.entry().key().canonical(), "content after the entry");
                    }
                    apply(series, read, Layout.JOURNAL + " line ", lineNo, entries, checkInvariants, problems, false);
                    lines++;
                } catch (EntryCodec.BadEntry e) {
                    problems.add(new Problem(Kind.STRUCTURE, where, e.sliceKey, e.getMessage()));
                } catch (JsonProcessingException e) {
                    problems.add(new Problem(Kind.STRUCTURE, where, null, "not a JSON entry: "
                            + e.getOriginalMessage()));
                }
            }
            start = i + 1;
        }
        if (start < bytes.length) {
            problems.add(new Problem(Kind.TORN_TAIL, Layout.JOURNAL + " line " + (lineNo + 1), null,
                    "incomplete last line (" + (bytes.length - start) + " bytes, no newline): a crash mid-append; "
                            + "ignored"));
        }
        return lines;
    }

    /** Writes manifest.json atomically. */
    static void write(Path dir, Manifest m, Instant writtenAt) throws IOException {
        AtomicFiles.write(dir.resolve(Layout.MANIFEST), out -> writeTo(out, m, writtenAt));
    }

    static void writeTo(OutputStream out, Manifest m, Instant writtenAt) throws IOException {
        SliceSeries s = m.series();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new OneEntryPerLine());
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("venue", s.venue());
            g.writeStringField("endpoint", s.endpoint());
            g.writeStringField("symbol", s.symbol());
            g.writeStringField("interval", s.interval().wireCode());
            g.writeNumberField("limit", s.limit());
            if (m.gridAnchor().isPresent()) {
                g.writeNumberField("grid_anchor_ms", m.gridAnchor().getAsLong());
            } else {
                g.writeNullField("grid_anchor_ms");
            }
            g.writeStringField("written_at", writtenAt.toString());
            writeSummary(g, m.summary());
            g.writeFieldName("slices");
            g.writeStartArray();
            for (SliceEntry e : m.entries()) {
                EntryCodec.write(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeSummary(JsonGenerator g, ManifestSummary s) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("total", s.total());
        g.writeObjectFieldStart("by_status");
        for (SliceStatus st : SliceStatus.values()) {
            g.writeNumberField(st.wireCode(), s.count(st));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("by_reason");
        for (Map.Entry<SliceVerdict, Integer> e : s.byVerdict().entrySet()) {
            g.writeNumberField(e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** One journal line: the entry's JSON and a newline, as one byte array (one write call). */
    static byte[] journalLine(SliceEntry e) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            EntryCodec.write(g, e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Compact JSON, except that the one array of a manifest (its slices) holds one entry per line. */
    private static final class OneEntryPerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues > 0) {
                g.writeRaw('\n');
            }
            g.writeRaw(']');
        }
    }
}
